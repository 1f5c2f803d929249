import { Link } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { Link as RouterLinkBase, type LinkProps } from 'react-router';

/** A client-side link that looks like Designsystemet's Link. */
export function RouterLink({ children, ...props }: LinkProps & { children: ReactNode }) {
  return (
    <Link asChild>
      <RouterLinkBase {...props}>{children}</RouterLinkBase>
    </Link>
  );
}
