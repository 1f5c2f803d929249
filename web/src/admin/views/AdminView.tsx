import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { RouterLink } from '../../components/RouterLink';
import { usePageTitle } from '../../components/usePageTitle';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { apiTokensUrl } from '../urls';

/** The secretariat's admin section. Users and the audit log wait for their API. */
export default function AdminView() {
  const t = useMessages(messages);
  usePageTitle(t.adminTitle);
  return (
    <>
      <Heading level={1} data-size="lg">
        {t.adminTitle}
      </Heading>
      <Paragraph>{t.adminIntro}</Paragraph>
      <ul className="card-list">
        <li>
          <Card>
            <Heading level={2} data-size="xs">
              <RouterLink to={apiTokensUrl()}>{t.apiTokensLink}</RouterLink>
            </Heading>
            <Paragraph>{t.apiTokensLinkText}</Paragraph>
          </Card>
        </li>
        <li>
          <Card>
            <Heading level={2} data-size="xs">
              {t.usersLink} <span className="muted">({t.notYet})</span>
            </Heading>
          </Card>
        </li>
        <li>
          <Card>
            <Heading level={2} data-size="xs">
              {t.auditLink} <span className="muted">({t.notYet})</span>
            </Heading>
          </Card>
        </li>
      </ul>
    </>
  );
}
