import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { RouterLink } from '../components/RouterLink';
import { Loading } from '../components/states';
import { usePageTitle } from '../components/usePageTitle';
import { graphql } from '../gql';
import { useMessages } from '../i18n/LanguageProvider';
import { meetingUrl, sakUrl } from '../meetings/urls';
import { meetingOfSak, parseMeetingCode, parseSakCode } from './codes';
import messages from './messages';

const SakByCodeQuery = graphql(`
  query SakByCode($code: String!) {
    sak(code: $code) {
      id
      code
      title
    }
  }
`);

/** Looks a typed sak number up; the API says whether it exists for this viewer. */
function SakLookup({ code }: { code: string }) {
  const t = useMessages(messages);
  const [{ data, fetching }] = useQuery({ query: SakByCodeQuery, variables: { code } });
  if (!data && fetching) return <Loading />;
  const sak = data?.sak;
  if (!sak) return <Paragraph>{t.sakNotFound(code)}</Paragraph>;
  return (
    <Paragraph>
      {t.sakFound}:{' '}
      <RouterLink to={sakUrl(meetingOfSak(sak.code), sak.code)}>{t.sakLink(sak.code, sak.title)}</RouterLink>
    </Paragraph>
  );
}

/**
 * The search page. Full-text search waits for the API's `search`; until then it looks up
 * sak and meeting numbers and says plainly that nothing else is searched.
 */
export default function SearchView() {
  const t = useMessages(messages);
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  usePageTitle(query ? t.resultsFor(query) : t.title);
  const sakCode = parseSakCode(query);
  const meetingCode = parseMeetingCode(query);

  return (
    <>
      <Heading level={1} data-size="lg">
        {query ? t.resultsFor(query) : t.title}
      </Heading>
      {!query && <Paragraph>{t.noQuery}</Paragraph>}
      {sakCode && <SakLookup code={sakCode} />}
      {meetingCode && (
        <Paragraph>
          {t.meetingFound}: <RouterLink to={meetingUrl(meetingCode)}>{t.meetingLink(meetingCode)}</RouterLink>
        </Paragraph>
      )}
      {query && (
        <Alert data-color="info">
          <Paragraph>{t.notReady}</Paragraph>
        </Alert>
      )}
    </>
  );
}
