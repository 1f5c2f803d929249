// The minutes editor: for each sak the discussion and the vedtak, side by side with the
// forslag til vedtak, and the members' comments on it. Each sak is saved on its own, with
// the version it was loaded at; a conflict keeps the text and is resolved in place.
import '../../meetings/work.css';
import { Alert, Button, Card, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useCallback, useState, type FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import { errorCodes } from '../../api/errors';
import { EditConflict } from '../../components/EditConflict';
import { useServerErrors } from '../../components/formErrors';
import { Prose } from '../../components/Prose';
import { RouterLink } from '../../components/RouterLink';
import { useConflict } from '../../components/useConflict';
import { graphql, type FragmentType } from '../../gql';
import type { MinutesEditorQuery } from '../../gql/graphql';
import { formatShortDate } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import { MeetingTools } from '../../meetings/components/MeetingTools';
import { MinutesStatusTag } from '../../meetings/components/StatusTags';
import { meetingUrl } from '../../meetings/urls';
import { useMeetingPage } from '../../meetings/useMeetingPage';
import { CommentList, type CommentFragment } from '../components/Comments';
import messages from '../messages';

// Lists that may be empty: a mutation returning these types refetches the page.
const LISTS = { additionalTypenames: ['MinutesComment'] };

const MinutesEditorQueryDoc = graphql(`
  query MinutesEditor($code: String!) {
    meeting(code: $code) {
      id
      code
      year
      status
      minutesStatus
      minutesLocked
      commentDeadline
      habilitetStatement
      comments {
        id
        sakId
        ...Comments_Comment
      }
      saker {
        id
        code
        title
        position
        proposedVedtak
        discussion
        vedtak
        version
        status
        inhabilMembers {
          id
          name
        }
      }
    }
  }
`);

const LatestMinutesSakQuery = graphql(`
  query LatestMinutesSak($id: ID!) {
    sak(id: $id) {
      id
      discussion
      vedtak
      version
    }
  }
`);

const SaveMinutesSakMutation = graphql(`
  mutation SaveMinutesSak($input: UpdateSakInput!) {
    updateSak(input: $input) {
      sak {
        id
        discussion
        vedtak
        version
      }
    }
  }
`);

type Meeting = NonNullable<MinutesEditorQuery['meeting']>;
type Sak = Meeting['saker'][number];
type Latest = { discussion?: string | null; vedtak?: string | null; version: number };

function SakMinutes({
  sak,
  locked,
  comments,
  sakCodes,
}: {
  sak: Sak;
  locked: boolean;
  comments: FragmentType<typeof CommentFragment>[];
  sakCodes: Map<string, string>;
}) {
  const t = useMessages(messages);
  const client = useClient();
  const [discussion, setDiscussion] = useState(sak.discussion ?? '');
  const [vedtak, setVedtak] = useState(sak.vedtak ?? '');
  const [version, setVersion] = useState(sak.version);
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const [theirs, setTheirs] = useState<Latest | null>(null);
  const [result, save] = useMutation(SaveMinutesSakMutation);
  const server = useServerErrors(result.error, { discussion: t.discussion, vedtak: t.vedtak });

  const fetchLatest = useCallback(async () => {
    const r = await client.query(LatestMinutesSakQuery, { id: sak.id }, { requestPolicy: 'network-only' }).toPromise();
    setTheirs(r.data?.sak ?? null);
  }, [client, sak.id]);
  const conflict = useConflict(fetchLatest);

  async function store(withVersion: number) {
    setSaved(false);
    const response = await save({
      input: { id: sak.id, version: withVersion, discussion: discussion.trim() || null, vedtak: vedtak.trim() || null },
    });
    if (response.error) {
      if (errorCodes(response.error).has('CONFLICT')) void conflict.begin();
      return;
    }
    if (response.data) {
      setVersion(response.data.updateSak.sak.version);
      setDirty(false);
      setSaved(true);
      setTheirs(null);
      conflict.end();
    }
  }

  /** The user changed a text: it is not saved until they save it. */
  function edit(set: (text: string) => void, text: string) {
    set(text);
    setDirty(true);
    setSaved(false);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void store(version);
  }

  /** The discussion and the vedtak are written the same way; a failed save names the field. */
  const minutesField = (name: 'discussion' | 'vedtak', rows: number, value: string, set: (text: string) => void) => (
    <Textfield
      multiline
      rows={rows}
      label={t[name]}
      description={t[`${name}Hint`]}
      value={value}
      onChange={(e) => edit(set, e.target.value)}
      error={server.fields[name] ? t[name] : undefined}
      readOnly={locked}
    />
  );

  const id = `minutes-${sak.id}`;
  const inhabil = sak.inhabilMembers.map((p) => p.name).join(', ');

  return (
    <section className="minutes-sak" aria-labelledby={`${id}-h`} data-testid="minutes-sak" data-code={sak.code}>
      <Heading level={2} data-size="sm" id={`${id}-h`}>
        {t.sakHeading(sak.code, sak.title)}
      </Heading>
      {inhabil && <Paragraph data-size="sm">{t.inhabil(inhabil)}</Paragraph>}
      <div className="minutes-sak__columns">
        <Card variant="tinted" data-color="neutral" className="minutes-sak__proposal">
          <Heading level={3} data-size="2xs">
            {t.proposed}
          </Heading>
          {sak.proposedVedtak ? <Prose text={sak.proposedVedtak} /> : <Paragraph className="muted">{t.noProposal}</Paragraph>}
          {!locked && sak.proposedVedtak && (
            <Button
              variant="tertiary"
              data-size="sm"
              onClick={() => edit(setVedtak, sak.proposedVedtak ?? '')}
            >
              {t.useProposal}
            </Button>
          )}
        </Card>
        <form className="stack minutes-sak__form" onSubmit={submit} noValidate>
          {conflict.active && (
            <EditConflict
              fields={
                theirs
                  ? [
                      { label: t.discussion, mine: discussion, theirs: theirs.discussion ?? '' },
                      { label: t.vedtak, mine: vedtak, theirs: theirs.vedtak ?? '' },
                    ]
                  : []
              }
              theirsLoaded={conflict.theirsLoaded && theirs !== null}
              saving={result.fetching}
              onKeepMine={() => theirs && void store(theirs.version)}
              onTakeTheirs={() => {
                if (!theirs) return;
                setDiscussion(theirs.discussion ?? '');
                setVedtak(theirs.vedtak ?? '');
                setVersion(theirs.version);
                setTheirs(null);
                setDirty(false);
                conflict.end();
              }}
            />
          )}
          {minutesField('discussion', 5, discussion, setDiscussion)}
          {minutesField('vedtak', 4, vedtak, setVedtak)}
          {server.other && (
            <Alert data-color="danger" role="alert">
              <Paragraph>{server.other}</Paragraph>
            </Alert>
          )}
          {!locked && (
            <div className="button-row button-row--tight">
              <Button type="submit" data-size="sm" loading={result.fetching} disabled={result.fetching}>
                {t.save}
              </Button>
              <span aria-live="polite" className="muted save-state">
                {saved ? t.saved(sak.code) : dirty ? t.unsaved : ''}
              </span>
            </div>
          )}
        </form>
      </div>
      {comments.length > 0 && (
        <details className="minutes-sak__comments" open>
          <summary>{t.commentsOnSak(comments.length)}</summary>
          <CommentList comments={comments} sakCodes={sakCodes} canHandle />
        </details>
      )}
    </section>
  );
}

export default function MinutesEditorView() {
  const t = useMessages(messages);
  const { lang } = useLang();
  const page = useMeetingPage(MinutesEditorQueryDoc, { title: t.minutesTitle, context: LISTS });
  if (page.fallback) return page.fallback;
  const { meeting } = page;

  const saker = [...meeting.saker].sort((a, b) => a.position - b.position);
  const sakCodes = new Map(saker.map((s) => [s.id, s.code]));
  const whole = meeting.comments.filter((c) => !c.sakId);
  const started = meeting.minutesStatus !== 'NONE';

  return (
    <div className="stack minutes-editor">
      <MeetingTools code={meeting.code} year={meeting.year} />
      <Heading level={1} data-size="lg">
        {t.minutesTitle(meeting.code)}
      </Heading>
      <div>
        <MinutesStatusTag status={meeting.minutesStatus} />
      </div>
      {!started ? (
        <Alert data-color="info">
          <Paragraph>{t.minutesNotStarted}</Paragraph>
          <Paragraph>
            <RouterLink to={meetingUrl(meeting.code)}>{t.toMeeting}</RouterLink>
          </Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t.minutesIntro}</Paragraph>
          {meeting.minutesLocked && (
            <Alert data-color="info">
              <Paragraph>{t.minutesLocked}</Paragraph>
            </Alert>
          )}
          {meeting.minutesStatus === 'SENT_FOR_COMMENTS' && meeting.commentDeadline && (
            <Alert data-color="info">
              <Paragraph>{t.forComments(formatShortDate(meeting.commentDeadline, lang))}</Paragraph>
            </Alert>
          )}
          <section aria-labelledby="minutes-habilitet-h" className="habilitet-statement">
            <Heading level={2} data-size="xs" id="minutes-habilitet-h">
              {t.habilitetStatement}
            </Heading>
            {meeting.habilitetStatement.map((line) => (
              <Paragraph key={line}>{line}</Paragraph>
            ))}
          </section>
          {whole.length > 0 && (
            <section aria-labelledby="whole-comments-h">
              <Heading level={2} data-size="xs" id="whole-comments-h">
                {t.commentsOnWhole}
              </Heading>
              <CommentList comments={whole} sakCodes={sakCodes} canHandle />
            </section>
          )}
          {saker.map((s) => (
            <SakMinutes
              key={s.id}
              sak={s}
              locked={meeting.minutesLocked}
              comments={meeting.comments.filter((c) => c.sakId === s.id)}
              sakCodes={sakCodes}
            />
          ))}
        </>
      )}
    </div>
  );
}
