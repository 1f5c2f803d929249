import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAccess } from '../auth/RequireAccess';

const OverviewView = lazy(() => import('./views/OverviewView'));
const DeadlinesView = lazy(() => import('./views/DeadlinesView'));
const PolicyDocumentsView = lazy(() => import('./views/PolicyDocumentsView'));
const PolicyDocumentView = lazy(() => import('./views/PolicyDocumentView'));
const CreatePolicyDocumentView = lazy(() => import('./views/CreatePolicyDocumentView'));

/** Policy documents and consultations: readable by all (the API decides what), edited by the secretariat. */
export const consultationRoutes: RouteObject[] = [
  { path: 'consultations', element: <OverviewView /> },
  { path: 'consultations/deadlines', element: <DeadlinesView /> },
  { path: 'consultations/documents', element: <PolicyDocumentsView /> },
  {
    path: 'consultations/documents/new',
    element: (
      <RequireAccess audience={['SECRETARIAT']}>
        <CreatePolicyDocumentView />
      </RequireAccess>
    ),
  },
  { path: 'consultations/documents/:id', element: <PolicyDocumentView /> },
];
