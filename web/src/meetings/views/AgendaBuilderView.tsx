// The agenda builder: the saker in order, reordered by drag and drop or by keyboard
// (dnd-kit's keyboard sensor, with announcements in the user's language), time slots that
// add up and warn, sak numbers that follow the order, new saker, moves and renumbering.
// dnd-kit is only loaded with this route.
import '../work.css';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Switch,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { CombinedError } from '@urql/core';
import { useMutation } from 'urql';
import { errorCodes, fieldProblems, useDescribeError } from '../../api/errors';
import { RouterLink } from '../../components/RouterLink';
import { graphql } from '../../gql';
import type { AgendaBuilderQuery, SakType, WarningCode } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import { sakPageUrl } from '../../saker/urls';
import { EditMeeting } from '../components/EditMeeting';
import { MeetingHeading, MeetingTools } from '../components/MeetingTools';
import { hhmm, toApiTime } from '../dates';
import messages from '../messages';
import { formatSakTypes } from '../sakTypes';
import { formatDuration, slotProblems, slotTotals } from '../timeSlots';
import { useMeetingPage } from '../useMeetingPage';

const AgendaBuilderQueryDoc = graphql(`
  query AgendaBuilder($code: String!) {
    meeting(code: $code) {
      id
      code
      year
      date
      startsAt
      endsAt
      status
      version
      minutesLocked
      location
      room
      format
      saker {
        id
        code
        number
        position
        title
        types
        standingKind
        timeStart
        timeEnd
        status
        addedUnderEventuelt
        version
        background
        proposedVedtak
      }
    }
    meetings(first: 30) {
      nodes {
        id
        code
        date
        status
      }
    }
  }
`);

// Reordering and renumbering are one call, so the order and the numbers never disagree.
const ReorderMutation = graphql(`
  mutation ReorderSaker($meetingId: ID!, $sakIds: [ID!]!, $renumber: Boolean!) {
    reorderSaker(meetingId: $meetingId, sakIds: $sakIds, renumber: $renumber) {
      id
      code
      number
      position
      version
    }
  }
`);

const UpdateSlotMutation = graphql(`
  mutation UpdateSakSlot($input: UpdateSakInput!) {
    updateSak(input: $input) {
      sak {
        id
        timeStart
        timeEnd
        version
      }
      warnings {
        code
        message
      }
    }
  }
`);

const CreateSakMutation = graphql(`
  mutation CreateSak($input: CreateSakInput!) {
    createSak(input: $input) {
      sak {
        id
        code
        title
        position
      }
      warnings {
        code
        message
      }
    }
  }
`);

const MoveSakMutation = graphql(`
  mutation MoveSak($id: ID!, $version: Int!, $meetingId: ID!) {
    moveSak(id: $id, version: $version, meetingId: $meetingId) {
      id
      code
      position
    }
  }
`);

const RenumberSakMutation = graphql(`
  mutation RenumberSak($id: ID!, $version: Int!, $number: Int!) {
    renumberSak(id: $id, version: $version, number: $number) {
      id
      code
      number
      version
    }
  }
`);

type Meeting = NonNullable<AgendaBuilderQuery['meeting']>;
type Sak = Meeting['saker'][number];
type Messages = (typeof messages)['nb'];
const TYPES: SakType[] = ['VEDTAK', 'DISKUSJON', 'ORIENTERING'];

function hasPaper(s: Sak): boolean {
  return Boolean(s.standingKind || s.background?.trim() || s.proposedVedtak?.trim());
}

function SlotInputs({
  sak,
  meeting,
  disabled,
  onWarnings,
}: {
  sak: Sak;
  meeting: Meeting;
  disabled: boolean;
  onWarnings: (sakId: string, codes: WarningCode[]) => void;
}) {
  const t = useMessages(messages);
  const describe = useDescribeError();
  const [start, setStart] = useState(hhmm(sak.timeStart));
  const [end, setEnd] = useState(hhmm(sak.timeEnd));
  const [result, update] = useMutation(UpdateSlotMutation);

  async function save() {
    if (start === hhmm(sak.timeStart) && end === hhmm(sak.timeEnd)) return;
    const response = await update({
      input: { id: sak.id, version: sak.version, timeStart: toApiTime(start), timeEnd: toApiTime(end) },
    });
    if (response.data) onWarnings(sak.id, response.data.updateSak.warnings.map((w) => w.code));
  }

  const conflict = result.error && errorCodes(result.error).has('CONFLICT');
  return (
    // Saved when focus leaves the pair, so moving from start to end does not save half a slot.
    <div
      className="slot"
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void save();
      }}
    >
      <Textfield
        type="time"
        data-size="sm"
        aria-label={t.slotStartFor(sak.code)}
        value={start}
        min={hhmm(meeting.startsAt) || undefined}
        onChange={(e) => setStart(e.target.value)}
        disabled={disabled}
      />
      <span aria-hidden>–</span>
      <Textfield
        type="time"
        data-size="sm"
        aria-label={t.slotEndFor(sak.code)}
        value={end}
        onChange={(e) => setEnd(e.target.value)}
        disabled={disabled}
      />
      {result.error && (
        <Paragraph role="alert" className="field-error" data-size="sm">
          {conflict ? t.slotConflict : describe(result.error)}
        </Paragraph>
      )}
    </div>
  );
}

function SortableSak({
  sak,
  index,
  total,
  meeting,
  locked,
  problems,
  apiWarnings,
  onWarnings,
  onMove,
  onRenumber,
}: {
  sak: Sak;
  index: number;
  total: number;
  meeting: Meeting;
  locked: boolean;
  problems: ReturnType<typeof slotProblems>;
  apiWarnings: WarningCode[];
  onWarnings: (sakId: string, codes: WarningCode[]) => void;
  onMove: (sak: Sak) => void;
  onRenumber: (sak: Sak) => void;
}) {
  const t = useMessages(messages);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: sak.id, disabled: locked });
  const style = { transform: CSS.Transform.toString(transform), transition };
  const problem = problems.get(sak.id);
  const types = formatSakTypes(sak.types, (type) => t[`type${type}`]);
  const notes: string[] = [];
  if (problem?.overlaps.length) notes.push(t.slotOverlaps(problem.overlaps.join(', ')));
  if (problem?.outside) notes.push(t.slotOutside);
  if (problem?.backwards) notes.push(t.slotBackwards);
  for (const w of apiWarnings) {
    const text = t[`warning${w}`];
    if (!notes.includes(text) && !(w === 'TIME_SLOT_OVERLAP' && problem?.overlaps.length) && !(w === 'TIME_SLOT_OUTSIDE_MEETING' && problem?.outside)) {
      notes.push(text);
    }
  }

  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`agenda-row${isDragging ? ' agenda-row--dragging' : ''}${sak.status === 'WITHDRAWN' ? ' agenda-row--withdrawn' : ''}`}
      data-testid="agenda-row"
      data-code={sak.code}
    >
      <button
        type="button"
        className="drag-handle"
        {...attributes}
        {...listeners}
        aria-label={t.dragHandle(sak.code, sak.title, index + 1, total)}
        disabled={locked}
      >
        <svg aria-hidden width="16" height="16" viewBox="0 0 16 16" focusable="false">
          <circle cx="5" cy="3" r="1.5" />
          <circle cx="11" cy="3" r="1.5" />
          <circle cx="5" cy="8" r="1.5" />
          <circle cx="11" cy="8" r="1.5" />
          <circle cx="5" cy="13" r="1.5" />
          <circle cx="11" cy="13" r="1.5" />
        </svg>
      </button>
      <div className="agenda-row__number">
        <span className="agenda-row__code" data-testid="sak-code">
          {t.sakCode(sak.code)}
        </span>
      </div>
      <div className="agenda-row__main">
        <RouterLink to={sakPageUrl(sak.code)}>{sak.title}</RouterLink>
        <div className="agenda-row__tags">
          {types && <span className="muted">{types}</span>}
          {sak.addedUnderEventuelt && (
            <Tag data-size="sm" data-color="info">
              {t.eventuelt}
            </Tag>
          )}
          {!hasPaper(sak) && (
            <Tag data-size="sm" data-color="warning">
              {t.noPaperYet}
            </Tag>
          )}
        </div>
        {notes.length > 0 && (
          <ul className="agenda-row__warnings" data-testid="slot-warnings">
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
      </div>
      <SlotInputs key={`${sak.timeStart ?? ''}-${sak.timeEnd ?? ''}`} sak={sak} meeting={meeting} disabled={locked} onWarnings={onWarnings} />
      <div className="agenda-row__actions">
        <Button variant="tertiary" data-size="sm" onClick={() => onRenumber(sak)} disabled={locked} aria-label={t.renumberSakLabel(sak.code)}>
          {t.renumberSak}
        </Button>
        <Button variant="tertiary" data-size="sm" onClick={() => onMove(sak)} disabled={locked} aria-label={t.moveSakLabel(sak.code)}>
          {t.moveSak}
        </Button>
      </div>
    </li>
  );
}

function announcements(t: Messages, saker: Sak[]): Announcements {
  const label = (id: UniqueIdentifier) => {
    const s = saker.find((x) => x.id === id);
    return s ? t.sakTitle(s.code, s.title) : String(id);
  };
  const place = (id: UniqueIdentifier | undefined) => (id === undefined ? -1 : saker.findIndex((x) => x.id === id) + 1);
  return {
    onDragStart: ({ active }) => t.dndPickedUp(label(active.id), place(active.id), saker.length),
    onDragOver: ({ active, over }) => (over ? t.dndMovedTo(label(active.id), place(over.id), saker.length) : t.dndNotOver(label(active.id))),
    onDragEnd: ({ active, over }) => (over ? t.dndDropped(label(active.id), place(over.id), saker.length) : t.dndNotOver(label(active.id))),
    onDragCancel: ({ active }) => t.dndCancelled(label(active.id), place(active.id)),
  };
}

function AddSakForm({ meetingId, onAdded }: { meetingId: string; onAdded: (code: string, title: string, warnings: WarningCode[]) => void }) {
  const t = useMessages(messages);
  const describe = useDescribeError();
  const [title, setTitle] = useState('');
  const [types, setTypes] = useState<SakType[]>([]);
  const [eventuelt, setEventuelt] = useState(false);
  const [titleError, setTitleError] = useState<string | null>(null);
  const [result, create] = useMutation(CreateSakMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) {
      setTitleError(t.sakTitleMissing);
      return;
    }
    setTitleError(null);
    const response = await create({
      input: { meetingId, title: title.trim(), types: TYPES.filter((x) => types.includes(x)), addedUnderEventuelt: eventuelt },
    });
    if (response.data) {
      const { sak, warnings } = response.data.createSak;
      onAdded(sak.code, sak.title, warnings.map((w) => w.code));
      setTitle('');
      setTypes([]);
      setEventuelt(false);
    }
  }

  const problems = fieldProblems(result.error);
  const serverTitle = problems.has('title') ? t.sakTitleMissing : null;
  const other = result.error && !serverTitle ? result.error : null;

  return (
    <form className="stack add-sak" onSubmit={submit} noValidate aria-labelledby="add-sak-h" data-testid="add-sak">
      <Heading level={2} data-size="sm" id="add-sak-h">
        {t.addSakHeading}
      </Heading>
      <Paragraph data-size="sm">{t.addSakHint}</Paragraph>
      <Textfield label={t.sakTitleLabel} value={title} onChange={(e) => setTitle(e.target.value)} error={titleError ?? serverTitle ?? undefined} required />
      <Fieldset>
        <Fieldset.Legend>{t.sakTypesLabel}</Fieldset.Legend>
        <div className="inline-options">
          {TYPES.map((type) => (
            <Checkbox
              key={type}
              label={t[`type${type}`]}
              checked={types.includes(type)}
              onChange={(e) => setTypes(e.target.checked ? [...types, type] : types.filter((x) => x !== type))}
            />
          ))}
        </div>
      </Fieldset>
      <Checkbox label={t.addedUnderEventuelt} checked={eventuelt} onChange={(e) => setEventuelt(e.target.checked)} />
      {other && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{describe(other)}</Paragraph>
        </Alert>
      )}
      <div>
        <Button type="submit" loading={result.fetching} disabled={result.fetching}>
          {t.addSak}
        </Button>
      </div>
    </form>
  );
}

/** A dialog about one sak (open while there is one): what it asks, why saving failed, confirm and cancel. */
function SakDialog({
  id,
  sak,
  heading,
  confirm,
  disabled,
  failure,
  onSubmit,
  onClose,
  children,
}: {
  id: string;
  sak: Sak | null;
  heading: (sak: Sak) => string;
  confirm: string;
  disabled: boolean;
  failure: CombinedError | null | undefined;
  onSubmit: (event: FormEvent) => void;
  onClose: () => void;
  children: ReactNode | ((sak: Sak) => ReactNode);
}) {
  const t = useMessages(messages);
  const describe = useDescribeError();
  return (
    <Dialog open={sak !== null} onClose={onClose} closeButton={t.close} aria-labelledby={id}>
      {sak && (
        <Dialog.Block>
          <form className="stack" onSubmit={onSubmit} noValidate>
            <Heading level={2} data-size="xs" id={id}>
              {heading(sak)}
            </Heading>
            {typeof children === 'function' ? children(sak) : children}
            {failure && (
              <Alert data-color="danger" role="alert">
                <Paragraph>{describe(failure)}</Paragraph>
              </Alert>
            )}
            <div className="button-row">
              <Button type="submit" disabled={disabled}>
                {confirm}
              </Button>
              <Button type="button" variant="secondary" onClick={onClose}>
                {t.cancel}
              </Button>
            </div>
          </form>
        </Dialog.Block>
      )}
    </Dialog>
  );
}

function MoveDialog({ sak, meeting, others, onClose }: { sak: Sak | null; meeting: Meeting; others: { id: string; code: string }[]; onClose: (done?: string) => void }) {
  const t = useMessages(messages);
  const [target, setTarget] = useState('');
  const [result, move] = useMutation(MoveSakMutation);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!sak || !target) return;
    const response = await move({ id: sak.id, version: sak.version, meetingId: target });
    if (response.data) {
      onClose(t.movedDone(sak.code, response.data.moveSak.code));
      setTarget('');
    }
  }
  return (
    <SakDialog
      id="move-h"
      sak={sak}
      heading={(s) => t.moveHeading(s.code)}
      confirm={t.moveConfirm}
      disabled={!target || result.fetching}
      failure={result.error}
      onSubmit={submit}
      onClose={() => onClose()}
    >
      <Paragraph>{t.moveText(meeting.code)}</Paragraph>
      {others.length === 0 ? (
        <Paragraph>{t.noMeetingsToMoveTo}</Paragraph>
      ) : (
        <Field>
          <Label>{t.moveTo}</Label>
          <Select value={target} onChange={(e) => setTarget(e.target.value)} required>
            <Select.Option value="" disabled>
              {t.chooseMeeting}
            </Select.Option>
            {others.map((m) => (
              <Select.Option key={m.id} value={m.id}>
                {t.meetingCode(m.code)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}
    </SakDialog>
  );
}

function RenumberDialog({ sak, onClose }: { sak: Sak | null; onClose: (done?: string) => void }) {
  const t = useMessages(messages);
  const [number, setNumber] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const [result, renumber] = useMutation(RenumberSakMutation);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!sak) return;
    const n = Number(number);
    if (!Number.isInteger(n) || n < 1) {
      setLocal(t.positiveNumber);
      return;
    }
    setLocal(null);
    const response = await renumber({ id: sak.id, version: sak.version, number: n });
    if (response.data) {
      onClose(t.renumberedDone(sak.code, response.data.renumberSak.code));
      setNumber('');
    }
  }
  const taken = fieldProblems(result.error).has('number') ? t.numberTaken : null;
  const other = result.error && !taken ? result.error : null;
  return (
    <SakDialog
      id="renumber-h"
      sak={sak}
      heading={(s) => t.renumberHeading(s.code)}
      confirm={t.renumberConfirm}
      disabled={result.fetching}
      failure={other}
      onSubmit={submit}
      onClose={() => onClose()}
    >
      {(s) => (
        <Textfield
          type="number"
          inputMode="numeric"
          min={1}
          label={t.newNumber}
          description={t.newNumberHint(s.number)}
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          error={local ?? taken ?? undefined}
        />
      )}
    </SakDialog>
  );
}

function Builder({ meeting, others, refresh }: { meeting: Meeting; others: { id: string; code: string }[]; refresh: () => void }) {
  const t = useMessages(messages);
  const describe = useDescribeError();
  const location = useLocation();
  const created = (location.state as { created?: boolean; warnings?: WarningCode[] } | null)?.created;
  const server = [...meeting.saker].sort((a, b) => a.position - b.position);
  const [pending, setPending] = useState<{ ids: string[]; basis: Sak[] } | null>(null);
  const [renumber, setRenumber] = useState(meeting.status === 'PLANNED');
  const [warnings, setWarnings] = useState<Map<string, WarningCode[]>>(new Map());
  const [notice, setNotice] = useState<string | null>(null);
  const [moving, setMoving] = useState<Sak | null>(null);
  const [renumbering, setRenumbering] = useState<Sak | null>(null);
  const [reorderState, reorder] = useMutation(ReorderMutation);
  // Which call failed decides the sentence: a refused renumbering names the numbers.
  const [renumberedLast, setRenumberedLast] = useState(false);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  // The order just dropped is shown until the refetched agenda arrives.
  const saker =
    pending && pending.basis === meeting.saker
      ? pending.ids.map((id) => server.find((s) => s.id === id)).filter((s): s is Sak => Boolean(s))
      : server;
  const locked = meeting.status === 'CANCELLED' || meeting.minutesLocked;
  const problems = slotProblems(saker, meeting.startsAt, meeting.endsAt);
  const totals = slotTotals(saker, meeting.startsAt, meeting.endsAt);

  async function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const from = saker.findIndex((s) => s.id === active.id);
    const to = saker.findIndex((s) => s.id === over.id);
    const ids = arrayMove(saker.map((s) => s.id), from, to);
    setPending({ ids, basis: meeting.saker });
    await save(ids, renumber);
  }

  async function save(ids: string[], withNumbers: boolean) {
    setNotice(null);
    setRenumberedLast(withNumbers);
    const result = await reorder({ meetingId: meeting.id, sakIds: ids, renumber: withNumbers });
    if (result.error) setPending(null);
    else setNotice(withNumbers ? t.reorderedAndRenumbered : t.reordered);
  }

  const onWarnings = (sakId: string, codes: WarningCode[]) =>
    setWarnings((current) => new Map(current).set(sakId, codes));

  const missingPapers = saker.filter((s) => !hasPaper(s) && s.status !== 'WITHDRAWN').length;
  const failure = reorderState.error;

  return (
    <>
      <MeetingHeading title={t.agendaBuilderTitle(meeting.code)} meeting={meeting} />
      {created && (
        <Alert data-color="success" data-testid="meeting-created">
          <Paragraph>{t.meetingCreated(meeting.code)}</Paragraph>
        </Alert>
      )}
      {locked && (
        <Alert data-color="info">
          <Paragraph>{t.agendaLocked}</Paragraph>
        </Alert>
      )}
      <EditMeeting meeting={meeting} disabled={locked || meeting.status === 'HELD'} refresh={refresh} />
      <Paragraph id="dnd-help">{t.dndHelp}</Paragraph>
      <div className="agenda-summary" data-testid="slot-summary">
        <span>
          {totals.meeting !== null
            ? t.slotTotal(formatDuration(totals.planned, t.hourUnit), formatDuration(totals.meeting, t.hourUnit))
            : t.slotTotalNoHours(formatDuration(totals.planned, t.hourUnit))}
        </span>
        {totals.meeting !== null && totals.planned > totals.meeting && (
          <Tag data-color="warning" data-size="sm">
            {t.slotsOverMeeting}
          </Tag>
        )}
        {missingPapers > 0 && (
          <Tag data-color="warning" data-size="sm">
            {t.missingPapers(missingPapers)}
          </Tag>
        )}
      </div>
      <Switch
        label={t.renumberAfterReorder}
        description={t.renumberAfterReorderHint}
        checked={renumber}
        onChange={(e) => setRenumber(e.target.checked)}
        disabled={locked}
      />
      <div>
        <Button
          variant="secondary"
          data-size="sm"
          onClick={() => save(saker.map((s) => s.id), true)}
          disabled={locked || saker.length === 0 || reorderState.fetching}
          loading={reorderState.fetching}
        >
          {t.renumberInOrder}
        </Button>
      </div>
      <div aria-live="polite" className="live-notice">
        {notice && (
          <Alert data-color="success" data-testid="agenda-notice">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        )}
      </div>
      {failure && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{errorCodes(failure).has('VALIDATION') && renumberedLast ? t.renumberRefused : describe(failure)}</Paragraph>
        </Alert>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements: announcements(t, saker), screenReaderInstructions: { draggable: t.dndInstructions } }}
      >
        <SortableContext items={saker.map((s) => s.id)} strategy={verticalListSortingStrategy}>
          <ol className="agenda-builder" aria-label={t.agenda} aria-describedby="dnd-help" data-testid="agenda-builder">
            {saker.map((s, i) => (
              <SortableSak
                key={s.id}
                sak={s}
                index={i}
                total={saker.length}
                meeting={meeting}
                locked={locked}
                problems={problems}
                apiWarnings={warnings.get(s.id) ?? []}
                onWarnings={onWarnings}
                onMove={setMoving}
                onRenumber={setRenumbering}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {!locked && (
        <AddSakForm
          meetingId={meeting.id}
          onAdded={(code, title, codes) =>
            setNotice([t.sakAdded(code, title), ...codes.map((c) => t[`warning${c}`])].join(' '))
          }
        />
      )}
      <MoveDialog
        sak={moving}
        meeting={meeting}
        others={others}
        onClose={(done) => {
          setMoving(null);
          if (done) setNotice(done);
        }}
      />
      <RenumberDialog
        sak={renumbering}
        onClose={(done) => {
          setRenumbering(null);
          if (done) setNotice(done);
        }}
      />
    </>
  );
}

export default function AgendaBuilderView() {
  const t = useMessages(messages);
  const page = useMeetingPage(AgendaBuilderQueryDoc, { title: t.agendaBuilderTitle });
  if (page.fallback) return page.fallback;
  const { meeting, data, refresh } = page;
  const others = data.meetings.nodes
    .filter((m) => m.id !== meeting.id && (m.status === 'PLANNED' || m.status === 'NOTICE_PUBLISHED'))
    .map((m) => ({ id: m.id, code: m.code }));
  return (
    <div className="stack">
      <MeetingTools code={meeting.code} year={meeting.year} />
      <Builder meeting={meeting} others={others} refresh={refresh} />
    </div>
  );
}
