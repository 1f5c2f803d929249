import { Alert, Button, Field, Heading, Label, Link, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { allows } from '../../auth/access';
import { useSessionState } from '../../auth/SessionProvider';
import { useQuery } from 'urql';
import { RouterLink } from '../../components/RouterLink';
import { ErrorState, Loading } from '../../components/states';
import { Totals } from '../../components/Totals';
import { usePageTitle } from '../../components/usePageTitle';
import { policyDocumentUrl } from '../../consultations/urls';
import { graphql } from '../../gql';
import type { AnnualReportPageQuery } from '../../gql/graphql';
import { formatNumericDate } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import { FIRST_YEAR, thisYear, yearsDown } from '../../meetings/dates';
import { useDownload } from '../../meetings/download';
import { meetingUrl } from '../../meetings/urls';
import { personUrl } from '../../people/urls';
import { workingGroupUrl } from '../../working_groups/urls';
import { BarChart } from '../components/BarChart';
import { EventForm, PublicationForm, RemoveRecord } from '../components/RecordForms';
import { Muted, ReportSection, SectionTable } from '../components/ReportSection';
import messages from '../messages';
import { annualReportDocumentUrl, reportCsvUrl, type ReportTable } from '../urls';

const AnnualReportPageQuery = graphql(`
  query AnnualReportPage($year: Int!) {
    annualReport(year: $year) {
      year
      meetingsHeld
      meetingsCancelled
      meetings {
        meetingId
        code
        date
        format
        saker
        substantiveVedtak
        substitutes
        attendance {
          present
          digital
          absent
          rate
        }
      }
      saker {
        total
        standing
        substantiveVedtak
        byType {
          types
          saker
          substantiveVedtak
        }
      }
      attendance {
        present
        digital
        absent
        rate
      }
      attendanceByMember {
        personId
        name
        attendance {
          present
          digital
          absent
          rate
        }
      }
      consultations {
        roundId
        policyDocumentId
        document
        kind
        outcome
        deadline
        sentOn
      }
      consultationsSent
      consultationsMissed
      workingGroups {
        workingGroupId
        name
        kind
        startsOn
        endsOn
        setUp
        active
        finished
      }
      events {
        id
        version
        title
        kind
        role
        date
        location
      }
      publications {
        id
        version
        title
        kind
        outlet
        publishedOn
        url
      }
      followUps {
        opened
        closed
        cancelled
        openAtYearEnd
      }
    }
  }
`);

type Report = AnnualReportPageQuery['annualReport'];

// Events and publications may be none yet: name them so a new one refreshes the report.
const reportContext = { additionalTypenames: ['Event', 'Publication'] };

function percent(rate: number | null | undefined, lang: string): string | null {
  if (rate === null || rate === undefined) return null;
  return new Intl.NumberFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

function Figures({ report }: { report: Report }) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const figures: [string, string | number][] = [
    [t.figMeetings, report.meetingsHeld],
    [t.figCancelled, report.meetingsCancelled],
    [t.figSaker, report.saker.total],
    [t.figSubstantive, report.saker.substantiveVedtak],
    [t.figAttendance, percent(report.attendance.rate, lang) ?? t.noRate],
    [t.figSent, report.consultationsSent],
    [t.figMissed, report.consultationsMissed],
    [t.figGroups, report.workingGroups.length],
    [t.figEvents, report.events.length],
    [t.figPublications, report.publications.length],
  ];
  return (
    <section aria-labelledby="figures-h" className="stack">
      <Heading level={2} data-size="sm" id="figures-h">
        {t.keyFigures}
      </Heading>
      <dl className="totals" data-testid="key-figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export default function AnnualReportView() {
  const t = useMessages(messages);
  const { lang } = useLang();
  const [params, setParams] = useSearchParams();
  const current = thisYear();
  const param = Number(params.get('year'));
  // The report is written early the next year: last year is the one people look for.
  const year = Number.isInteger(param) && param >= FIRST_YEAR && param <= current ? param : current - 1;
  usePageTitle(t.titleYear(year));
  const [{ data, fetching, error }, reexecute] = useQuery({ query: AnnualReportPageQuery, variables: { year }, context: reportContext });
  const { download, busy, failure } = useDownload();
  const canEdit = allows(['SECRETARIAT'], useSessionState());
  const [adding, setAdding] = useState<'event' | 'publication' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (text: string) => {
    setAdding(null);
    setNotice(text);
  };
  const years = yearsDown(current, FIRST_YEAR);
  const report = data?.annualReport.year === year ? data.annualReport : undefined;
  const date = (d: string | null | undefined) => (d ? formatNumericDate(d, lang) : '');
  const csv = (table: ReportTable) => () => download(reportCsvUrl(year, table), `arsrapport-${year}-${table}.csv`);
  const isBusy = (table: ReportTable) => busy === reportCsvUrl(year, table);
  const typeName = (types: string[]) =>
    types.length === 0 ? t.typeNone : types.map((x) => t[`type${x as 'VEDTAK' | 'DISKUSJON' | 'ORIENTERING'}`]).join('/');

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t.titleYear(year)}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <div className="filters">
        <Field>
          <Label>{t.year}</Label>
          <Select value={String(year)} onChange={(e) => setParams({ year: e.target.value })} width="auto">
            {years.map((y) => (
              <Select.Option key={y} value={String(y)}>
                {y}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <div className="button-row" role="group" aria-label={t.downloads}>
          <Button
            variant="secondary"
            onClick={() => download(annualReportDocumentUrl(year, 'pdf'), `arsrapport-${year}.pdf`)}
            loading={busy === annualReportDocumentUrl(year, 'pdf')}
          >
            {t.downloadPdf}
          </Button>
          <Button
            variant="secondary"
            onClick={() => download(annualReportDocumentUrl(year, 'docx'), `arsrapport-${year}.docx`)}
            loading={busy === annualReportDocumentUrl(year, 'docx')}
          >
            {t.downloadDocx}
          </Button>
        </div>
      </div>
      <div role="status" className="live">
        {notice && <Paragraph>{notice}</Paragraph>}
      </div>
      {failure && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t.downloadFailed}</Paragraph>
        </Alert>
      )}
      {!report && fetching ? (
        <Loading />
      ) : error && !report ? (
        <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : report ? (
        <>
          <Figures report={report} />
          {report.meetingsHeld === 0 && <Muted>{t.noData(year)}</Muted>}

          <ReportSection id="meetings" heading={t.meetingsHeading} table={t.tableMeetings} onDownload={csv('meetings')} busy={isBusy('meetings')}>
            {report.meetings.length > 0 && (
              <div className="stack">
                <BarChart
                  title={t.meetingsChart}
                  summary={t.meetingsChartSummary(report.meetings.length, report.saker.total)}
                  series={[
                    { key: 'substantive', label: t.seriesSubstantive, className: 'chart__bar--present' },
                    { key: 'other', label: t.seriesOther, className: 'chart__bar--absent' },
                  ]}
                  rows={report.meetings.map((m) => ({
                    label: t.meetingCode(m.code),
                    values: [m.substantiveVedtak, Math.max(0, m.saker - m.substantiveVedtak)],
                  }))}
                />
                <BarChart
                  title={t.attendanceChart}
                  summary={t.attendanceChartSummary(percent(report.attendance.rate, lang) ?? t.noRate)}
                  series={[
                    { key: 'present', label: t.seriesPresent, className: 'chart__bar--present' },
                    { key: 'digital', label: t.seriesDigital, className: 'chart__bar--digital' },
                    { key: 'absent', label: t.seriesAbsent, className: 'chart__bar--absent' },
                  ]}
                  rows={report.meetings.map((m) => ({
                    label: t.meetingCode(m.code),
                    values: [m.attendance.present, m.attendance.digital, m.attendance.absent],
                  }))}
                />
              </div>
            )}
            <SectionTable
              caption={t.tableMeetings}
              head={
                <>
                  <Table.HeaderCell>{t.colMeeting}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colDate}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colFormat}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.colSaker}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.colSubstantive}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.colPresent}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.colDigital}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.colAbsent}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.colSubstitutes}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.colRate}</Table.HeaderCell>
                </>
              }
            >
              {report.meetings.map((m) => (
                <Table.Row key={m.meetingId}>
                  <Table.HeaderCell scope="row">
                    <RouterLink to={meetingUrl(m.code)}>{t.meetingCode(m.code)}</RouterLink>
                  </Table.HeaderCell>
                  <Table.Cell className="nowrap">{date(m.date)}</Table.Cell>
                  <Table.Cell>{t[`format${m.format}`]}</Table.Cell>
                  <Table.Cell className="num">{m.saker}</Table.Cell>
                  <Table.Cell className="num">{m.substantiveVedtak}</Table.Cell>
                  <Table.Cell className="num">{m.attendance.present}</Table.Cell>
                  <Table.Cell className="num">{m.attendance.digital}</Table.Cell>
                  <Table.Cell className="num">{m.attendance.absent}</Table.Cell>
                  <Table.Cell className="num">{m.substitutes}</Table.Cell>
                  <Table.Cell className="num">{percent(m.attendance.rate, lang) ?? t.noRate}</Table.Cell>
                </Table.Row>
              ))}
            </SectionTable>
          </ReportSection>

          <ReportSection id="types" heading={t.typesHeading} table={t.tableTypes} onDownload={csv('saker-by-type')} busy={isBusy('saker-by-type')}>
            {report.saker.byType.length > 0 && (
              <BarChart
                title={t.typesHeading}
                summary={t.typesChartSummary(report.saker.total, report.saker.substantiveVedtak, report.saker.standing)}
                series={[
                  { key: 'substantive', label: t.seriesSubstantive, className: 'chart__bar--present' },
                  { key: 'other', label: t.seriesOther, className: 'chart__bar--absent' },
                ]}
                rows={report.saker.byType.map((b) => ({
                  label: typeName(b.types),
                  values: [b.substantiveVedtak, Math.max(0, b.saker - b.substantiveVedtak)],
                }))}
              />
            )}
            <Paragraph data-size="sm">{t.standing(report.saker.standing)}</Paragraph>
            <SectionTable
              caption={t.tableTypes}
              head={
                <>
                  <Table.HeaderCell>{t.colType}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.colSaker}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.colSubstantive}</Table.HeaderCell>
                </>
              }
            >
              {report.saker.byType.map((b) => (
                <Table.Row key={b.types.join('/') || 'none'}>
                  <Table.HeaderCell scope="row">{typeName(b.types)}</Table.HeaderCell>
                  <Table.Cell className="num">{b.saker}</Table.Cell>
                  <Table.Cell className="num">{b.substantiveVedtak}</Table.Cell>
                </Table.Row>
              ))}
            </SectionTable>
          </ReportSection>

          <ReportSection
            id="members"
            heading={t.membersHeading}
            table={t.tableMembers}
            onDownload={csv('attendance-by-member')}
            busy={isBusy('attendance-by-member')}
          >
            {report.attendanceByMember.length > 0 && (
              <BarChart
                title={t.membersHeading}
                summary={t.membersChartSummary(report.attendanceByMember.length)}
                series={[
                  { key: 'present', label: t.seriesPresent, className: 'chart__bar--present' },
                  { key: 'digital', label: t.seriesDigital, className: 'chart__bar--digital' },
                  { key: 'absent', label: t.seriesAbsent, className: 'chart__bar--absent' },
                ]}
                rows={report.attendanceByMember.map((m) => ({
                  label: m.name,
                  values: [m.attendance.present, m.attendance.digital, m.attendance.absent],
                }))}
              />
            )}
            <SectionTable
              caption={t.tableMembers}
              head={
                <>
                  <Table.HeaderCell>{t.colMember}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.colPresent}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.colDigital}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.colAbsent}</Table.HeaderCell>
                  <Table.HeaderCell className="num">{t.colRate}</Table.HeaderCell>
                </>
              }
            >
              {report.attendanceByMember.map((m) => (
                <Table.Row key={m.personId}>
                  <Table.HeaderCell scope="row">
                    <RouterLink to={personUrl(m.personId)}>{m.name}</RouterLink>
                  </Table.HeaderCell>
                  <Table.Cell className="num">{m.attendance.present}</Table.Cell>
                  <Table.Cell className="num">{m.attendance.digital}</Table.Cell>
                  <Table.Cell className="num">{m.attendance.absent}</Table.Cell>
                  <Table.Cell className="num">{percent(m.attendance.rate, lang) ?? t.noRate}</Table.Cell>
                </Table.Row>
              ))}
            </SectionTable>
          </ReportSection>

          <ReportSection
            id="consultations"
            heading={t.consultationsHeading}
            table={t.tableConsultations}
            onDownload={csv('consultations')}
            busy={isBusy('consultations')}
          >
            {report.consultations.length === 0 ? (
              <Muted>{t.noConsultations}</Muted>
            ) : (
              <SectionTable
                caption={t.tableConsultations}
                head={
                  <>
                    <Table.HeaderCell>{t.colDocument}</Table.HeaderCell>
                    <Table.HeaderCell>{t.colKind}</Table.HeaderCell>
                    <Table.HeaderCell>{t.colOutcome}</Table.HeaderCell>
                    <Table.HeaderCell>{t.colDeadline}</Table.HeaderCell>
                    <Table.HeaderCell>{t.colSentOn}</Table.HeaderCell>
                  </>
                }
              >
                {report.consultations.map((c) => (
                  <Table.Row key={c.roundId}>
                    <Table.Cell>
                      <RouterLink to={policyDocumentUrl(c.policyDocumentId)}>{c.document}</RouterLink>
                    </Table.Cell>
                    <Table.Cell>{t[`kind${c.kind}`]}</Table.Cell>
                    <Table.Cell>{t[`outcome${c.outcome}`]}</Table.Cell>
                    <Table.Cell className="nowrap">{date(c.deadline)}</Table.Cell>
                    <Table.Cell className="nowrap">{date(c.sentOn)}</Table.Cell>
                  </Table.Row>
                ))}
              </SectionTable>
            )}
          </ReportSection>

          <ReportSection id="groups" heading={t.groupsHeading} table={t.tableGroups} onDownload={csv('working-groups')} busy={isBusy('working-groups')}>
            {report.workingGroups.length === 0 ? (
              <Muted>{t.noGroups}</Muted>
            ) : (
              <SectionTable
                caption={t.tableGroups}
                head={
                  <>
                    <Table.HeaderCell>{t.colGroup}</Table.HeaderCell>
                    <Table.HeaderCell>{t.colGroupKind}</Table.HeaderCell>
                    <Table.HeaderCell>{t.colPeriod}</Table.HeaderCell>
                    <Table.HeaderCell>{t.colYear}</Table.HeaderCell>
                  </>
                }
              >
                {report.workingGroups.map((g) => (
                  <Table.Row key={g.workingGroupId}>
                    <Table.Cell>
                      <RouterLink to={workingGroupUrl(g.workingGroupId)}>{g.name}</RouterLink>
                    </Table.Cell>
                    <Table.Cell>{t[`groupKind${g.kind}`]}</Table.Cell>
                    <Table.Cell className="nowrap">{[date(g.startsOn), date(g.endsOn)].filter(Boolean).join(' – ')}</Table.Cell>
                    <Table.Cell>
                      {[g.setUp && t.setUp, g.active && t.active, g.finished && t.finished].filter(Boolean).join(', ')}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </SectionTable>
            )}
          </ReportSection>

          <ReportSection id="events" heading={t.eventsHeading} table={t.tableEvents} onDownload={csv('events')} busy={isBusy('events')}>
            {canEdit && adding !== 'event' && (
              <div>
                <Button variant="secondary" data-size="sm" onClick={() => setAdding('event')}>
                  {t.addEvent}
                </Button>
              </div>
            )}
            {adding === 'event' && <EventForm year={year} onCancel={() => setAdding(null)} onDone={(title) => done(t.eventAdded(title))} />}
            {report.events.length === 0 ? (
              <Muted>{t.noEvents}</Muted>
            ) : (
              <SectionTable
                caption={t.tableEvents}
                head={
                  <>
                    <Table.HeaderCell>{t.colDate}</Table.HeaderCell>
                    <Table.HeaderCell>{t.colTitle}</Table.HeaderCell>
                    <Table.HeaderCell>{t.colEventKind}</Table.HeaderCell>
                    <Table.HeaderCell>{t.colRole}</Table.HeaderCell>
                    <Table.HeaderCell>{t.colPlace}</Table.HeaderCell>
                    {canEdit && <Table.HeaderCell>{t.colActions}</Table.HeaderCell>}
                  </>
                }
              >
                {report.events.map((e) => (
                  <Table.Row key={e.id}>
                    <Table.Cell className="nowrap">{date(e.date)}</Table.Cell>
                    <Table.Cell>{e.title}</Table.Cell>
                    <Table.Cell>{t[`eventKind${e.kind}`]}</Table.Cell>
                    <Table.Cell>{t[`eventRole${e.role}`]}</Table.Cell>
                    <Table.Cell>{e.location}</Table.Cell>
                    {canEdit && (
                      <Table.Cell>
                        <RemoveRecord kind="event" id={e.id} version={e.version} title={e.title} onRemoved={(x) => setNotice(t.removed(x))} />
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </SectionTable>
            )}
          </ReportSection>

          <ReportSection
            id="publications"
            heading={t.publicationsHeading}
            table={t.tablePublications}
            onDownload={csv('publications')}
            busy={isBusy('publications')}
          >
            {canEdit && adding !== 'publication' && (
              <div>
                <Button variant="secondary" data-size="sm" onClick={() => setAdding('publication')}>
                  {t.addPublication}
                </Button>
              </div>
            )}
            {adding === 'publication' && (
              <PublicationForm year={year} onCancel={() => setAdding(null)} onDone={(title) => done(t.publicationAdded(title))} />
            )}
            {report.publications.length === 0 ? (
              <Muted>{t.noPublications}</Muted>
            ) : (
              <SectionTable
                caption={t.tablePublications}
                head={
                  <>
                    <Table.HeaderCell>{t.colPublished}</Table.HeaderCell>
                    <Table.HeaderCell>{t.colTitle}</Table.HeaderCell>
                    <Table.HeaderCell>{t.colEventKind}</Table.HeaderCell>
                    <Table.HeaderCell>{t.colOutlet}</Table.HeaderCell>
                    {canEdit && <Table.HeaderCell>{t.colActions}</Table.HeaderCell>}
                  </>
                }
              >
                {report.publications.map((p) => (
                  <Table.Row key={p.id}>
                    <Table.Cell className="nowrap">{date(p.publishedOn)}</Table.Cell>
                    <Table.Cell>{p.url ? (
                        <Link href={p.url} rel="noopener noreferrer">
                          {p.title}
                        </Link>
                      ) : (
                        p.title
                      )}</Table.Cell>
                    <Table.Cell>{t[`pubKind${p.kind}`]}</Table.Cell>
                    <Table.Cell>{p.outlet}</Table.Cell>
                    {canEdit && (
                      <Table.Cell>
                        <RemoveRecord kind="publication" id={p.id} version={p.version} title={p.title} onRemoved={(x) => setNotice(t.removed(x))} />
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </SectionTable>
            )}
          </ReportSection>

          <ReportSection id="followups" heading={t.followUpsHeading} table={t.tableFollowUps} onDownload={csv('follow-ups')} busy={isBusy('follow-ups')}>
            <Totals
              items={[
                [t.followOpened, report.followUps.opened],
                [t.followClosed, report.followUps.closed],
                [t.followCancelled, report.followUps.cancelled],
                [t.followOpen, report.followUps.openAtYearEnd],
              ]}
            />
          </ReportSection>
        </>
      ) : null}
    </div>
  );
}
