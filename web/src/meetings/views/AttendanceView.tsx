// Attendance for the whole council in one grid, saved in one call: members, deputies,
// observers and the secretariat as appointed on the meeting's day, and guests for one sak.
import '../work.css';
import {
  Alert,
  Button,
  Checkbox,
  Heading,
  Paragraph,
  Radio,
  Select,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { problemsOf, useDescribeError } from '../../api/errors';
import { ErrorState, Loading } from '../../components/states';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { AttendanceCategory, AttendanceGridCouncilQuery, AttendanceGridQuery, AttendanceStatus } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import { MeetingHeading, MeetingTools } from '../components/MeetingTools';
import messages from '../messages';
import { useMeetingPage } from '../useMeetingPage';

// Lists that may be empty: a mutation returning these types refetches the page.
const LISTS = { additionalTypenames: ['Attendance'] };

const AttendanceGridQueryDoc = graphql(`
  query AttendanceGrid($code: String!) {
    meeting(code: $code) {
      id
      code
      year
      date
      startsAt
      endsAt
      minutesLocked
      saker {
        id
        code
        title
        position
      }
      attendance {
        id
        category
        status
        partialNote
        note
        nameText
        organisationText
        fromSakId
        toSakId
        onlySakId
        person {
          id
          name
        }
      }
    }
  }
`);

const SeatFields = graphql(`
  fragment AttendanceGrid_Seat on Seat {
    role
    person {
      id
      name
    }
    appointment {
      id
      organisation {
        id
        name
      }
    }
  }
`);

const AttendanceGridCouncilQueryDoc = graphql(`
  query AttendanceGridCouncil($date: NaiveDate!) {
    council(date: $date) {
      chair {
        ...AttendanceGrid_Seat
      }
      viceChair {
        ...AttendanceGrid_Seat
      }
      sectors {
        members {
          ...AttendanceGrid_Seat
        }
      }
      membersWithoutSector {
        ...AttendanceGrid_Seat
      }
      deputies {
        ...AttendanceGrid_Seat
      }
      observers {
        ...AttendanceGrid_Seat
      }
      secretariat {
        ...AttendanceGrid_Seat
      }
    }
  }
`);

const RecordAttendanceMutation = graphql(`
  mutation RecordAttendance($meetingId: ID!, $entries: [AttendanceInput!]!) {
    recordAttendance(meetingId: $meetingId, entries: $entries) {
      id
      category
      status
    }
  }
`);

type Meeting = NonNullable<AttendanceGridQuery['meeting']>;
type Council = AttendanceGridCouncilQuery['council'];
type Choice = AttendanceStatus | '';

export interface Row {
  key: string;
  personId: string | null;
  name: string;
  organisation: string;
  category: AttendanceCategory;
  status: Choice;
  partial: boolean;
  fromSakId: string;
  toSakId: string;
  partialNote: string;
  onlySakId: string;
  note: string;
}

const STATUSES: AttendanceStatus[] = ['PRESENT', 'DIGITAL', 'ABSENT'];

const blank = (key: string, category: AttendanceCategory): Row => ({
  key,
  personId: null,
  name: '',
  organisation: '',
  category,
  status: '',
  partial: false,
  fromSakId: '',
  toSakId: '',
  partialNote: '',
  onlySakId: '',
  note: '',
});

/** The council as appointed on the day, with what is recorded already laid over it. */
function initialRows(meeting: Meeting, council: Council | undefined): Row[] {
  const rows: Row[] = [];
  const seen = new Set<string>();
  const recorded = new Map(meeting.attendance.filter((a) => a.person).map((a) => [a.person!.id, a]));
  const fromRecord = (row: Row, a: Meeting['attendance'][number]): Row => ({
    ...row,
    category: a.category,
    status: a.status,
    partial: Boolean(a.fromSakId || a.toSakId || a.partialNote),
    fromSakId: a.fromSakId ?? '',
    toSakId: a.toSakId ?? '',
    partialNote: a.partialNote ?? '',
    onlySakId: a.onlySakId ?? '',
    note: a.note ?? '',
    organisation: a.organisationText ?? row.organisation,
  });
  const add = (masked: FragmentType<typeof SeatFields> | null | undefined, category: AttendanceCategory) => {
    const seat = masked ? getFragmentData(SeatFields, masked) : null;
    const p = seat?.person;
    if (!p || seen.has(p.id)) return;
    seen.add(p.id);
    const row = { ...blank(`p${p.id}`, category), personId: p.id, name: p.name, organisation: seat?.appointment.organisation?.name ?? '' };
    const a = recorded.get(p.id);
    rows.push(a ? fromRecord(row, a) : row);
  };
  if (council) {
    add(council.chair, 'MEMBER');
    add(council.viceChair, 'MEMBER');
    for (const s of council.sectors) for (const m of s.members) add(m, 'MEMBER');
    for (const m of council.membersWithoutSector) add(m, 'MEMBER');
    for (const m of council.deputies) add(m, 'SUBSTITUTE');
    for (const m of council.observers) add(m, 'OBSERVER');
    for (const m of council.secretariat) add(m, 'SECRETARIAT');
  }
  // Recorded people no longer in the council on that day, and guests by name.
  for (const a of meeting.attendance) {
    if (a.person && seen.has(a.person.id)) continue;
    if (a.person) seen.add(a.person.id);
    const row = { ...blank(a.person ? `p${a.person.id}` : `a${a.id}`, a.category), personId: a.person?.id ?? null, name: a.person?.name ?? a.nameText ?? '' };
    rows.push(fromRecord(row, a));
  }
  return rows;
}

function SakSelect({ label, value, saker, onChange, none }: { label: string; value: string; saker: Meeting['saker']; onChange: (v: string) => void; none: string }) {
  return (
    <Select aria-label={label} data-size="sm" value={value} onChange={(e) => onChange(e.target.value)}>
      <Select.Option value="">{none}</Select.Option>
      {saker.map((s) => (
        <Select.Option key={s.id} value={s.id}>
          {s.code}
        </Select.Option>
      ))}
    </Select>
  );
}

function Grid({ meeting, council }: { meeting: Meeting; council: Council | undefined }) {
  const t = useMessages(messages);
  const describe = useDescribeError();
  const [rows, setRows] = useState<Row[]>(() => initialRows(meeting, council));
  const [saved, setSaved] = useState(false);
  const [localErrors, setLocalErrors] = useState<Map<string, string>>(new Map());
  const [result, record] = useMutation(RecordAttendanceMutation);
  const saker = [...meeting.saker].sort((a, b) => a.position - b.position);
  const locked = meeting.minutesLocked;

  const update = (key: string, patch: Partial<Row>) => {
    setSaved(false);
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const recordedRows = rows.filter((r) => r.status !== '' && (r.personId || r.name.trim()));

  // "entries.3.personId" → the row that was entry 3, and what was wrong.
  const rowErrors = new Map<string, string>(localErrors);
  let general: string | null = null;
  if (result.error) {
    for (const p of problemsOf(result.error)) {
      const m = /^entries\.(\d+)\.?(\w*)/.exec(p.field ?? '');
      const row = m ? recordedRows[Number(m[1])] : undefined;
      if (row) rowErrors.set(row.key, m?.[2] === 'nameText' ? t.guestNameMissing : t.rowInvalid);
      else general = describe(result.error);
    }
  }

  async function save() {
    setSaved(false);
    const unnamed = rows.filter((r) => r.category === 'GUEST' && !r.personId && !r.name.trim());
    setLocalErrors(new Map(unnamed.map((r) => [r.key, t.guestNameMissing])));
    if (unnamed.length > 0) return;
    const entries = recordedRows.map((r) => ({
      personId: r.personId,
      nameText: r.personId ? null : r.name.trim(),
      organisationText: r.organisation.trim() || null,
      category: r.category,
      status: r.status as AttendanceStatus,
      fromSakId: r.partial && r.fromSakId ? r.fromSakId : null,
      toSakId: r.partial && r.toSakId ? r.toSakId : null,
      partialNote: r.partial && r.partialNote.trim() ? r.partialNote.trim() : null,
      onlySakId: r.onlySakId || null,
      note: r.note.trim() || null,
    }));
    const response = await record({ meetingId: meeting.id, entries }, { additionalTypenames: ['Attendance'] });
    if (!response.error) setSaved(true);
  }

  function setAll(category: AttendanceCategory[], status: AttendanceStatus) {
    setSaved(false);
    setRows((current) => current.map((r) => (category.includes(r.category) && r.status === '' ? { ...r, status } : r)));
  }

  function addGuest() {
    setSaved(false);
    setRows((current) => [...current, { ...blank(`g${Date.now()}`, 'GUEST'), status: 'PRESENT' }]);
  }

  const groups: { key: string; heading: string; categories: AttendanceCategory[] }[] = [
    { key: 'members', heading: t.gridMembers, categories: ['MEMBER', 'SUBSTITUTE'] },
    { key: 'observers', heading: t.listObservers, categories: ['OBSERVER'] },
    { key: 'secretariat', heading: t.gridSecretariat, categories: ['SECRETARIAT'] },
  ];
  const statusLabel: Record<AttendanceStatus, string> = { PRESENT: t.statusPresent, DIGITAL: t.statusDigital, ABSENT: t.statusAbsent };
  const guests = rows.filter((r) => r.category === 'GUEST');

  return (
    <div className="stack">
      <MeetingHeading title={t.attendanceTitle(meeting.code)} meeting={meeting} />
      <Paragraph>{t.attendanceIntro}</Paragraph>
      {locked && (
        <Alert data-color="info">
          <Paragraph>{t.minutesLockedText}</Paragraph>
        </Alert>
      )}
      {rows.filter((r) => r.category !== 'GUEST').length === 0 && <Paragraph>{t.noCouncil}</Paragraph>}
      {groups.map((g) => {
        const groupRows = rows.filter((r) => g.categories.includes(r.category));
        if (groupRows.length === 0) return null;
        return (
          <section key={g.key} aria-labelledby={`grid-${g.key}`}>
            <div className="grid-heading">
              <Heading level={2} data-size="sm" id={`grid-${g.key}`}>
                {g.heading}
              </Heading>
              <Button variant="tertiary" data-size="sm" onClick={() => setAll(g.categories, 'PRESENT')} disabled={locked}>
                {t.markRestPresent}
              </Button>
            </div>
            <div className="table-scroll">
              <Table className="attendance-grid" data-testid={`attendance-grid-${g.key}`}>
                <caption className="ds-sr-only">{g.heading}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t.colName}</Table.HeaderCell>
                    {STATUSES.map((s) => (
                      <Table.HeaderCell key={s}>{statusLabel[s]}</Table.HeaderCell>
                    ))}
                    <Table.HeaderCell>{t.statusNone}</Table.HeaderCell>
                    <Table.HeaderCell>{t.colPartial}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {groupRows.map((r) => (
                    <Table.Row key={r.key} data-testid="attendance-row" data-name={r.name}>
                      <Table.Cell>
                        <span className="attendance-grid__name">{r.name}</span>
                        {r.organisation && <span className="muted attendance-grid__org">{r.organisation}</span>}
                        {r.category === 'SUBSTITUTE' && <span className="muted"> ({t.substitute})</span>}
                        {rowErrors.get(r.key) && (
                          <span className="field-error" role="alert">
                            {rowErrors.get(r.key)}
                          </span>
                        )}
                      </Table.Cell>
                      {([...STATUSES, ''] as Choice[]).map((s) => (
                        <Table.Cell key={s || 'none'} className="attendance-grid__choice">
                          <Radio
                            name={`status-${r.key}`}
                            value={s}
                            aria-label={`${s ? statusLabel[s as AttendanceStatus] : t.statusNone}: ${r.name}`}
                            checked={r.status === s}
                            onChange={() => update(r.key, { status: s })}
                            disabled={locked}
                          />
                        </Table.Cell>
                      ))}
                      <Table.Cell>
                        {r.status !== 'ABSENT' && r.status !== '' && (
                          <div className="partial">
                            <Checkbox
                              data-size="sm"
                              label={
                                <>
                                  {t.partialLabel}
                                  <span className="ds-sr-only"> – {r.name}</span>
                                </>
                              }
                              checked={r.partial}
                              onChange={(e) => update(r.key, { partial: e.target.checked })}
                              disabled={locked}
                            />
                            {r.partial && (
                              <div className="partial__fields">
                                <SakSelect label={t.fromSakFor(r.name)} value={r.fromSakId} saker={saker} none={t.fromStart} onChange={(v) => update(r.key, { fromSakId: v })} />
                                <SakSelect label={t.toSakFor(r.name)} value={r.toSakId} saker={saker} none={t.toEnd} onChange={(v) => update(r.key, { toSakId: v })} />
                                <Textfield
                                  data-size="sm"
                                  aria-label={t.partialNoteFor(r.name)}
                                  placeholder={t.partialNotePlaceholder}
                                  value={r.partialNote}
                                  onChange={(e) => update(r.key, { partialNote: e.target.value })}
                                />
                              </div>
                            )}
                          </div>
                        )}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </section>
        );
      })}

      <section aria-labelledby="grid-guests">
        <Heading level={2} data-size="sm" id="grid-guests">
          {t.listGuests}
        </Heading>
        <Paragraph data-size="sm">{t.guestsHint}</Paragraph>
        {guests.length > 0 && (
          <ul className="guest-list">
            {guests.map((g, i) => (
              <li key={g.key} className="guest-row" data-testid="guest-row">
                <Textfield data-size="sm" label={t.guestName(i + 1)} value={g.name} onChange={(e) => update(g.key, { name: e.target.value })} error={rowErrors.get(g.key)} disabled={locked || Boolean(g.personId)} />
                <Textfield data-size="sm" label={t.guestOrganisation} value={g.organisation} onChange={(e) => update(g.key, { organisation: e.target.value })} disabled={locked} />
                <div className="guest-row__select">
                  <label className="ds-label" data-size="sm" htmlFor={`only-${g.key}`}>
                    {t.onlySakLabel}
                  </label>
                  <Select id={`only-${g.key}`} data-size="sm" value={g.onlySakId} onChange={(e) => update(g.key, { onlySakId: e.target.value })} disabled={locked}>
                    <Select.Option value="">{t.wholeMeeting}</Select.Option>
                    {saker.map((s) => (
                      <Select.Option key={s.id} value={s.id}>
                        {t.sakTitle(s.code, s.title)}
                      </Select.Option>
                    ))}
                  </Select>
                </div>
                <div className="guest-row__select">
                  <label className="ds-label" data-size="sm" htmlFor={`gstatus-${g.key}`}>
                    {t.colStatus}
                  </label>
                  <Select id={`gstatus-${g.key}`} data-size="sm" value={g.status} onChange={(e) => update(g.key, { status: e.target.value as Choice })} disabled={locked}>
                    {STATUSES.map((s) => (
                      <Select.Option key={s} value={s}>
                        {statusLabel[s]}
                      </Select.Option>
                    ))}
                  </Select>
                </div>
                <Button variant="tertiary" data-size="sm" onClick={() => setRows((c) => c.filter((r) => r.key !== g.key))} disabled={locked} aria-label={t.removeGuest(g.name || String(i + 1))}>
                  {t.remove}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div>
          <Button variant="secondary" data-size="sm" onClick={addGuest} disabled={locked}>
            {t.addGuest}
          </Button>
        </div>
      </section>

      {general && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{general}</Paragraph>
        </Alert>
      )}
      {rowErrors.size > 0 && !general && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t.rowsInvalid}</Paragraph>
        </Alert>
      )}
      <div className="button-row sticky-actions">
        <Button onClick={save} loading={result.fetching} disabled={result.fetching || locked}>
          {t.saveAttendance}
        </Button>
        <span className="muted">{t.recordedCount(recordedRows.length, rows.length)}</span>
        <span aria-live="polite">
          {saved && (
            <span className="saved-note" data-testid="attendance-saved">
              {t.attendanceSaved(recordedRows.length)}
            </span>
          )}
        </span>
      </div>
    </div>
  );
}

export default function AttendanceView() {
  const t = useMessages(messages);
  const page = useMeetingPage(AttendanceGridQueryDoc, {
    title: t.attendanceTitle,
    context: LISTS,
    // The grid starts from what is recorded now, not from a cached copy.
    requestPolicy: 'network-only',
  });
  const [council] = useQuery({
    query: AttendanceGridCouncilQueryDoc,
    variables: { date: page.meeting?.date ?? '' },
    pause: !page.meeting,
  });
  if (page.fallback) return page.fallback;
  const { meeting } = page;
  if (!council.data && council.fetching) return <Loading />;
  if (council.error && !council.data) return <ErrorState error={council.error} />;
  return (
    <div className="stack">
      <MeetingTools code={meeting.code} year={meeting.year} />
      <Grid key={meeting.id} meeting={meeting} council={council.data?.council} />
    </div>
  );
}
