import '../components/screens.css';
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAccess } from '../auth/RequireAccess';

const CouncilView = lazy(() => import('./views/CouncilView'));
const PeopleListView = lazy(() => import('./views/PeopleListView'));
const PersonView = lazy(() => import('./views/PersonView'));
const CreatePersonView = lazy(() => import('./views/CreatePersonView'));
const OrganisationsView = lazy(() => import('./views/OrganisationsView'));

/** People and the council: the composition is public; the register is for users; editing for the secretariat. */
export const peopleRoutes: RouteObject[] = [
  { path: 'people', element: <CouncilView /> },
  {
    path: 'people/all',
    element: (
      <RequireAccess audience="user">
        <PeopleListView />
      </RequireAccess>
    ),
  },
  {
    path: 'people/new',
    element: (
      <RequireAccess audience={['SECRETARIAT']}>
        <CreatePersonView />
      </RequireAccess>
    ),
  },
  {
    path: 'people/organisations',
    element: (
      <RequireAccess audience={['SECRETARIAT']}>
        <OrganisationsView />
      </RequireAccess>
    ),
  },
  { path: 'people/:id', element: <PersonView /> },
];
