import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAccess } from '../auth/RequireAccess';

const MemberView = lazy(() => import('./views/MemberView'));

/** A member's own page; any logged-in user may open it (it says when the account has no person). */
export const memberRoutes: RouteObject[] = [
  {
    path: 'my',
    element: (
      <RequireAccess audience="user">
        <MemberView />
      </RequireAccess>
    ),
  },
];
