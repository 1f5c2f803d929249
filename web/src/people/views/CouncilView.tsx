import { Alert, Button, Card, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { DataTable } from '../../components/DataTable';
import { CreateLink, PageHead } from '../../components/PageHead';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { usePageTitle } from '../../components/usePageTitle';
import { getFragmentData, graphql } from '../../gql';
import type { QuotaStatus } from '../../gql/graphql';
import { formatShortDate, todayInNorway } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import { PeopleNav } from '../components/PeopleNav';
import { SeatFragment, SeatLine, SeatList } from '../components/SeatList';
import messages from '../messages';
import { newPersonUrl } from '../urls';

const CouncilPageQuery = graphql(`
  query CouncilPage($date: NaiveDate) {
    council(date: $date) {
      date
      memberCount
      quotaTotal
      chair {
        ...SeatList_Seat
      }
      viceChair {
        ...SeatList_Seat
      }
      sectors {
        sector {
          id
          code
          name
        }
        quota
        filled
        difference
        status
        members {
          appointment {
            id
          }
          ...SeatList_Seat
        }
      }
      membersWithoutSector {
        ...SeatList_Seat
      }
      deputies {
        ...SeatList_Seat
      }
      observers {
        ...SeatList_Seat
      }
      secretariat {
        ...SeatList_Seat
      }
      endingSoon {
        ...SeatList_Seat
      }
    }
  }
`);

// A new appointment can fill an empty council: name the type so the page refreshes.
const councilContext = { additionalTypenames: ['Appointment'] };

const STATUS_COLOR: Record<QuotaStatus, string> = { UNDER: 'warning', FULL: 'success', OVER: 'info' };

function isDate(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}

/** A part of the composition, under a heading one level below the date's. */
function CouncilSection({ id, title, className, children }: { id: string; title: string; className?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-h`} className={className}>
      <Heading level={3} data-size="sm" id={`${id}-h`}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

function DatePicker({ date, onChange }: { date: string; onChange: (date: string | null) => void }) {
  const t = useMessages(messages);
  const [value, setValue] = useState(date);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (isDate(value)) onChange(value);
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <Textfield label={t.compositionOn} type="date" value={value} onChange={(e) => setValue(e.target.value)} />
      <Button type="submit" variant="secondary">
        {t.showDate}
      </Button>
      <Button
        type="button"
        variant="tertiary"
        onClick={() => {
          setValue(todayInNorway());
          onChange(null);
        }}
      >
        {t.today}
      </Button>
    </form>
  );
}

export default function CouncilView() {
  const t = useMessages(messages);
  const { lang } = useLang();
  usePageTitle(t.councilTitle);
  const [params, setParams] = useSearchParams();
  const param = params.get('date');
  const date = isDate(param) ? param : todayInNorway();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CouncilPageQuery, variables: { date }, context: councilContext });
  const council = data?.council;

  return (
    <>
      <PeopleNav />
      <PageHead title={t.councilTitle}>
        <CreateLink to={newPersonUrl()} label={t.newPerson} />
      </PageHead>
      <Paragraph>{t.councilIntro}</Paragraph>
      <DatePicker key={date} date={date} onChange={(d) => setParams(d ? { date: d } : {})} />
      {!data && fetching ? (
        <Loading />
      ) : error && !data ? (
        <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : council ? (
        <div className="stack" data-testid="council">
          <Heading level={2} data-size="md">
            {t.councilOn(formatShortDate(council.date, lang))}
          </Heading>
          <Paragraph data-testid="member-count">{t.memberCount(council.memberCount, council.quotaTotal)}</Paragraph>
          {council.memberCount === 0 && council.observers.length === 0 && <EmptyState>{t.noCouncil}</EmptyState>}
          <div className="card-grid">
            <Card>
              <Heading level={3} data-size="xs">
                {t.chair}
              </Heading>
              <Paragraph>{council.chair ? <SeatLine seat={council.chair} /> : t.noChair}</Paragraph>
            </Card>
            <Card>
              <Heading level={3} data-size="xs">
                {t.viceChair}
              </Heading>
              <Paragraph>{council.viceChair ? <SeatLine seat={council.viceChair} /> : t.noViceChair}</Paragraph>
            </Card>
          </div>

          <CouncilSection id="sectors" title={t.sectorsHeading} className="stack">
            <DataTable
              testId="composition"
              className="composition-table"
              zebra={false}
              caption={t.sectorsHeading}
              columns={[t.colSector, { label: t.colQuota, className: 'num' }, { label: t.colFilled, className: 'num' }, t.colStatus, t.colMembers]}
            >
            {council.sectors.map((s) => {
              const empty = Math.max(0, s.quota - s.filled);
              return (
                <Table.Row key={s.sector.id}>
                  <Table.HeaderCell scope="row">{s.sector.name}</Table.HeaderCell>
                  <Table.Cell className="num">{s.quota}</Table.Cell>
                  <Table.Cell className="num">{s.filled}</Table.Cell>
                  <Table.Cell>
                    <Tag data-size="sm" data-color={STATUS_COLOR[s.status]}>
                      {s.status === 'UNDER'
                        ? t.statusUNDER(-s.difference)
                        : s.status === 'OVER'
                          ? t.statusOVER(s.difference)
                          : t.statusFULL}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>
                    <ul className="plain-list seat-list">
                      {s.members.map((m) => (
                        <li key={getFragmentData(SeatFragment, m).appointment.id}>
                          <SeatLine seat={m} />
                        </li>
                      ))}
                      {Array.from({ length: empty }, (_, i) => (
                        <li key={`empty-${i}`} className="empty-seat">
                          {t.emptySeat}
                        </li>
                      ))}
                    </ul>
                  </Table.Cell>
                </Table.Row>
              );
            })}
            </DataTable>
          </CouncilSection>

          {council.membersWithoutSector.length > 0 && (
            <CouncilSection id="nosector" title={t.withoutSector}>
              <Paragraph data-size="sm">{t.withoutSectorText}</Paragraph>
              <SeatList seats={council.membersWithoutSector} />
            </CouncilSection>
          )}

          <CouncilSection id="ending" title={t.endingSoonHeading}>
            {council.endingSoon.length === 0 ? (
              <Paragraph className="muted">{t.endingSoonNone}</Paragraph>
            ) : (
              <Alert data-color="warning">
                <SeatList seats={council.endingSoon} showEnd />
              </Alert>
            )}
          </CouncilSection>

          <div className="columns">
            <CouncilSection id="observers" title={t.observersHeading}>
              <SeatList seats={council.observers} />
            </CouncilSection>
            {council.deputies.length > 0 && (
              <CouncilSection id="deputies" title={t.deputiesHeading}>
                <SeatList seats={council.deputies} />
              </CouncilSection>
            )}
            <CouncilSection id="secretariat" title={t.secretariatHeading}>
              <SeatList seats={council.secretariat} />
            </CouncilSection>
          </div>
        </div>
      ) : null}
    </>
  );
}
