import { Button, Checkbox, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { allows } from '../../auth/access';
import { useSessionState } from '../../auth/SessionProvider';
import { DataTable } from '../../components/DataTable';
import { FilterSelect, Filters } from '../../components/Filters';
import { CreateLink, PageHead } from '../../components/PageHead';
import { PolicyDocumentLink } from '../../components/PolicyDocumentLink';
import { EmptyState, ErrorState, LiveNotice, Loading } from '../../components/states';
import { useFilterParams } from '../../components/useFilterParams';
import { usePageTitle } from '../../components/usePageTitle';
import { getFragmentData, graphql } from '../../gql';
import type { OverviewTableQuery, PolicyDocumentKind } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import { useCouncilNames } from '../../people/useCouncilNames';
import { ConsultationsNav } from '../components/ConsultationsNav';
import { InPlaceEdit } from '../components/InPlaceEdit';
import { LaunchFragment, LaunchText } from '../components/LaunchText';
import { RoundFragment, RoundSummary } from '../components/RoundSummary';
import { DOCUMENT_KINDS, isDocumentKind } from '../kinds';
import messages from '../messages';
import { newPolicyDocumentUrl } from '../urls';

const OverviewTableQuery = graphql(`
  query OverviewTable {
    overview {
      position
      followUpProposal
      launch {
        date
        text
        sortDate
        ...LaunchText_Launch
      }
      document {
        id
        kind
        reference
        title
        ministry
        version
      }
      innspill {
        id
        ...RoundSummary_Round
      }
      hoering {
        id
        ...RoundSummary_Round
      }
    }
  }
`);

const MoveRowMutation = graphql(`
  mutation MoveOverviewRow($id: ID!, $version: Int!, $position: Int!) {
    movePolicyDocumentOnOverview(id: $id, version: $version, position: $position) {
      id
      version
      overviewPosition
    }
  }
`);

type Row = OverviewTableQuery['overview'][number];
// An empty overview names no type: say which one, so a new document refreshes it.
const overviewContext = { additionalTypenames: ['PolicyDocument'] };
type Sort = 'position' | 'launch' | 'deadline' | 'title';
const SORTS: Sort[] = ['position', 'launch', 'deadline', 'title'];
const isSort = (v: string | null): v is Sort => v !== null && (SORTS as string[]).includes(v);

const rounds = (row: Row) => [...row.innspill, ...row.hoering].map((r) => getFragmentData(RoundFragment, r));

/** The soonest deadline of a row's rounds still to be answered, for sorting. */
function nextDeadline(row: Row): string {
  const open = rounds(row)
    .filter((r) => r.open && r.deadline)
    .map((r) => r.deadline as string)
    .sort();
  return open[0] ?? '9999-12-31';
}

const flagged = (row: Row) => rounds(row).some((r) => r.open && r.flags.length > 0);

export default function OverviewView() {
  const t = useMessages(messages);
  const council = useCouncilNames();
  usePageTitle(t.overviewTitle);
  const state = useSessionState();
  const client = useClient();
  const canEdit = allows(['SECRETARIAT'], state);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OverviewTableQuery, context: overviewContext });
  const fetchLatest = useCallback(() => client.query(OverviewTableQuery, {}, { requestPolicy: 'network-only' }).toPromise(), [client]);
  const { params, setParam, clear } = useFilterParams();
  const text = params.get('q') ?? '';
  const kindParam = params.get('kind');
  const kind: PolicyDocumentKind | null = isDocumentKind(kindParam) ? kindParam : null;
  const ministry = params.get('ministry') ?? '';
  const onlyOpen = params.get('open') === '1';
  const sortParam = params.get('sort');
  const sort: Sort = isSort(sortParam) ? sortParam : 'position';
  const [notice, setNotice] = useState<string | null>(null);
  const [moved, move] = useMutation(MoveRowMutation);

  const all = data?.overview ?? [];
  const ministries = [...new Set(all.map((r) => r.document.ministry).filter((m): m is string => Boolean(m)))].sort((a, b) =>
    a.localeCompare(b, 'nb'),
  );
  const needle = text.trim().toLocaleLowerCase('nb');
  const rows = all
    .filter((r) => !kind || r.document.kind === kind)
    .filter((r) => !ministry || r.document.ministry === ministry)
    .filter((r) => !onlyOpen || rounds(r).some((x) => x.open))
    .filter(
      (r) =>
        !needle ||
        [r.document.title, r.document.reference, r.document.ministry].some((s) => s?.toLocaleLowerCase('nb').includes(needle)),
    )
    .sort((a, b) => {
      switch (sort) {
        case 'launch':
          return (a.launch.sortDate ?? '9999-12-31').localeCompare(b.launch.sortDate ?? '9999-12-31') || a.position - b.position;
        case 'deadline':
          return nextDeadline(a).localeCompare(nextDeadline(b)) || a.position - b.position;
        case 'title':
          return a.document.title.localeCompare(b.document.title, 'nb');
        default:
          return a.position - b.position;
      }
    });
  const filtered = Boolean(needle || kind || ministry || onlyOpen);
  const canMove = canEdit && sort === 'position' && !filtered;

  async function moveRow(row: Row, position: number) {
    setNotice(null);
    const response = await move({ id: row.document.id, version: row.document.version, position });
    if (!response.error) {
      setNotice(t.moved(row.document.title, position));
      // Rows below and above shift too: fetch the whole table again.
      await fetchLatest();
    } else {
      await fetchLatest();
    }
  }

  return (
    <>
      <ConsultationsNav />
      <PageHead title={t.overviewTitle}>
        <CreateLink to={newPolicyDocumentUrl()} label={t.newDocument} />
      </PageHead>
      <Paragraph>{state.status === 'authenticated' ? t.overviewIntro : `${t.overviewIntro} ${t.publicIntro}`}</Paragraph>
      <Filters label={t.filters} clearLabel={t.clearFilters} onClear={filtered || sort !== 'position' ? clear : undefined}>
        <Textfield label={t.filterText} description={t.filterTextDescription} value={text} onChange={(e) => setParam('q', e.target.value)} />
        <FilterSelect
          name="kind"
          label={t.filterKind}
          anyLabel={t.anyKind}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t[`docKind${k}`] }))}
        />
        <FilterSelect
          name="ministry"
          label={t.filterMinistry}
          anyLabel={t.anyMinistry}
          options={ministries.map((m) => ({ value: m, label: m }))}
        />
        <FilterSelect
          name="sort"
          label={t.sortBy}
          options={[
            { value: 'position', label: t.sortPosition },
            { value: 'launch', label: t.sortLaunch },
            { value: 'deadline', label: t.sortDeadline },
            { value: 'title', label: t.sortTitle },
          ]}
        />
        <Checkbox label={t.filterOpen} checked={onlyOpen} onChange={(e) => setParam('open', e.target.checked ? '1' : '')} />
      </Filters>
      <LiveNotice notice={notice} />
      {!data && fetching ? (
        <Loading />
      ) : error && !data ? (
        <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : all.length === 0 ? (
        <EmptyState>{t.overviewEmpty}</EmptyState>
      ) : rows.length === 0 ? (
        <EmptyState>{t.overviewNoMatch}</EmptyState>
      ) : (
        <div className="stack">
          <Paragraph data-size="sm" aria-live="polite">
            {t.shown(rows.length, all.length)}. {t.flagsLegend}
          </Paragraph>
          <DataTable
            testId="overview"
            className="overview-table"
            size="sm"
            zebra={false}
            caption={t.overviewTitle}
            columns={[
              { label: t.colNumber, className: 'num' },
              t.colDocument,
              t.colInnspill(council?.shortName ?? null),
              t.colLaunch,
              t.colHoering,
              { label: t.colFollowUp, className: 'col-followup' },
            ]}
          >
            {rows.map((row) => {
              const doc = row.document;
              const launch = getFragmentData(LaunchFragment, row.launch);
              return (
                <Table.Row key={doc.id} className={flagged(row) ? 'row--flagged' : undefined} data-testid="overview-row">
                  <Table.Cell className="num">
                    {row.position}
                    {canMove && (
                      <div className="move-buttons">
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          icon
                          aria-label={t.moveUp(doc.title)}
                          disabled={row.position === 1 || moved.fetching}
                          onClick={() => moveRow(row, row.position - 1)}
                        >
                          <span aria-hidden>↑</span>
                        </Button>
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          icon
                          aria-label={t.moveDown(doc.title)}
                          disabled={row.position === all.length || moved.fetching}
                          onClick={() => moveRow(row, row.position + 1)}
                        >
                          <span aria-hidden>↓</span>
                        </Button>
                      </div>
                    )}
                  </Table.Cell>
                  <Table.HeaderCell scope="row">
                    <PolicyDocumentLink document={doc} />
                    {doc.ministry && <div className="muted">{doc.ministry}</div>}
                  </Table.HeaderCell>
                  <Table.Cell>
                    {row.innspill.length === 0 ? (
                      t.noRounds
                    ) : (
                      <ul className="round-list">
                        {row.innspill.map((r) => (
                          <li key={r.id}>
                            <RoundSummary round={r} showKind={false} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {canEdit ? (
                      <InPlaceEdit
                        documentId={doc.id}
                        version={doc.version}
                        fetchLatest={fetchLatest}
                        editLabel={t.editLaunchLabel(doc.title)}
                        onSaved={() => setNotice(t.rowSaved(doc.title))}
                        fields={[
                          { key: 'launchText', label: t.launchText, value: launch.text ?? '' },
                          { key: 'launchDate', label: t.launchDate, value: launch.date ?? '', type: 'date' },
                        ]}
                      >
                        <LaunchText launch={row.launch} />
                      </InPlaceEdit>
                    ) : (
                      <LaunchText launch={row.launch} />
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {row.hoering.length === 0 ? (
                      t.noRounds
                    ) : (
                      <ul className="round-list">
                        {row.hoering.map((r) => (
                          <li key={r.id}>
                            <RoundSummary round={r} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </Table.Cell>
                  <Table.Cell className="col-followup">
                    {canEdit ? (
                      <InPlaceEdit
                        documentId={doc.id}
                        version={doc.version}
                        fetchLatest={fetchLatest}
                        editLabel={t.editFollowUpLabel(doc.title)}
                        onSaved={() => setNotice(t.rowSaved(doc.title))}
                        fields={[{ key: 'followUpProposal', label: t.followUpLabel(doc.title), value: row.followUpProposal ?? '', multiline: true }]}
                      >
                        {row.followUpProposal}
                      </InPlaceEdit>
                    ) : (
                      <span className="prewrap">{row.followUpProposal}</span>
                    )}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </DataTable>
        </div>
      )}
    </>
  );
}
