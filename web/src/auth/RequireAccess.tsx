import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import appMessages from '../app/messages';
import { Loading } from '../components/states';
import { usePageTitle } from '../components/usePageTitle';
import { useMessages } from '../i18n/LanguageProvider';
import { allows, type Audience } from './access';
import messages from './messages';
import { useSessionState } from './SessionProvider';
import { loginUrl } from './urls';

/** Shows its children to the audience; sends the public to log in; tells others why not. */
export function RequireAccess({ audience, children }: { audience: Audience; children: ReactNode }) {
  const state = useSessionState();
  const location = useLocation();
  if (allows(audience, state)) return <>{children}</>;
  if (state.status === 'unknown') return <Loading />;
  if (state.status === 'anonymous') {
    return <Navigate to={loginUrl(location.pathname + location.search)} replace />;
  }
  return <NoAccess />;
}

export function NoAccess() {
  const t = useMessages(messages);
  const app = useMessages(appMessages);
  const state = useSessionState();
  usePageTitle(t.noAccessTitle);
  return (
    <div className="narrow" data-testid="no-access">
      <Heading level={1} data-size="lg">
        {t.noAccessTitle}
      </Heading>
      <Paragraph>{t.noAccessText}</Paragraph>
      {state.status === 'authenticated' && (
        <Paragraph>{t.noAccessWho(state.user.name, app[`role${state.user.role}`])}</Paragraph>
      )}
      <Paragraph>{t.noAccessHelp}</Paragraph>
    </div>
  );
}
