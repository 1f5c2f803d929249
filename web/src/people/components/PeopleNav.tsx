import { allows } from '../../auth/access';
import { useSessionState } from '../../auth/SessionProvider';
import { SubNav } from '../../components/SubNav';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { councilUrl, organisationsUrl, peopleListUrl } from '../urls';

/** The section's own menu: the council, the register, the organisations. */
export function PeopleNav() {
  const t = useMessages(messages);
  const state = useSessionState();
  const items = [
    { to: councilUrl(), label: t.navCouncil, show: true },
    { to: peopleListUrl(), label: t.navPeople, show: allows('user', state) },
    { to: organisationsUrl(), label: t.navOrganisations, show: allows(['SECRETARIAT'], state) },
  ].filter((i) => i.show);
  if (items.length < 2) return null;
  return <SubNav label={t.sectionNav} items={items} />;
}
