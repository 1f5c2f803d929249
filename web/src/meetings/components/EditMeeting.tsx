// The meeting's practical details (day, hours, place, format), edited with the version the
// form was opened at; a conflict keeps what was typed and offers to start from the saved one.
import { Alert, Button, Details, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useServerErrors } from '../../components/formErrors';
import { graphql } from '../../gql';
import type { MeetingFormat } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import { hhmm, toApiTime } from '../dates';
import messages from '../messages';

const UpdateMeetingMutation = graphql(`
  mutation UpdateMeeting($input: UpdateMeetingInput!) {
    updateMeeting(input: $input) {
      id
      version
      date
      startsAt
      endsAt
      location
      room
      format
    }
  }
`);

export interface EditableMeeting {
  id: string;
  version: number;
  date: string;
  startsAt?: string | null;
  endsAt?: string | null;
  location?: string | null;
  room?: string | null;
  format: MeetingFormat;
}

const FORMATS: MeetingFormat[] = ['PHYSICAL', 'HYBRID', 'DIGITAL'];

export function EditMeeting({
  meeting,
  disabled,
  refresh,
}: {
  meeting: EditableMeeting;
  disabled: boolean;
  /** Fetches the meeting anew, so that "keep mine" saves over the version saved now. */
  refresh: () => void;
}) {
  const t = useMessages(messages);
  const [date, setDate] = useState(meeting.date);
  const [startsAt, setStartsAt] = useState(hhmm(meeting.startsAt));
  const [endsAt, setEndsAt] = useState(hhmm(meeting.endsAt));
  const [location, setLocation] = useState(meeting.location ?? '');
  const [room, setRoom] = useState(meeting.room ?? '');
  const [format, setFormat] = useState<MeetingFormat>(meeting.format);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [result, update] = useMutation(UpdateMeetingMutation);
  const server = useServerErrors(result.error, { date: t.dateInvalid, startsAt: t.endBeforeStart, endsAt: t.endBeforeStart });
  const errors = { ...server.fields, ...local };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const next: Record<string, string> = {};
    if (!date) next.date = t.dateMissing;
    if (startsAt && endsAt && endsAt <= startsAt) next.endsAt = t.endBeforeStart;
    setLocal(next);
    if (Object.keys(next).length > 0) return;
    // The version is the meeting's as loaded now: the page refetches after every change.
    const response = await update({
      input: {
        id: meeting.id,
        version: meeting.version,
        date,
        startsAt: toApiTime(startsAt),
        endsAt: toApiTime(endsAt),
        location: location.trim() || null,
        room: room.trim() || null,
        format,
      },
    });
    const isConflict = Boolean(response.error?.graphQLErrors.some((e) => e.extensions.code === 'CONFLICT'));
    setConflict(isConflict);
    if (!response.error) setSaved(true);
    else if (isConflict) refresh();
  }

  function takeSaved() {
    setDate(meeting.date);
    setStartsAt(hhmm(meeting.startsAt));
    setEndsAt(hhmm(meeting.endsAt));
    setLocation(meeting.location ?? '');
    setRoom(meeting.room ?? '');
    setFormat(meeting.format);
    setLocal({});
    setConflict(false);
  }

  return (
    <Details data-testid="edit-meeting">
      <Details.Summary>{t.editMeeting}</Details.Summary>
      <Details.Content>
        <form className="stack narrow" onSubmit={submit} noValidate>
          <Textfield type="date" label={t.meetingDate} value={date} onChange={(e) => setDate(e.target.value)} error={errors.date} disabled={disabled} />
          <div className="form-row">
            <Textfield type="time" label={t.startsAt} value={startsAt} onChange={(e) => setStartsAt(e.target.value)} error={errors.startsAt} disabled={disabled} />
            <Textfield type="time" label={t.endsAt} value={endsAt} onChange={(e) => setEndsAt(e.target.value)} error={errors.endsAt} disabled={disabled} />
          </div>
          <Textfield label={t.location} value={location} onChange={(e) => setLocation(e.target.value)} disabled={disabled} />
          <Textfield label={t.room} value={room} onChange={(e) => setRoom(e.target.value)} disabled={disabled} />
          <Fieldset>
            <Fieldset.Legend>{t.format}</Fieldset.Legend>
            {FORMATS.map((f) => (
              <Radio key={f} name="edit-format" label={t[`format${f}`]} value={f} checked={format === f} onChange={() => setFormat(f)} disabled={disabled} />
            ))}
          </Fieldset>
          {conflict && (
            <Alert data-color="warning" role="alert">
              <Paragraph>{t.meetingConflict}</Paragraph>
              <div className="button-row">
                <Button type="submit" data-size="sm">
                  {t.meetingKeepMine}
                </Button>
                <Button type="button" variant="secondary" data-size="sm" onClick={takeSaved}>
                  {t.meetingTakeSaved}
                </Button>
              </div>
            </Alert>
          )}
          {server.other && (
            <Alert data-color="danger" role="alert">
              <Paragraph>{server.other}</Paragraph>
            </Alert>
          )}
          <div aria-live="polite">{saved && <span className="saved-note">{t.meetingSaved}</span>}</div>
          {!conflict && (
            <div>
              <Button type="submit" variant="secondary" loading={result.fetching} disabled={disabled}>
                {t.saveMeeting}
              </Button>
            </div>
          )}
        </form>
      </Details.Content>
    </Details>
  );
}
