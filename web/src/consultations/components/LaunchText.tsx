import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatNumericDate } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';

export const LaunchFragment = graphql(`
  fragment LaunchText_Launch on Launch {
    date
    text
    precision
    postponed
  }
`);

/** The launch as the table writes it: the text when there is one, else the date. */
export function LaunchText({ launch: masked }: { launch: FragmentType<typeof LaunchFragment> }) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const launch = getFragmentData(LaunchFragment, masked);
  const shown = launch.text ?? (launch.date ? formatNumericDate(launch.date, lang) : null);
  if (!shown) return <span className="muted">{t.launchUnknown}</span>;
  return (
    <>
      {shown}
      {launch.text && launch.date && !/\d{1,2}\.\d{1,2}\.\d{2,4}/.test(launch.text) && (
        <span className="muted"> ({formatNumericDate(launch.date, lang)})</span>
      )}
      {launch.postponed && !/utsatt/i.test(launch.text ?? '') && <span className="muted"> ({t.postponed})</span>}
    </>
  );
}
