import { Checkbox, Paragraph } from '@digdir/designsystemet-react';
import { useSessionState } from '../../auth/SessionProvider';
import { FilterSelect, Filters } from '../../components/Filters';
import { CreateLink, PageHead } from '../../components/PageHead';
import { PagedResults } from '../../components/PagedResults';
import { useFilterParams } from '../../components/useFilterParams';
import { usePagedQuery, type Paged } from '../../components/usePagedQuery';
import { usePageTitle } from '../../components/usePageTitle';
import { getFragmentData, graphql } from '../../gql';
import type { WorkingGroupsView_PageFragment } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import { GroupTable } from '../components/GroupRows';
import { GROUP_KINDS, GROUP_STATUSES, isGroupKind, isGroupStatus } from '../components/kinds';
import messages from '../messages';
import { newWorkingGroupUrl } from '../urls';

const PAGE = 50;

// All groups and the member's own are the same kind of page, shown the same way.
const GroupsPageFragment = graphql(`
  fragment WorkingGroupsView_Page on WorkingGroupConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        ...GroupRows_Group
      }
    }
  }
`);

const WorkingGroupsPageQuery = graphql(`
  query WorkingGroupsPage($kind: WorkingGroupKind, $status: [WorkingGroupStatus!]!, $first: Int!, $after: String) {
    workingGroups(kind: $kind, status: $status, first: $first, after: $after) {
      ...WorkingGroupsView_Page
    }
  }
`);

const MyWorkingGroupsQuery = graphql(`
  query MyWorkingGroupsPage($first: Int!, $after: String) {
    myWorkingGroups(first: $first, after: $after) {
      ...WorkingGroupsView_Page
    }
  }
`);

const groupsContext = { additionalTypenames: ['WorkingGroup'] };

type GroupNode = WorkingGroupsView_PageFragment['edges'][number]['node'];

function Groups({ paged, caption, empty }: { paged: Paged<GroupNode>; caption: string; empty: string }) {
  const t = useMessages(messages);
  return (
    <PagedResults paged={paged} empty={empty} countText={t.count}>
      <GroupTable caption={caption} groups={paged.nodes} />
    </PagedResults>
  );
}

function AllGroups({ kind, status, filtered }: { kind: string | null; status: string | null; filtered: boolean }) {
  const t = useMessages(messages);
  const paged = usePagedQuery(
    WorkingGroupsPageQuery,
    { kind: isGroupKind(kind) ? kind : null, status: isGroupStatus(status) ? [status] : [], first: PAGE, after: null },
    (d) => getFragmentData(GroupsPageFragment, d.workingGroups),
    groupsContext,
  );
  return <Groups paged={paged} caption={t.caption} empty={filtered ? t.empty : t.emptyAtAll} />;
}

function MyGroups() {
  const t = useMessages(messages);
  const paged = usePagedQuery(
    MyWorkingGroupsQuery,
    { first: PAGE, after: null },
    (d) => getFragmentData(GroupsPageFragment, d.myWorkingGroups),
    groupsContext,
  );
  return <Groups paged={paged} caption={t.myGroups} empty={t.emptyMine} />;
}

export default function WorkingGroupsView() {
  const t = useMessages(messages);
  usePageTitle(t.title);
  const state = useSessionState();
  const { params, setParam, clear } = useFilterParams();
  const kind = params.get('kind');
  const status = params.get('status');
  const mine = params.get('mine') === '1';
  const hasPerson = state.status === 'authenticated' && state.user.personId !== null;

  return (
    <>
      <PageHead title={t.title}>
        <CreateLink to={newWorkingGroupUrl()} label={t.newGroup} />
      </PageHead>
      <Paragraph>{state.status === 'authenticated' ? t.intro : `${t.intro} ${t.publicIntro}`}</Paragraph>
      <Filters label={t.filters} clearLabel={t.clearFilters} onClear={(kind || status) && !mine ? clear : undefined}>
        {!mine && (
          <>
            <FilterSelect
              name="kind"
              label={t.filterKind}
              anyLabel={t.anyKind}
              options={GROUP_KINDS.map((k) => ({ value: k, label: t[`kind${k}`] }))}
            />
            <FilterSelect
              name="status"
              label={t.filterStatus}
              anyLabel={t.anyStatus}
              options={GROUP_STATUSES.map((s) => ({ value: s, label: t[`status${s}`] }))}
            />
          </>
        )}
        {hasPerson && (
          <Checkbox label={t.onlyMine} checked={mine} onChange={(e) => setParam('mine', e.target.checked ? '1' : '')} />
        )}
      </Filters>
      {mine && hasPerson ? <MyGroups /> : <AllGroups kind={kind} status={status} filtered={Boolean(kind || status)} />}
    </>
  );
}
