// Comments on draft minutes: members write them until the merknadsfrist; the secretariat
// reads them per sak and marks them handled.
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorCodes, fieldProblems, useDescribeError } from '../../api/errors';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { Comments_CommentFragment } from '../../gql/graphql';
import { formatDateTime, formatShortDate, todayInNorway } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';

export const CommentFragment = graphql(`
  fragment Comments_Comment on MinutesComment {
    id
    sakId
    text
    handled
    handledAt
    handledNote
    createdAt
    version
    person {
      id
      name
    }
  }
`);

const AddCommentMutation = graphql(`
  mutation AddMinutesComment($meetingId: ID!, $sakId: ID, $text: String!) {
    addMinutesComment(meetingId: $meetingId, sakId: $sakId, text: $text) {
      id
      ...Comments_Comment
    }
  }
`);

const SetHandledMutation = graphql(`
  mutation SetCommentHandled($id: ID!, $version: Int!, $handled: Boolean!, $note: String) {
    setCommentHandled(id: $id, version: $version, handled: $handled, note: $note) {
      id
      ...Comments_Comment
    }
  }
`);

interface SakRef {
  id: string;
  code: string;
  title: string;
}

/** A member's form: on the whole minutes or one sak. */
export function CommentForm({
  meetingId,
  saker,
  deadline,
}: {
  meetingId: string;
  saker: SakRef[];
  deadline: string | null | undefined;
}) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const describe = useDescribeError();
  const [sakId, setSakId] = useState('');
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [result, add] = useMutation(AddCommentMutation);
  const past = deadline ? deadline < todayInNorway() : false;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    if (!text.trim()) {
      setTextError(t.commentMissing);
      return;
    }
    setTextError(null);
    const response = await add(
      { meetingId, sakId: sakId || null, text: text.trim() },
      { additionalTypenames: ['MinutesComment'] },
    );
    if (!response.error) {
      setText('');
      setSent(true);
    }
  }

  const fields = fieldProblems(result.error);
  const sakError = fields.has('sakId') ? t.commentSakRefused : null;
  const serverTextError = fields.has('text') ? t.commentMissing : null;
  const other = result.error && !sakError && !serverTextError ? result.error : null;

  if (past) return <Paragraph>{t.deadlinePassed(formatShortDate(deadline ?? '', lang))}</Paragraph>;

  return (
    <form className="stack narrow" onSubmit={submit} noValidate aria-labelledby="comment-form-h" data-testid="comment-form">
      <Heading level={3} data-size="xs" id="comment-form-h">
        {t.commentFormHeading}
      </Heading>
      {deadline && <Paragraph>{t.deadlineText(formatShortDate(deadline, lang))}</Paragraph>}
      <Field>
        <Label>{t.commentOn}</Label>
        <Select value={sakId} onChange={(e) => setSakId(e.target.value)} aria-invalid={sakError ? true : undefined}>
          <Select.Option value="">{t.wholeMinutes}</Select.Option>
          {saker.map((s) => (
            <Select.Option key={s.id} value={s.id}>
              {t.sakOption(s.code, s.title)}
            </Select.Option>
          ))}
        </Select>
        {sakError && <ValidationMessage>{sakError}</ValidationMessage>}
      </Field>
      <Textfield
        multiline
        label={t.commentText}
        rows={5}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={textError ?? serverTextError ?? undefined}
      />
      {other && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{errorCodes(other).has('CONFLICT') ? t.commentTooLate : describe(other)}</Paragraph>
        </Alert>
      )}
      <div aria-live="polite">
        {sent && (
          <Alert data-color="success">
            <Paragraph>{t.commentSent}</Paragraph>
          </Alert>
        )}
      </div>
      <div>
        <Button type="submit" loading={result.fetching} disabled={result.fetching}>
          {t.sendComment}
        </Button>
      </div>
    </form>
  );
}

function HandledToggle({ comment }: { comment: Comments_CommentFragment }) {
  const t = useMessages(messages);
  const describe = useDescribeError();
  const [note, setNote] = useState(comment.handledNote ?? '');
  const [result, setHandled] = useMutation(SetHandledMutation);
  return (
    <div className="comment__handle">
      {!comment.handled && (
        <Textfield
          label={t.handledNote}
          data-size="sm"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      )}
      <Button
        variant="secondary"
        data-size="sm"
        loading={result.fetching}
        onClick={() =>
          setHandled({ id: comment.id, version: comment.version, handled: !comment.handled, note: note.trim() || null })
        }
      >
        {comment.handled ? t.markUnhandled : t.markHandled}
      </Button>
      {result.error && (
        <Paragraph role="alert" className="field-error" data-size="sm">
          {describe(result.error)}
        </Paragraph>
      )}
    </div>
  );
}

/** The comments, newest last, each with who wrote it; the secretariat can mark them handled. */
export function CommentList({
  comments: masked,
  sakCodes,
  canHandle,
}: {
  comments: FragmentType<typeof CommentFragment>[];
  sakCodes: Map<string, string>;
  canHandle: boolean;
}) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const comments = masked.map((c) => getFragmentData(CommentFragment, c));
  if (comments.length === 0) return <Paragraph className="muted">{t.noComments}</Paragraph>;
  return (
    <ul className="comments" data-testid="comments">
      {comments.map((c) => {
        const code = c.sakId ? sakCodes.get(c.sakId) : undefined;
        return (
          <li key={c.id} className="comment">
            <div className="comment__meta">
              <strong>{c.person?.name ?? t.unknownPerson}</strong>
              <span className="muted">
                {' · '}
                {code ? t.onSak(code) : t.onWhole} · {formatDateTime(c.createdAt, lang)}
              </span>
              {c.handled && (
                <Tag data-color="success" data-size="sm">
                  {t.handled}
                </Tag>
              )}
            </div>
            <Paragraph className="comment__text">{c.text}</Paragraph>
            {c.handled && c.handledNote && (
              <Paragraph data-size="sm" className="muted">
                {t.handledNoteShown(c.handledNote)}
              </Paragraph>
            )}
            {canHandle && <HandledToggle comment={c} />}
          </li>
        );
      })}
    </ul>
  );
}
