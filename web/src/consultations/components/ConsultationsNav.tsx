import { SubNav } from '../../components/SubNav';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { deadlinesUrl, overviewUrl, policyDocumentsUrl } from '../urls';

export function ConsultationsNav() {
  const t = useMessages(messages);
  return (
    <SubNav
      label={t.sectionNav}
      items={[
        { to: overviewUrl(), label: t.navOverview },
        { to: deadlinesUrl(), label: t.navDeadlines },
        { to: policyDocumentsUrl(), label: t.navDocuments },
      ]}
    />
  );
}
