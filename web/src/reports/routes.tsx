import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAccess } from '../auth/RequireAccess';

const AnnualReportView = lazy(() => import('./views/AnnualReportView'));

/** The annual report's figures: for logged-in users (the API's rule). */
export const reportRoutes: RouteObject[] = [
  {
    path: 'annual-report',
    element: (
      <RequireAccess audience="user">
        <AnnualReportView />
      </RequireAccess>
    ),
  },
];
