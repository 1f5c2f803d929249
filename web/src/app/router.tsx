import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAccess } from '../auth/RequireAccess';
import { Layout } from './Layout';
import { ComingSoonPage, NotFoundPage, RouteErrorPage } from './pages';
import { ComingSoonPaths } from './sections';

// Each screen is its own chunk, loaded when first visited.
const OverviewView = lazy(() => import('../overview/OverviewView'));
const LoginPage = lazy(() => import('../auth/LoginPage'));
const MeetingsListView = lazy(() => import('../meetings/views/MeetingsListView'));
const MeetingView = lazy(() => import('../meetings/views/MeetingView'));
const SearchView = lazy(() => import('../search/SearchView'));
const AdminView = lazy(() => import('../admin/views/AdminView'));
const ApiTokensView = lazy(() => import('../admin/views/ApiTokensView'));

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <OverviewView /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'meetings', element: <MeetingsListView /> },
      { path: 'meetings/:code', element: <MeetingView /> },
      { path: 'search', element: <SearchView /> },
      { path: ComingSoonPaths.saker.slice(1), element: <ComingSoonPage section="navSaker" /> },
      {
        path: ComingSoonPaths.people.slice(1),
        element: (
          <RequireAccess audience="user">
            <ComingSoonPage section="navPeople" />
          </RequireAccess>
        ),
      },
      {
        path: ComingSoonPaths.workingGroups.slice(1),
        element: (
          <RequireAccess audience="user">
            <ComingSoonPage section="navWorkingGroups" />
          </RequireAccess>
        ),
      },
      {
        path: ComingSoonPaths.consultations.slice(1),
        element: (
          <RequireAccess audience="user">
            <ComingSoonPage section="navConsultations" />
          </RequireAccess>
        ),
      },
      {
        path: ComingSoonPaths.annualReport.slice(1),
        element: (
          <RequireAccess audience="user">
            <ComingSoonPage section="navAnnualReport" />
          </RequireAccess>
        ),
      },
      {
        path: 'admin',
        element: (
          <RequireAccess audience={['SECRETARIAT']}>
            <AdminView />
          </RequireAccess>
        ),
      },
      {
        path: 'admin/api-tokens',
        element: (
          <RequireAccess audience="user">
            <ApiTokensView />
          </RequireAccess>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
