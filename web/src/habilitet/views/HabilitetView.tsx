// Habilitet per sak (forvaltningsloven § 10): members declare an interest before the
// meeting; the secretariat records the council's assessment, which the minutes state.
import '../../meetings/work.css';
import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useDescribeError } from '../../api/errors';
import { roleOf } from '../../auth/access';
import { useSessionState } from '../../auth/SessionProvider';
import { useServerErrors } from '../../components/formErrors';
import { graphql } from '../../gql';
import type { HabilitetOutcome, HabilitetPageQuery } from '../../gql/graphql';
import { todayInNorway } from '../../i18n/format';
import { useMessages } from '../../i18n/LanguageProvider';
import { habilitetSentence } from '../../meetings/components/Habilitet';
import { MeetingHeading, MeetingTools } from '../../meetings/components/MeetingTools';
import meetingMessages from '../../meetings/messages';
import { useMeetingPage } from '../../meetings/useMeetingPage';
import { useDeclaration } from '../../member/components/DeclareInterest';
import messages from '../messages';

// Lists that may be empty: a mutation returning these types refetches the page.
const LISTS = { additionalTypenames: ['ConflictOfInterest'] };

const HabilitetPageQueryDoc = graphql(`
  query HabilitetPage($code: String!) {
    meeting(code: $code) {
      id
      code
      year
      date
      startsAt
      endsAt
      status
      minutesLocked
      habilitetStatement
      saker {
        id
        code
        title
        position
        standingKind
        habilitet {
          id
          outcome
          leftRoom
          declaration
          reason
          decidedBy
          version
          person {
            id
            name
          }
        }
      }
    }
  }
`);

const CouncilMembersQuery = graphql(`
  query HabilitetMembers($date: NaiveDate!) {
    council(date: $date) {
      chair {
        person {
          id
          name
        }
      }
      viceChair {
        person {
          id
          name
        }
      }
      sectors {
        members {
          person {
            id
            name
          }
        }
      }
      membersWithoutSector {
        person {
          id
          name
        }
      }
    }
  }
`);

const AssessMutation = graphql(`
  mutation AssessHabilitet(
    $sakId: ID!
    $personId: ID!
    $outcome: HabilitetOutcome!
    $reason: String
    $leftRoom: Boolean!
    $decidedBy: String
    $version: Int
  ) {
    assessHabilitet(
      sakId: $sakId
      personId: $personId
      outcome: $outcome
      reason: $reason
      leftRoom: $leftRoom
      decidedBy: $decidedBy
      version: $version
    ) {
      id
      outcome
      leftRoom
      reason
      decidedBy
      version
    }
  }
`);

type Meeting = NonNullable<HabilitetPageQuery['meeting']>;
type Sak = Meeting['saker'][number];
type Record_ = Sak['habilitet'][number];

/** The saker habilitet is assessed for: all but the standing opening items. */
function assessable(saker: Sak[]): Sak[] {
  return [...saker]
    .filter((s) => s.standingKind !== 'APPROVE_AGENDA' && s.standingKind !== 'HABILITET')
    .sort((a, b) => a.position - b.position);
}

function DeclareForm({ sak }: { sak: Sak }) {
  const t = useMessages(messages);
  const [open, setOpen] = useState(false);
  // Once saved, the page is fetched again and shows the declaration instead of the form.
  const declaration = useDeclaration(sak.id, t.declarationMissing);
  if (!open) {
    return (
      <div>
        <Button variant="secondary" data-size="sm" aria-expanded={false} onClick={() => setOpen(true)} aria-label={t.declareFor(sak.code)}>
          {t.openDeclare}
        </Button>
      </div>
    );
  }
  return (
    <form className="stack" onSubmit={declaration.submit} noValidate>
      <Textfield
        autoFocus
        multiline
        rows={2}
        label={t.declareFor(sak.code)}
        description={t.declareHint}
        value={declaration.text}
        onChange={(e) => declaration.setText(e.target.value)}
        error={declaration.error}
      />
      {declaration.failure && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{declaration.failure}</Paragraph>
        </Alert>
      )}
      <div className="button-row button-row--tight">
        <Button type="submit" data-size="sm" loading={declaration.busy}>
          {t.declare}
        </Button>
        <Button type="button" variant="tertiary" data-size="sm" onClick={() => setOpen(false)}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}

function MemberView({ meeting, personId }: { meeting: Meeting; personId: string | null }) {
  const t = useMessages(messages);
  const mt = useMessages(meetingMessages);
  const open = (meeting.status === 'PLANNED' || meeting.status === 'NOTICE_PUBLISHED') && meeting.date >= todayInNorway();
  if (!personId) return <Paragraph>{t.noPersonLinked}</Paragraph>;
  // The meeting's own saker; the standing items rarely touch anyone's interests.
  const own = assessable(meeting.saker).filter((s) => !s.standingKind || s.habilitet.some((r) => r.person?.id === personId));
  return (
    <div className="stack">
      <Paragraph>{open ? t.memberIntro : t.memberClosed}</Paragraph>
      {own.length === 0 && <Paragraph className="muted">{t.noSakerToDeclare}</Paragraph>}
      <ul className="habilitet-saker habilitet-saker--member">
        {own.map((s) => {
          const mine = s.habilitet.find((r) => r.person?.id === personId);
          return (
            <li key={s.id} className="habilitet-sak" data-testid="habilitet-sak">
              <Heading level={2} data-size="2xs">
                {mt.sakTitle(s.code, s.title)}
              </Heading>
              {mine ? (
                <Paragraph>
                  {habilitetSentence(mine, s.code, mt)}
                  {mine.declaration && <span className="muted"> {t.yourDeclaration(mine.declaration)}</span>}
                </Paragraph>
              ) : open ? (
                <DeclareForm sak={s} />
              ) : (
                <Paragraph className="muted">{t.nothingDeclared}</Paragraph>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function SecretariatView({ meeting }: { meeting: Meeting }) {
  const t = useMessages(messages);
  const mt = useMessages(meetingMessages);
  const describe = useDescribeError();
  const saker = assessable(meeting.saker);
  const [members] = useQuery({ query: CouncilMembersQuery, variables: { date: meeting.date } });
  const people = new Map<string, string>();
  const c = members.data?.council;
  if (c) {
    for (const seat of [c.chair, c.viceChair, ...c.sectors.flatMap((s) => s.members), ...c.membersWithoutSector]) {
      if (seat?.person) people.set(seat.person.id, seat.person.name);
    }
  }
  for (const s of saker) for (const r of s.habilitet) if (r.person) people.set(r.person.id, r.person.name);

  const [sakId, setSakId] = useState('');
  const [personId, setPersonId] = useState('');
  const [outcome, setOutcome] = useState<HabilitetOutcome>('INHABIL');
  const [leftRoom, setLeftRoom] = useState(true);
  const [reason, setReason] = useState('');
  const [decidedBy, setDecidedBy] = useState(t.defaultDecidedBy);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [result, assess] = useMutation(AssessMutation);
  const formRef = useRef<HTMLFormElement>(null);
  const server = useServerErrors(result.error, { sakId: t.sakMissing, personId: t.personMissing, reason: t.tooLong });
  const errors = { ...server.fields, ...local };
  const existing: Record_ | undefined = saker.find((s) => s.id === sakId)?.habilitet.find((r) => r.person?.id === personId);
  const locked = meeting.minutesLocked;

  function pick(sak: Sak, r: Record_) {
    setSakId(sak.id);
    setPersonId(r.person?.id ?? '');
    setOutcome(r.outcome === 'PENDING' ? 'INHABIL' : r.outcome);
    setLeftRoom(r.leftRoom || r.outcome === 'PENDING');
    setReason(r.reason ?? '');
    setDone(null);
    formRef.current?.scrollIntoView({ block: 'start' });
    formRef.current?.querySelector('select')?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!sakId) next.sakId = t.sakMissing;
    if (!personId) next.personId = t.personMissing;
    setLocal(next);
    setDone(null);
    if (Object.keys(next).length > 0) return;
    const response = await assess(
      {
        sakId,
        personId,
        outcome,
        reason: reason.trim() || null,
        leftRoom: outcome === 'INHABIL' && leftRoom,
        decidedBy: decidedBy.trim() || null,
        version: existing?.version ?? null,
      },
      { additionalTypenames: ['ConflictOfInterest'] },
    );
    if (!response.error) {
      const sak = saker.find((s) => s.id === sakId);
      setDone(t.assessed(people.get(personId) ?? '', sak?.code ?? ''));
      setReason('');
    }
  }

  const anyRecords = saker.some((s) => s.habilitet.length > 0);

  return (
    <div className="stack">
      <Paragraph>{t.secretariatIntro}</Paragraph>
      <section aria-labelledby="statement-h" className="habilitet-statement">
        <Heading level={2} data-size="xs" id="statement-h">
          {t.statementHeading}
        </Heading>
        {meeting.habilitetStatement.length === 0 ? (
          <Paragraph>{mt.habilitetNone}</Paragraph>
        ) : (
          meeting.habilitetStatement.map((line) => <Paragraph key={line}>{line}</Paragraph>)
        )}
      </section>

      <form ref={formRef} className="stack narrow" onSubmit={submit} noValidate aria-labelledby="assess-h" data-testid="assess-form">
        <Heading level={2} data-size="sm" id="assess-h">
          {t.assessHeading}
        </Heading>
        <Field>
          <Label>{t.sak}</Label>
          <Select value={sakId} onChange={(e) => setSakId(e.target.value)} aria-invalid={errors.sakId ? true : undefined} disabled={locked}>
            <Select.Option value="">{t.chooseSak}</Select.Option>
            {saker.map((s) => (
              <Select.Option key={s.id} value={s.id}>
                {mt.sakTitle(s.code, s.title)}
              </Select.Option>
            ))}
          </Select>
          {errors.sakId && <Paragraph className="field-error" data-size="sm">{errors.sakId}</Paragraph>}
        </Field>
        <Field>
          <Label>{t.member}</Label>
          <Select value={personId} onChange={(e) => setPersonId(e.target.value)} aria-invalid={errors.personId ? true : undefined} disabled={locked}>
            <Select.Option value="">{t.chooseMember}</Select.Option>
            {[...people].map(([id, name]) => (
              <Select.Option key={id} value={id}>
                {name}
              </Select.Option>
            ))}
          </Select>
          {errors.personId && <Paragraph className="field-error" data-size="sm">{errors.personId}</Paragraph>}
        </Field>
        {existing?.declaration && <Paragraph data-size="sm">{t.theirDeclaration(existing.declaration)}</Paragraph>}
        <Fieldset>
          <Fieldset.Legend>{t.outcome}</Fieldset.Legend>
          <Radio name="outcome" label={t.outcomeINHABIL} value="INHABIL" checked={outcome === 'INHABIL'} onChange={() => setOutcome('INHABIL')} disabled={locked} />
          <Radio name="outcome" label={t.outcomeNOT_INHABIL} value="NOT_INHABIL" checked={outcome === 'NOT_INHABIL'} onChange={() => setOutcome('NOT_INHABIL')} disabled={locked} />
        </Fieldset>
        {outcome === 'INHABIL' && (
          <Checkbox label={t.leftRoom} checked={leftRoom} onChange={(e) => setLeftRoom(e.target.checked)} disabled={locked} />
        )}
        <Textfield multiline rows={2} label={t.reason} description={t.reasonHint} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} readOnly={locked} />
        <Textfield label={t.decidedBy} value={decidedBy} onChange={(e) => setDecidedBy(e.target.value)} readOnly={locked} />
        {(server.other || server.conflict) && (
          <Alert data-color="danger" role="alert">
            <Paragraph>{server.conflict ? t.assessConflict : server.other}</Paragraph>
          </Alert>
        )}
        <div aria-live="polite">
          {done && (
            <Alert data-color="success" data-testid="assessed">
              <Paragraph>{done}</Paragraph>
            </Alert>
          )}
        </div>
        <div>
          <Button type="submit" loading={result.fetching} disabled={locked}>
            {t.saveAssessment}
          </Button>
        </div>
      </form>

      <section aria-labelledby="records-h" className="stack">
        <Heading level={2} data-size="sm" id="records-h">
          {t.perSak}
        </Heading>
        {!anyRecords && <Paragraph className="muted">{t.noRecords}</Paragraph>}
        <ul className="habilitet-saker">
          {saker
            .filter((s) => s.habilitet.length > 0)
            .map((s) => (
              <li key={s.id} className="habilitet-sak">
                <Heading level={3} data-size="2xs">
                  {mt.sakTitle(s.code, s.title)}
                </Heading>
                <ul className="plain-list">
                  {s.habilitet.map((r) => (
                    <li key={r.id}>
                      {r.outcome === 'PENDING' && (
                        <Tag data-color="warning" data-size="sm">
                          {t.pendingTag}
                        </Tag>
                      )}{' '}
                      {habilitetSentence(r, s.code, mt)}
                      {r.declaration && <div className="muted">{t.theirDeclaration(r.declaration)}</div>}
                      {r.reason && <div className="muted">{t.reasonShown(r.reason)}</div>}
                      {!locked && (
                        <Button variant="tertiary" data-size="sm" onClick={() => pick(s, r)} aria-label={t.assessLabel(r.person?.name ?? '', s.code)}>
                          {r.outcome === 'PENDING' ? t.assess : t.change}
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
        </ul>
      </section>
      {members.error && !members.data && <Paragraph className="muted">{describe(members.error)}</Paragraph>}
    </div>
  );
}

export default function HabilitetView() {
  const t = useMessages(messages);
  const state = useSessionState();
  const role = roleOf(state);
  const page = useMeetingPage(HabilitetPageQueryDoc, { title: t.title, context: LISTS });
  if (page.fallback) return page.fallback;
  const { meeting } = page;
  const personId = state.status === 'authenticated' ? state.user.personId : null;
  return (
    <div className="stack">
      <MeetingTools code={meeting.code} year={meeting.year} tools={role === 'SECRETARIAT'} />
      <MeetingHeading title={t.title(meeting.code)} meeting={meeting} />
      {role === 'SECRETARIAT' ? <SecretariatView meeting={meeting} /> : <MemberView meeting={meeting} personId={personId} />}
    </div>
  );
}
