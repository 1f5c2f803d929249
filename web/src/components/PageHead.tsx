import { Button, Heading } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { allows } from '../auth/access';
import { useSessionState } from '../auth/SessionProvider';
import { RouterLink } from './RouterLink';

/** A page's heading, with what the page lets one start beside it. */
export function PageHead({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-head">
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {children}
    </div>
  );
}

/** The way to a new one of what the page lists: only the secretariat creates them. */
export function CreateLink({ to, label }: { to: string; label: string }) {
  const state = useSessionState();
  if (!allows(['SECRETARIAT'], state)) return null;
  return (
    <Button asChild variant="secondary">
      <RouterLink to={to}>{label}</RouterLink>
    </Button>
  );
}
