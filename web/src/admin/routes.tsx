import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAccess } from '../auth/RequireAccess';

const UsersView = lazy(() => import('./views/UsersView'));
const AuditLogView = lazy(() => import('./views/AuditLogView'));

/** Users and the audit log: the secretariat's (the admin page and API tokens are routed in app/router.tsx). */
export const adminRoutes: RouteObject[] = [
  {
    path: 'admin/users',
    element: (
      <RequireAccess audience={['SECRETARIAT']}>
        <UsersView />
      </RequireAccess>
    ),
  },
  {
    path: 'admin/audit',
    element: (
      <RequireAccess audience={['SECRETARIAT']}>
        <AuditLogView />
      </RequireAccess>
    ),
  },
];
