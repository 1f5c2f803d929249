import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { RouterLink } from '../../components/RouterLink';
import { usePageTitle } from '../../components/usePageTitle';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { apiTokensUrl, auditLogUrl, usersUrl } from '../urls';
import usersMessages from '../usersMessages';

/** The secretariat's admin section: accounts, API tokens and the audit log. */
export default function AdminView() {
  const t = useMessages(messages);
  const u = useMessages(usersMessages);
  usePageTitle(t.adminTitle);
  const cards = [
    { to: usersUrl(), title: t.usersLink, text: u.usersLinkText },
    { to: apiTokensUrl(), title: t.apiTokensLink, text: t.apiTokensLinkText },
    { to: auditLogUrl(), title: t.auditLink, text: u.auditLinkText },
  ];
  return (
    <>
      <Heading level={1} data-size="lg">
        {t.adminTitle}
      </Heading>
      <Paragraph>{t.adminIntro}</Paragraph>
      <ul className="card-list">
        {cards.map((c) => (
          <li key={c.to}>
            <Card>
              <Heading level={2} data-size="xs">
                <RouterLink to={c.to}>{c.title}</RouterLink>
              </Heading>
              <Paragraph>{c.text}</Paragraph>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
