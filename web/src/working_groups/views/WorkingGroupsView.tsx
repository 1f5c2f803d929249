import { Button, Checkbox, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useSearchParams } from 'react-router';
import { allows } from '../../auth/access';
import { useSessionState } from '../../auth/SessionProvider';
import { PagedFooter } from '../../components/PagedFooter';
import { RouterLink } from '../../components/RouterLink';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { usePagedQuery } from '../../components/usePagedQuery';
import { usePageTitle } from '../../components/usePageTitle';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n/LanguageProvider';
import { GroupTable } from '../components/GroupRows';
import { GROUP_KINDS, GROUP_STATUSES, isGroupKind, isGroupStatus } from '../components/kinds';
import messages from '../messages';
import { newWorkingGroupUrl } from '../urls';

const PAGE = 50;

const WorkingGroupsPageQuery = graphql(`
  query WorkingGroupsPage($kind: WorkingGroupKind, $status: [WorkingGroupStatus!]!, $first: Int!, $after: String) {
    workingGroups(kind: $kind, status: $status, first: $first, after: $after) {
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
  }
`);

const MyWorkingGroupsQuery = graphql(`
  query MyWorkingGroupsPage($first: Int!, $after: String) {
    myWorkingGroups(first: $first, after: $after) {
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
  }
`);

function AllGroups({ kind, status, filtered }: { kind: string | null; status: string | null; filtered: boolean }) {
  const t = useMessages(messages);
  const paged = usePagedQuery(
    WorkingGroupsPageQuery,
    { kind: isGroupKind(kind) ? kind : null, status: isGroupStatus(status) ? [status] : [], first: PAGE, after: null },
    (d) => d.workingGroups,
    { additionalTypenames: ['WorkingGroup'] },
  );
  if (paged.loading) return <Loading />;
  if (paged.error) return <ErrorState error={paged.error} onRetry={paged.retry} />;
  if (paged.totalCount === 0) return <EmptyState>{filtered ? t.empty : t.emptyAtAll}</EmptyState>;
  return (
    <div className="stack">
      <GroupTable caption={t.caption} groups={paged.nodes} />
      <PagedFooter paged={paged} countText={t.count} />
    </div>
  );
}

function MyGroups() {
  const t = useMessages(messages);
  const paged = usePagedQuery(MyWorkingGroupsQuery, { first: PAGE, after: null }, (d) => d.myWorkingGroups, {
    additionalTypenames: ['WorkingGroup'],
  });
  if (paged.loading) return <Loading />;
  if (paged.error) return <ErrorState error={paged.error} onRetry={paged.retry} />;
  if (paged.totalCount === 0) return <EmptyState>{t.emptyMine}</EmptyState>;
  return (
    <div className="stack">
      <GroupTable caption={t.myGroups} groups={paged.nodes} />
      <PagedFooter paged={paged} countText={t.count} />
    </div>
  );
}

export default function WorkingGroupsView() {
  const t = useMessages(messages);
  usePageTitle(t.title);
  const state = useSessionState();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind');
  const status = params.get('status');
  const mine = params.get('mine') === '1';
  const hasPerson = state.status === 'authenticated' && state.user.personId !== null;

  function setParam(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  return (
    <>
      <div className="page-head">
        <Heading level={1} data-size="lg">
          {t.title}
        </Heading>
        {allows(['SECRETARIAT'], state) && (
          <Button asChild variant="secondary">
            <RouterLink to={newWorkingGroupUrl()}>{t.newGroup}</RouterLink>
          </Button>
        )}
      </div>
      <Paragraph>{state.status === 'authenticated' ? t.intro : `${t.intro} ${t.publicIntro}`}</Paragraph>
      <div className="filters" role="group" aria-label={t.filters}>
        {!mine && (
          <>
            <Field>
              <Label>{t.filterKind}</Label>
              <Select value={isGroupKind(kind) ? kind : ''} onChange={(e) => setParam('kind', e.target.value)} width="auto">
                <Select.Option value="">{t.anyKind}</Select.Option>
                {GROUP_KINDS.map((k) => (
                  <Select.Option key={k} value={k}>
                    {t[`kind${k}`]}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label>{t.filterStatus}</Label>
              <Select value={isGroupStatus(status) ? status : ''} onChange={(e) => setParam('status', e.target.value)} width="auto">
                <Select.Option value="">{t.anyStatus}</Select.Option>
                {GROUP_STATUSES.map((s) => (
                  <Select.Option key={s} value={s}>
                    {t[`status${s}`]}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </>
        )}
        {hasPerson && (
          <Checkbox label={t.onlyMine} checked={mine} onChange={(e) => setParam('mine', e.target.checked ? '1' : '')} />
        )}
        {(kind || status) && !mine && (
          <Button variant="tertiary" onClick={() => setParams({}, { replace: true })}>
            {t.clearFilters}
          </Button>
        )}
      </div>
      {mine && hasPerson ? <MyGroups /> : <AllGroups kind={kind} status={status} filtered={Boolean(kind || status)} />}
    </>
  );
}
