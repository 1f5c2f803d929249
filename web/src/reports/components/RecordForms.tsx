// The secretariat records the year's events and publications here; the report counts them.
import { Button, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { isWebUrl, orNull, useServerErrors } from '../../components/formErrors';
import formMessages from '../../components/formMessages';
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

export function EventForm({ year, onDone, onCancel }: { year: number; onDone: (title: string) => void; onCancel: () => void }) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<EventKind>('SEMINAR');
  const [role, setRole] = useState<EventRole>('ORGANISER');
  const [date, setDate] = useState(`${year}-01-01`);
  const [location, setLocation] = useState('');
  const [url, setUrl] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [result, create] = useMutation(CreateEventMutation);
  const server = useServerErrors(result.error, { title: t.titleMissing, url: f.invalidUrl, date: f.invalidDate });
  const errors: Record<string, string> = { ...server.fields, ...local };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!title.trim()) next.title = t.titleMissing;
    if (url.trim() && !isWebUrl(url.trim())) next.url = f.invalidUrl;
    setLocal(next);
    if (Object.keys(next).length > 0) return;
    const response = await create(
      { input: { title: title.trim(), kind, role, date: date || null, location: orNull(location), url: orNull(url) } },
      REFRESH,
    );
    if (response.data) onDone(response.data.createEvent.title);
  }

  return (
    <form className="stack form" onSubmit={submit} noValidate aria-labelledby="new-event-h" data-testid="event-form">
      <Heading level={3} data-size="xs" id="new-event-h">
        {t.addEventHeading}
      </Heading>
      {server.other && <Paragraph className="form-error">{server.other}</Paragraph>}
      <Textfield label={t.fieldTitle} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} autoComplete="off" />
      <div className="field-row">
        <Field>
          <Label>{t.fieldKind}</Label>
          <Select value={kind} onChange={(e) => setKind(e.target.value as EventKind)}>
            {EVENT_KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t[`eventKind${k}`]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t.fieldRole}</Label>
          <Select value={role} onChange={(e) => setRole(e.target.value as EventRole)}>
            {EVENT_ROLES.map((r) => (
              <Select.Option key={r} value={r}>
                {t[`eventRole${r}`]}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="field-row">
        <Textfield label={t.fieldDate} type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.date} />
        <Textfield label={`${t.fieldLocation} ${f.optional}`} value={location} onChange={(e) => setLocation(e.target.value)} />
      </div>
      <Textfield label={`${t.fieldUrl} ${f.optional}`} type="url" value={url} onChange={(e) => setUrl(e.target.value)} error={errors.url} />
      <div className="button-row">
        <Button type="submit" loading={result.fetching} disabled={result.fetching}>
          {t.addEvent}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {f.cancel}
        </Button>
      </div>
    </form>
  );
}

export function PublicationForm({ year, onDone, onCancel }: { year: number; onDone: (title: string) => void; onCancel: () => void }) {
  const t = useMessages(messages);
  const f = useMessages(formMessages);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<PublicationKind>('KRONIKK');
  const [outlet, setOutlet] = useState('');
  const [publishedOn, setPublishedOn] = useState(`${year}-01-01`);
  const [url, setUrl] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [result, create] = useMutation(CreatePublicationMutation);
  const server = useServerErrors(result.error, { title: t.titleMissing, url: f.invalidUrl, publishedOn: f.invalidDate });
  const errors: Record<string, string> = { ...server.fields, ...local };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!title.trim()) next.title = t.titleMissing;
    if (url.trim() && !isWebUrl(url.trim())) next.url = f.invalidUrl;
    setLocal(next);
    if (Object.keys(next).length > 0) return;
    const response = await create(
      { input: { title: title.trim(), kind, outlet: orNull(outlet), publishedOn: publishedOn || null, url: orNull(url) } },
      REFRESH,
    );
    if (response.data) onDone(response.data.createPublication.title);
  }

  return (
    <form className="stack form" onSubmit={submit} noValidate aria-labelledby="new-publication-h" data-testid="publication-form">
      <Heading level={3} data-size="xs" id="new-publication-h">
        {t.addPublicationHeading}
      </Heading>
      {server.other && <Paragraph className="form-error">{server.other}</Paragraph>}
      <Textfield label={t.fieldTitle} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} autoComplete="off" />
      <div className="field-row">
        <Field>
          <Label>{t.fieldKind}</Label>
          <Select value={kind} onChange={(e) => setKind(e.target.value as PublicationKind)}>
            {PUBLICATION_KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t[`pubKind${k}`]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield label={`${t.fieldOutlet} ${f.optional}`} value={outlet} onChange={(e) => setOutlet(e.target.value)} />
        <Textfield
          label={t.fieldPublishedOn}
          type="date"
          value={publishedOn}
          onChange={(e) => setPublishedOn(e.target.value)}
          error={errors.publishedOn}
        />
      </div>
      <Textfield label={`${t.fieldUrl} ${f.optional}`} type="url" value={url} onChange={(e) => setUrl(e.target.value)} error={errors.url} />
      <div className="button-row">
        <Button type="submit" loading={result.fetching} disabled={result.fetching}>
          {t.addPublication}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {f.cancel}
        </Button>
      </div>
    </form>
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
