import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAccess } from '../auth/RequireAccess';

const WorkingGroupsView = lazy(() => import('./views/WorkingGroupsView'));
const WorkingGroupView = lazy(() => import('./views/WorkingGroupView'));
const CreateWorkingGroupView = lazy(() => import('./views/CreateWorkingGroupView'));

/** Working groups: readable by all (the API shows the public only published ones); set up by the secretariat. */
export const workingGroupRoutes: RouteObject[] = [
  { path: 'working-groups', element: <WorkingGroupsView /> },
  {
    path: 'working-groups/new',
    element: (
      <RequireAccess audience={['SECRETARIAT']}>
        <CreateWorkingGroupView />
      </RequireAccess>
    ),
  },
  { path: 'working-groups/:id', element: <WorkingGroupView /> },
];
