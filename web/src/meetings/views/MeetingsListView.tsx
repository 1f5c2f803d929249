import { Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CombinedError } from '@urql/core';
import { useClient, useQuery } from 'urql';
import { roleOf } from '../../auth/access';
import { useSessionState } from '../../auth/SessionProvider';
import componentMessages from '../../components/messages';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { usePageTitle } from '../../components/usePageTitle';
import { graphql } from '../../gql';
import type { MeetingsPageQuery as MeetingsPageQueryType } from '../../gql/graphql';
import { FIRST_YEAR, thisYear, yearsDown } from '../dates';
import { useMessages } from '../../i18n/LanguageProvider';
import { MeetingRows, MeetingsTable } from '../components/MeetingsTable';
import messages from '../messages';
import { newMeetingUrl } from '../urls';
import { RouterLink } from '../../components/RouterLink';

const PAGE_SIZE = 50;

const MeetingsPageQuery = graphql(`
  query MeetingsPage($year: Int, $first: Int!, $after: String) {
    meetings(year: $year, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...MeetingsTable_Meeting
        }
      }
    }
  }
`);

const CouncilYearsQuery = graphql(`
  query CouncilYears {
    councilPeriods {
      id
      startsOn
    }
  }
`);

function useYears(): number[] {
  const [{ data }] = useQuery({ query: CouncilYearsQuery });
  const starts = data?.councilPeriods.map((p) => Number(p.startsOn.slice(0, 4))) ?? [];
  return yearsDown(thisYear() + 1, Math.min(FIRST_YEAR, ...starts));
}

type MeetingNode = MeetingsPageQueryType['meetings']['edges'][number]['node'];

/** The meetings of one year (or all), 50 at a time; "show more" appends the next page. */
function MeetingsList({ year, caption }: { year: number | null; caption: string }) {
  const t = useMessages(messages);
  const c = useMessages(componentMessages);
  const client = useClient();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MeetingsPageQuery,
    variables: { year, first: PAGE_SIZE, after: null },
  });
  const [more, setMore] = useState<{ nodes: MeetingNode[]; cursor: string | null; hasNext: boolean } | null>(null);
  const [moreError, setMoreError] = useState<CombinedError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  if (!data && fetching) return <Loading />;
  if (error && !data) return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return null;
  const { edges, pageInfo, totalCount } = data.meetings;
  if (totalCount === 0) return <EmptyState>{year ? t.noMeetings(String(year)) : t.noMeetingsAtAll}</EmptyState>;

  const nodes = [...edges.map((e) => e.node), ...(more?.nodes ?? [])];
  const cursor = more ? more.cursor : pageInfo.endCursor;
  const hasNext = more ? more.hasNext : pageInfo.hasNextPage;

  async function loadMore() {
    setLoadingMore(true);
    setMoreError(null);
    const result = await client.query(MeetingsPageQuery, { year, first: PAGE_SIZE, after: cursor }).toPromise();
    setLoadingMore(false);
    if (result.error || !result.data) {
      setMoreError(result.error ?? null);
      return;
    }
    const page = result.data.meetings;
    setMore({
      nodes: [...(more?.nodes ?? []), ...page.edges.map((e) => e.node)],
      cursor: page.pageInfo.endCursor ?? null,
      hasNext: page.pageInfo.hasNextPage,
    });
  }

  return (
    <div className="stack">
      <Paragraph data-size="sm" aria-live="polite">
        {nodes.length < totalCount ? c.shownOf(nodes.length, totalCount) : t.count(totalCount)}
      </Paragraph>
      <MeetingsTable caption={caption}>
        <MeetingRows meetings={nodes} />
      </MeetingsTable>
      {moreError && <ErrorState error={moreError} onRetry={loadMore} />}
      {hasNext && cursor && (
        <div>
          <Button variant="secondary" onClick={loadMore} loading={loadingMore} disabled={loadingMore}>
            {c.loadMore}
          </Button>
        </div>
      )}
    </div>
  );
}

export default function MeetingsListView() {
  const t = useMessages(messages);
  usePageTitle(t.meetingsTitle);
  const state = useSessionState();
  const years = useYears();
  const [params, setParams] = useSearchParams();
  const param = params.get('year');
  const current = thisYear();
  const year = param === 'all' ? null : Number(param) || current;
  const caption = year ? t.meetingsInYear(String(year)) : t.allMeetings;

  return (
    <>
      <Heading level={1} data-size="lg">
        {t.meetingsTitle}
      </Heading>
      <Paragraph>{roleOf(state) === 'SECRETARIAT' ? t.meetingsIntro : `${t.meetingsIntro} ${t.publicIntro}`}</Paragraph>
      {roleOf(state) === 'SECRETARIAT' && (
        <div>
          <Button asChild>
            <RouterLink to={newMeetingUrl()}>{t.newMeeting}</RouterLink>
          </Button>
        </div>
      )}
      <Field className="year-filter">
        <Label>{t.year}</Label>
        <Select
          width="auto"
          value={year === null ? 'all' : String(year)}
          onChange={(e) => setParams(e.target.value === String(current) ? {} : { year: e.target.value })}
        >
          {years.map((y) => (
            <Select.Option key={y} value={String(y)}>
              {y}
            </Select.Option>
          ))}
          <Select.Option value="all">{t.allYears}</Select.Option>
        </Select>
      </Field>
      <Heading level={2} data-size="sm">
        {caption}
      </Heading>
      <MeetingsList key={String(year)} year={year} caption={caption} />
    </>
  );
}
