import { Alert, Button, Card, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { allows } from '../../auth/access';
import { useSessionState } from '../../auth/SessionProvider';
import { RouterLink } from '../../components/RouterLink';
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
  const state = useSessionState();
  const [params, setParams] = useSearchParams();
  const param = params.get('date');
  const date = isDate(param) ? param : todayInNorway();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CouncilPageQuery, variables: { date }, context: councilContext });
  const council = data?.council;

  return (
    <>
      <PeopleNav />
      <div className="page-head">
        <Heading level={1} data-size="lg">
          {t.councilTitle}
        </Heading>
        {allows(['SECRETARIAT'], state) && (
          <Button asChild variant="secondary">
            <RouterLink to={newPersonUrl()}>{t.newPerson}</RouterLink>
          </Button>
        )}
      </div>
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

          <section aria-labelledby="sectors-h" className="stack">
            <Heading level={3} data-size="sm" id="sectors-h">
              {t.sectorsHeading}
            </Heading>
            <div className="table-scroll">
              <Table data-testid="composition" className="composition-table">
                <caption className="ds-sr-only">{t.sectorsHeading}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t.colSector}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{t.colQuota}</Table.HeaderCell>
                    <Table.HeaderCell className="num">{t.colFilled}</Table.HeaderCell>
                    <Table.HeaderCell>{t.colStatus}</Table.HeaderCell>
                    <Table.HeaderCell>{t.colMembers}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
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
                </Table.Body>
              </Table>
            </div>
          </section>

          {council.membersWithoutSector.length > 0 && (
            <section aria-labelledby="nosector-h">
              <Heading level={3} data-size="sm" id="nosector-h">
                {t.withoutSector}
              </Heading>
              <Paragraph data-size="sm">{t.withoutSectorText}</Paragraph>
              <SeatList seats={council.membersWithoutSector} />
            </section>
          )}

          <section aria-labelledby="ending-h">
            <Heading level={3} data-size="sm" id="ending-h">
              {t.endingSoonHeading}
            </Heading>
            {council.endingSoon.length === 0 ? (
              <Paragraph className="muted">{t.endingSoonNone}</Paragraph>
            ) : (
              <Alert data-color="warning">
                <SeatList seats={council.endingSoon} showEnd />
              </Alert>
            )}
          </section>

          <div className="columns">
            <section aria-labelledby="observers-h">
              <Heading level={3} data-size="sm" id="observers-h">
                {t.observersHeading}
              </Heading>
              <SeatList seats={council.observers} />
            </section>
            {council.deputies.length > 0 && (
              <section aria-labelledby="deputies-h">
                <Heading level={3} data-size="sm" id="deputies-h">
                  {t.deputiesHeading}
                </Heading>
                <SeatList seats={council.deputies} />
              </section>
            )}
            <section aria-labelledby="secretariat-h">
              <Heading level={3} data-size="sm" id="secretariat-h">
                {t.secretariatHeading}
              </Heading>
              <SeatList seats={council.secretariat} />
            </section>
          </div>
        </div>
      ) : null}
    </>
  );
}
