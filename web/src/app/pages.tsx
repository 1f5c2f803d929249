// Small pages of the shell: not found, and a failed route.
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { RouterLink } from '../components/RouterLink';
import { usePageTitle } from '../components/usePageTitle';
import { useMessages } from '../i18n/LanguageProvider';
import messages from './messages';

export function NotFoundPage() {
  const t = useMessages(messages);
  usePageTitle(t.notFoundTitle);
  return (
    <div className="narrow" data-testid="not-found">
      <Heading level={1} data-size="lg">
        {t.notFoundTitle}
      </Heading>
      <Paragraph>{t.notFoundText}</Paragraph>
      <Paragraph>
        <RouterLink to="/">{t.toOverview}</RouterLink>
      </Paragraph>
    </div>
  );
}

/** Shown when a route's code could not be loaded (e.g. a new release replaced the files). */
export function RouteErrorPage() {
  const t = useMessages(messages);
  usePageTitle(t.routeFailedTitle);
  return (
    <div className="shell-main narrow">
      <Alert data-color="danger" role="alert">
        <Heading level={1} data-size="sm">
          {t.routeFailedTitle}
        </Heading>
        <Paragraph>{t.routeFailedText}</Paragraph>
        <Button variant="secondary" onClick={() => window.location.reload()}>
          {t.reload}
        </Button>
      </Alert>
    </div>
  );
}
