import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAccess } from '../auth/RequireAccess';
import { adminRoutes } from '../admin/routes';
import { consultationRoutes } from '../consultations/routes';
import { memberRoutes } from '../member/routes';
import { peopleRoutes } from '../people/routes';
import { reportRoutes } from '../reports/routes';
import { workingGroupRoutes } from '../working_groups/routes';
import { Layout } from './Layout';
import { NotFoundPage, RouteErrorPage } from './pages';

// Each screen is its own chunk, loaded when first visited.
const OversiktView = lazy(() => import('../frontpage/OversiktView'));
const LoginPage = lazy(() => import('../auth/LoginPage'));
const MeetingsListView = lazy(() => import('../meetings/views/MeetingsListView'));
const MeetingView = lazy(() => import('../meetings/views/MeetingView'));
const NewMeetingView = lazy(() => import('../meetings/views/NewMeetingView'));
const AgendaBuilderView = lazy(() => import('../meetings/views/AgendaBuilderView'));
const AttendanceView = lazy(() => import('../meetings/views/AttendanceView'));
const HabilitetView = lazy(() => import('../habilitet/views/HabilitetView'));
const MinutesEditorView = lazy(() => import('../minutes/views/MinutesEditorView'));
const SakView = lazy(() => import('../saker/views/SakView'));
const SakerView = lazy(() => import('../saker/views/SakerView'));
const SearchView = lazy(() => import('../search/SearchView'));
const AdminView = lazy(() => import('../admin/views/AdminView'));
const ApiTokensView = lazy(() => import('../admin/views/ApiTokensView'));

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <OversiktView /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'meetings', element: <MeetingsListView /> },
      {
        path: 'meetings/new',
        element: (
          <RequireAccess audience={['SECRETARIAT']}>
            <NewMeetingView />
          </RequireAccess>
        ),
      },
      { path: 'meetings/:code', element: <MeetingView /> },
      {
        path: 'meetings/:code/agenda',
        element: (
          <RequireAccess audience={['SECRETARIAT']}>
            <AgendaBuilderView />
          </RequireAccess>
        ),
      },
      {
        path: 'meetings/:code/attendance',
        element: (
          <RequireAccess audience={['SECRETARIAT']}>
            <AttendanceView />
          </RequireAccess>
        ),
      },
      {
        path: 'meetings/:code/habilitet',
        element: (
          <RequireAccess audience={['SECRETARIAT', 'MEMBER']}>
            <HabilitetView />
          </RequireAccess>
        ),
      },
      {
        path: 'meetings/:code/minutes',
        element: (
          <RequireAccess audience={['SECRETARIAT']}>
            <MinutesEditorView />
          </RequireAccess>
        ),
      },
      { path: 'saker/:code', element: <SakView /> },
      { path: 'search', element: <SearchView /> },
      { path: 'saker', element: <SakerView /> },
      ...peopleRoutes,
      ...workingGroupRoutes,
      ...consultationRoutes,
      ...reportRoutes,
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
      ...memberRoutes,
      ...adminRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
