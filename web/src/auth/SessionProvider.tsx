import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { createClient } from '../api/client';
import type { Session, SessionState } from '../api/session';

const SessionContext = createContext<Session | null>(null);

/** Holds the session, restores it from the refresh cookie on load and provides the client. */
export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  const state = useSyncExternalStore(session.subscribe, session.getState);

  useEffect(() => {
    if (session.getState().status === 'unknown') void session.restore();
  }, [session]);

  // A new user gets a new client, so nothing cached for one person is shown to another.
  const userKey = state.status === 'authenticated' ? state.user.id : state.status;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- userKey decides when to start afresh
  const client = useMemo(() => createClient(session), [session, userKey]);

  return (
    <SessionContext.Provider value={session}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export function useSessionState(): SessionState {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, session.getState);
}
