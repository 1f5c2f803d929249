import { NavLink } from 'react-router';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { deadlinesUrl, overviewUrl, policyDocumentsUrl } from '../urls';

export function ConsultationsNav() {
  const t = useMessages(messages);
  const items = [
    { to: overviewUrl(), label: t.navOverview },
    { to: deadlinesUrl(), label: t.navDeadlines },
    { to: policyDocumentsUrl(), label: t.navDocuments },
  ];
  return (
    <nav aria-label={t.sectionNav} className="sub-nav">
      <ul>
        {items.map((i) => (
          <li key={i.to}>
            <NavLink to={i.to} end>
              {i.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
