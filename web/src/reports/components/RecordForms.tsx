// The secretariat records the year's events and publications here; the report counts them.
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { CombinedError } from '@urql/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from 'urql';
import { FormButtons } from '../../components/FormButtons';
import { isWebUrl, orNull, useServerErrors } from '../../components/formErrors';
import formMessages from '../../components/formMessages';
import { OptionSelect } from '../../components/OptionSelect';
import { graphql } from '../../gql';
import type { EventKind, EventRole, PublicationKind } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';

const EVENT_KINDS: EventKind[] = ['ARENDALSUKA', 'FROKOSTMOTE', 'SEMINAR', 'KONFERANSE', 'ANNET'];
const EVENT_ROLES: EventRole[] = ['ORGANISER', 'CO_ORGANISER', 'PARTICIPANT'];
const PUBLICATION_KINDS: PublicationKind[] = ['KRONIKK', 'HOERINGSSVAR', 'INNSPILL', 'RAPPORT', 'ANNET'];

const CreateEventMutation = graphql(`
  mutation CreateEvent($input: EventData!) {
    createEvent(input: $input) {
      id
      title
    }
  }
`);

const CreatePublicationMutation = graphql(`
  mutation CreatePublication($input: PublicationData!) {
    createPublication(input: $input) {
      id
      title
    }
  }
`);

const DeleteEventMutation = graphql(`
  mutation DeleteEvent($id: ID!, $version: Int!) {
    deleteEvent(id: $id, version: $version)
  }
`);

const DeletePublicationMutation = graphql(`
  mutation DeletePublication($id: ID!, $version: Int!) {
    deletePublication(id: $id, version: $version)
  }
`);

// A deleted row returns only its id: name the types so the report is fetched again.
const REFRESH = { additionalTypenames: ['Event', 'Publication', 'AnnualReport'] };

// What tells the two record forms apart besides their own fields.
const FORMS = {
  event: { heading: 'addEventHeading', submit: 'addEvent', dateField: 'date' },
  publication: { heading: 'addPublicationHeading', submit: 'addPublication', dateField: 'publishedOn' },
} as const;

/** A new record's form: the title first and the link last, checked before saving, around the fields of its kind. */
function RecordForm({
  kind,
  result,
  save,
  onDone,
  onCancel,
  children,
}: {
  kind: keyof typeof FORMS;
  result: { fetching: boolean; error?: CombinedError };
  /** Saves the record with this title and link; gives its saved title, or nothing when it failed. */
  save: (fields: { title: string; url: string | null }) => Promise<string | undefined>;
  onDone: (title: string) => void;
  onCancel: () => void;
  children: (errors: Record<string, string>) => ReactNode;
}) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const form = FORMS[kind];
  const server = useServerErrors(result.error, { title: t.titleMissing, url: f.invalidUrl, [form.dateField]: f.invalidDate });
  const errors: Record<string, string> = { ...server.fields, ...local };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!title.trim()) next.title = t.titleMissing;
    if (url.trim() && !isWebUrl(url.trim())) next.url = f.invalidUrl;
    setLocal(next);
    if (Object.keys(next).length > 0) return;
    const saved = await save({ title: title.trim(), url: orNull(url) });
    if (saved !== undefined) onDone(saved);
  }

  return (
    <form className="stack form" onSubmit={submit} noValidate aria-labelledby={`new-${kind}-h`} data-testid={`${kind}-form`}>
      <Heading level={3} data-size="xs" id={`new-${kind}-h`}>
        {t[form.heading]}
      </Heading>
      {server.other && <Paragraph className="form-error">{server.other}</Paragraph>}
      <Textfield label={t.fieldTitle} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} autoComplete="off" />
      {children(errors)}
      <Textfield label={`${t.fieldUrl} ${f.optional}`} type="url" value={url} onChange={(e) => setUrl(e.target.value)} error={errors.url} />
      <FormButtons label={t[form.submit]} busy={result.fetching} onCancel={onCancel} />
    </form>
  );
}

type RecordFormProps = { year: number; onDone: (title: string) => void; onCancel: () => void };

export function EventForm({ year, onDone, onCancel }: RecordFormProps) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [kind, setKind] = useState<EventKind>('SEMINAR');
  const [role, setRole] = useState<EventRole>('ORGANISER');
  const [date, setDate] = useState(`${year}-01-01`);
  const [location, setLocation] = useState('');
  const [result, create] = useMutation(CreateEventMutation);
  const save = async (fields: { title: string; url: string | null }) => {
    const input = { ...fields, kind, role, date: date || null, location: orNull(location) };
    return (await create({ input }, REFRESH)).data?.createEvent.title;
  };

  return (
    <RecordForm kind="event" result={result} save={save} onDone={onDone} onCancel={onCancel}>
      {(errors) => (
        <>
          <div className="field-row">
            <OptionSelect label={t.fieldKind} value={kind} options={EVENT_KINDS} text={(k) => t[`eventKind${k}`]} onChange={setKind} />
            <OptionSelect label={t.fieldRole} value={role} options={EVENT_ROLES} text={(r) => t[`eventRole${r}`]} onChange={setRole} />
          </div>
          <div className="field-row">
            <Textfield label={t.fieldDate} type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.date} />
            <Textfield label={`${t.fieldLocation} ${f.optional}`} value={location} onChange={(e) => setLocation(e.target.value)} />
          </div>
        </>
      )}
    </RecordForm>
  );
}

export function PublicationForm({ year, onDone, onCancel }: RecordFormProps) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [kind, setKind] = useState<PublicationKind>('KRONIKK');
  const [outlet, setOutlet] = useState('');
  const [publishedOn, setPublishedOn] = useState(`${year}-01-01`);
  const [result, create] = useMutation(CreatePublicationMutation);
  const save = async (fields: { title: string; url: string | null }) => {
    const input = { ...fields, kind, outlet: orNull(outlet), publishedOn: publishedOn || null };
    return (await create({ input }, REFRESH)).data?.createPublication.title;
  };

  return (
    <RecordForm kind="publication" result={result} save={save} onDone={onDone} onCancel={onCancel}>
      {(errors) => (
        <div className="field-row">
          <OptionSelect label={t.fieldKind} value={kind} options={PUBLICATION_KINDS} text={(k) => t[`pubKind${k}`]} onChange={setKind} />
          <Textfield label={`${t.fieldOutlet} ${f.optional}`} value={outlet} onChange={(e) => setOutlet(e.target.value)} />
          <Textfield
            label={t.fieldPublishedOn}
            type="date"
            value={publishedOn}
            onChange={(e) => setPublishedOn(e.target.value)}
            error={errors.publishedOn}
          />
        </div>
      )}
    </RecordForm>
  );
}

/** Removes an event or a publication from the record (after a CONFLICT the report is fetched again). */
export function RemoveRecord({
  kind,
  id,
  version,
  title,
  onRemoved,
}: {
  kind: 'event' | 'publication';
  id: string;
  version: number;
  title: string;
  onRemoved: (title: string) => void;
}) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [eventResult, deleteEvent] = useMutation(DeleteEventMutation);
  const [publicationResult, deletePublication] = useMutation(DeletePublicationMutation);
  const result = kind === 'event' ? eventResult : publicationResult;
  const server = useServerErrors(result.error);
  async function remove() {
    const response = kind === 'event' ? await deleteEvent({ id, version }, REFRESH) : await deletePublication({ id, version }, REFRESH);
    if (!response.error) onRemoved(title);
  }
  return (
    <>
      <Button variant="tertiary" data-size="sm" data-color="danger" aria-label={t.removeLabel(title)} onClick={remove} loading={result.fetching}>
        {t.remove}
      </Button>
      {(server.other || server.conflict) && (
        <span className="form-error" role="alert">
          {server.other ?? f.conflictHeading}
        </span>
      )}
    </>
  );
}
