// A new meeting from the standing skeleton: the API gives it the next number of its year
// and the standing saker with the year's next sak numbers.
import '../work.css';
import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { fieldProblems, useDescribeError } from '../../api/errors';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { RouterLink } from '../../components/RouterLink';
import { usePageTitle } from '../../components/usePageTitle';
import { graphql } from '../../gql';
import type { MeetingFormat, StandingKind } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import { hhmm, thisYear, toApiTime } from '../dates';
import messages from '../messages';
import { meetingsUrl, meetingToolUrl } from '../urls';

const CouncilDefaultsQuery = graphql(`
  query CouncilDefaults {
    council {
      settings {
        defaultLocation
        defaultRoom
        defaultStartsAt
        defaultEndsAt
      }
    }
  }
`);

const CreateMeetingMutation = graphql(`
  mutation CreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) {
      meeting {
        id
        code
      }
      warnings {
        code
        message
      }
    }
  }
`);

const FORMATS: MeetingFormat[] = ['PHYSICAL', 'HYBRID', 'DIGITAL'];
const OPTIONAL: StandingKind[] = ['OUTSTANDING_ITEMS', 'ONGOING_STATUS', 'POLICY_OVERVIEW'];
type FieldName = 'date' | 'number' | 'startsAt' | 'endsAt' | 'location' | 'room' | 'firstSakNumber';
const FIELDS: FieldName[] = ['date', 'number', 'startsAt', 'endsAt', 'location', 'room', 'firstSakNumber'];
const FIELD_IDS = Object.fromEntries(FIELDS.map((f) => [f, `meeting-${f}`]));
/** A field for a whole number from 1. */
const POSITIVE = { type: 'number', inputMode: 'numeric', min: 1 } as const;

interface Draft {
  date: string;
  number: string;
  startsAt: string;
  endsAt: string;
  location: string;
  room: string;
  format: MeetingFormat;
  note: string;
  skeleton: boolean;
  optional: StandingKind[];
  firstSakNumber: string;
}

function NewMeetingForm({ defaults }: { defaults: Partial<Draft> }) {
  const t = useMessages(messages);
  const describe = useDescribeError();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>({
    date: '',
    number: '',
    startsAt: '10:00',
    endsAt: '15:00',
    location: '',
    room: '',
    format: 'PHYSICAL',
    note: '',
    skeleton: true,
    optional: ['OUTSTANDING_ITEMS', 'POLICY_OVERVIEW'],
    firstSakNumber: '',
    ...defaults,
  });
  const [local, setLocal] = useState<Partial<Record<FieldName, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [result, create] = useMutation(CreateMeetingMutation);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    // A corrected field stops showing its old error.
    setLocal((errors) => (key in errors ? Object.fromEntries(Object.entries(errors).filter(([k]) => k !== key)) : errors));
  };

  const server: Partial<Record<FieldName, string>> = {};
  const problems = fieldProblems(result.error);
  for (const [field, p] of problems) {
    if ((FIELDS as string[]).includes(field)) {
      const name = field as FieldName;
      server[name] = name === 'number' || name === 'firstSakNumber' ? t.numberTaken : name === 'date' ? t.dateInvalid : p.message;
    }
  }
  const errors = { ...server, ...local };
  const other = result.error && [...problems.keys()].every((f) => !(FIELDS as string[]).includes(f)) ? result.error : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: Partial<Record<FieldName, string>> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) next.date = t.dateMissing;
    if (draft.number && !(Number(draft.number) > 0)) next.number = t.positiveNumber;
    if (draft.firstSakNumber && !(Number(draft.firstSakNumber) > 0)) next.firstSakNumber = t.positiveNumber;
    if (draft.startsAt && draft.endsAt && draft.endsAt <= draft.startsAt) next.endsAt = t.endBeforeStart;
    setLocal(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    const response = await create({
      input: {
        date: draft.date,
        number: draft.number ? Number(draft.number) : null,
        startsAt: toApiTime(draft.startsAt),
        endsAt: toApiTime(draft.endsAt),
        location: draft.location.trim() || null,
        room: draft.room.trim() || null,
        format: draft.format,
        note: draft.note.trim() || null,
        skeleton: draft.skeleton,
        optionalItems: draft.skeleton ? draft.optional : [],
        firstSakNumber: draft.firstSakNumber ? Number(draft.firstSakNumber) : null,
      },
    });
    if (response.data) {
      const { meeting, warnings } = response.data.createMeeting;
      navigate(meetingToolUrl(meeting.code, 'agenda'), { state: { created: true, warnings: warnings.map((w) => w.code) } });
    }
  }

  /** What ties a text field to its part of the draft. */
  const bind = (name: FieldName) => ({
    id: FIELD_IDS[name],
    value: draft[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(name, e.target.value),
    error: errors[name],
  });

  return (
    <form className="stack narrow" onSubmit={submit} noValidate data-testid="new-meeting-form">
      {/* In the order of the form. */}
      <FormErrorSummary
        errors={Object.fromEntries(FIELDS.map((f) => [f, errors[f]]))}
        fieldIds={FIELD_IDS}
        attempt={attempt}
        heading={t.fixThese}
      />
      {other && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{describe(other)}</Paragraph>
        </Alert>
      )}
      <Textfield {...bind('date')} type="date" label={t.meetingDate} required />
      <div className="form-row">
        <Textfield {...bind('startsAt')} type="time" label={t.startsAt} />
        <Textfield {...bind('endsAt')} type="time" label={t.endsAt} />
      </div>
      <Textfield {...bind('location')} label={t.location} description={t.locationHint} />
      <Textfield {...bind('room')} label={t.room} />
      <Fieldset>
        <Fieldset.Legend>{t.format}</Fieldset.Legend>
        {FORMATS.map((f) => (
          <Radio
            key={f}
            name="format"
            label={t[`format${f}`]}
            value={f}
            checked={draft.format === f}
            onChange={() => set('format', f)}
          />
        ))}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t.agendaStart}</Fieldset.Legend>
        <Checkbox
          label={t.useSkeleton}
          description={t.useSkeletonHint}
          checked={draft.skeleton}
          onChange={(e) => set('skeleton', e.target.checked)}
        />
        {draft.skeleton &&
          OPTIONAL.map((kind) => (
            <Checkbox
              key={kind}
              label={t.includeItem(t[`standing${kind}`])}
              checked={draft.optional.includes(kind)}
              onChange={(e) =>
                set('optional', e.target.checked ? [...draft.optional, kind] : draft.optional.filter((k) => k !== kind))
              }
            />
          ))}
      </Fieldset>
      <details className="more-options">
        <summary>{t.moreOptions}</summary>
        <div className="stack">
          <Textfield {...bind('number')} {...POSITIVE} label={t.meetingNumber} description={t.meetingNumberHint} />
          <Textfield {...bind('firstSakNumber')} {...POSITIVE} label={t.firstSakNumber} description={t.firstSakNumberHint} />
          <Textfield multiline rows={3} label={t.note} value={draft.note} onChange={(e) => set('note', e.target.value)} />
        </div>
      </details>
      <div className="button-row">
        <Button type="submit" loading={result.fetching} disabled={result.fetching}>
          {t.createMeeting}
        </Button>
        <Button asChild variant="secondary">
          <RouterLink to={meetingsUrl()}>{t.cancel}</RouterLink>
        </Button>
      </div>
    </form>
  );
}

export default function NewMeetingView() {
  const t = useMessages(messages);
  usePageTitle(t.newMeetingTitle);
  const [{ data, fetching }] = useQuery({ query: CouncilDefaultsQuery });
  const settings = data?.council.settings;
  const year = thisYear();
  return (
    <>
      <Paragraph data-size="sm">
        <RouterLink to={meetingsUrl(year)}>{t.backToMeetings}</RouterLink>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t.newMeetingTitle}
      </Heading>
      <Paragraph>{t.newMeetingIntro}</Paragraph>
      {fetching && !data ? null : (
        <NewMeetingForm
          key={settings ? 'settings' : 'none'}
          defaults={{
            location: settings?.defaultLocation ?? '',
            room: settings?.defaultRoom ?? '',
            startsAt: settings?.defaultStartsAt ? hhmm(settings.defaultStartsAt) : '10:00',
            endsAt: settings?.defaultEndsAt ? hhmm(settings.defaultEndsAt) : '15:00',
          }}
        />
      )}
    </>
  );
}
