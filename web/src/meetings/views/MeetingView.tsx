import '../work.css';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { errorCodes } from '../../api/errors';
import { canReadMinutes, roleOf } from '../../auth/access';
import { useSessionState } from '../../auth/SessionProvider';
import { RouterLink } from '../../components/RouterLink';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { usePageTitle } from '../../components/usePageTitle';
import { graphql } from '../../gql';
import { formatDateTime, formatMeetingWhen, formatShortDate, todayInNorway } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import { Agenda } from '../components/Agenda';
import { AttendanceLists } from '../components/AttendanceLists';
import { HabilitetSummary } from '../components/Habilitet';
import { SakPaper } from '../components/SakPaper';
import { MeetingTools } from '../components/MeetingTools';
import { Papers } from '../components/Papers';
import { MeetingStatusTag, MinutesStatusTag } from '../components/StatusTags';
import { Workflow } from '../components/Workflow';
import messages from '../messages';
import { meetingCodeFromParam, meetingsUrl, meetingToolUrl, meetingUrl } from '../urls';
import minutesMessages from '../../minutes/messages';
import { sakPageUrl } from '../../saker/urls';
import { CommentForm, CommentList } from '../../minutes/components/Comments';

// Lists that may be empty: a mutation returning these types refetches the page.
const LISTS = { additionalTypenames: ['MinutesComment', 'Attendance', 'ConflictOfInterest'] };

const MeetingPageQuery = graphql(`
  query MeetingPage($code: String!) {
    meeting(code: $code) {
      id
      code
      year
      date
      startsAt
      endsAt
      location
      room
      format
      status
      noticePublishedAt
      minutesStatus
      minutesSentOn
      commentDeadline
      minutesApprovedAt
      minutesReopenReason
      minutesApprovedIn {
        id
        code
      }
      approvalSak {
        id
        code
      }
      ...Workflow_Meeting
      outstandingFollowUps {
        id
        description
        dueOn
        assigneeText
        assignee {
          id
          name
        }
      }
      comments {
        id
        ...Comments_Comment
      }
      saker {
        id
        code
        title
        standingKind
        ...Agenda_Sak
        ...SakPaper_Sak
        ...HabilitetSummary_Sak
      }
      attendance {
        id
        ...AttendanceLists_Attendance
      }
    }
  }
`);

function NotFound({ code }: { code: string }) {
  const t = useMessages(messages);
  usePageTitle(t.meetingNotFound);
  return (
    <div className="narrow" data-testid="meeting-not-found">
      <Heading level={1} data-size="lg">
        {t.meetingNotFound}
      </Heading>
      <Paragraph>{t.meetingNotFoundText(code)}</Paragraph>
      <Paragraph>
        <RouterLink to={meetingsUrl()}>{t.backToMeetings}</RouterLink>
      </Paragraph>
    </div>
  );
}

export default function MeetingView() {
  const t = useMessages(messages);
  const m = useMessages(minutesMessages);
  const { lang } = useLang();
  const params = useParams();
  const location = useLocation();
  const state = useSessionState();
  const code = meetingCodeFromParam(params.code);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MeetingPageQuery,
    context: LISTS,
    variables: { code: code ?? '' },
    pause: code === null,
  });
  const meeting = data?.meeting;
  usePageTitle(meeting ? t.meetingCode(meeting.code) : code ? t.meetingCode(code) : t.meetingNotFound);

  // A link to a sak (#sak-19-2-2026) can only scroll once the papers are on the page.
  useEffect(() => {
    if (!meeting || !location.hash) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    target?.scrollIntoView();
    target?.focus({ preventScroll: true });
  }, [meeting, location.hash]);

  if (code === null) return <NotFound code={params.code ?? ''} />;
  if (!data && fetching) return <Loading />;
  if (error && !data) {
    if (errorCodes(error).has('NOT_FOUND')) return <NotFound code={code} />;
    return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  if (!meeting) return <NotFound code={code} />;

  const role = roleOf(state);
  const secretariat = role === 'SECRETARIAT';
  const minutesVisible = canReadMinutes(role, meeting.minutesStatus);
  const forComments = meeting.minutesStatus === 'SENT_FOR_COMMENTS';
  const commentable = meeting.saker.filter((s) => s.standingKind !== 'HABILITET');
  const sakCodes = new Map(meeting.saker.map((s) => [s.id, s.code]));
  const place = [meeting.location, meeting.room].filter(Boolean).join(', ');

  return (
    <article className="meeting" data-testid="meeting">
      <MeetingTools code={meeting.code} year={meeting.year} tools={secretariat} />
      <Heading level={1} data-size="lg">
        {t.meetingCode(meeting.code)}
      </Heading>
      {role === 'MEMBER' && meeting.status === 'NOTICE_PUBLISHED' && meeting.date >= todayInNorway() && (
        <Paragraph>
          <RouterLink to={meetingToolUrl(meeting.code, 'habilitet')}>{t.declareInterests}</RouterLink>
        </Paragraph>
      )}
      {forComments && role === 'MEMBER' && (
        <Paragraph data-testid="comments-invite">
          <Link href="#comments">{t.commentsInvite}</Link>
        </Paragraph>
      )}
      <dl className="facts facts--meeting">
        <dt>{t.when}</dt>
        <dd>{formatMeetingWhen(meeting.date, meeting.startsAt, meeting.endsAt, lang)}</dd>
        {place && (
          <>
            <dt>{t.where}</dt>
            <dd>{place}</dd>
          </>
        )}
        <dt>{t.format}</dt>
        <dd>{t[`format${meeting.format}`]}</dd>
        <dt>{t.meetingStatus}</dt>
        <dd>
          <MeetingStatusTag status={meeting.status} />
        </dd>
        {meeting.noticePublishedAt && (
          <>
            <dt>{t.noticePublished}</dt>
            <dd>{formatDateTime(meeting.noticePublishedAt, lang)}</dd>
          </>
        )}
        <dt>{t.minutesStatus}</dt>
        <dd>
          <MinutesStatusTag status={meeting.minutesStatus} />
        </dd>
        {meeting.minutesSentOn && (
          <>
            <dt>{t.minutesSentOn}</dt>
            <dd>{formatShortDate(meeting.minutesSentOn, lang)}</dd>
          </>
        )}
        {meeting.commentDeadline && (
          <>
            <dt>{t.commentDeadline}</dt>
            <dd>{formatShortDate(meeting.commentDeadline, lang)}</dd>
          </>
        )}
        {meeting.minutesApprovedAt && (
          <>
            <dt>{t.minutesApproved}</dt>
            <dd>
              {formatDateTime(meeting.minutesApprovedAt, lang)}
              {meeting.approvalSak ? (
                <>
                  {' – '}
                  <RouterLink to={sakPageUrl(meeting.approvalSak.code)}>{t.approvedInSak(meeting.approvalSak.code)}</RouterLink>
                </>
              ) : (
                meeting.minutesApprovedIn && (
                  <>
                    {' – '}
                    <RouterLink to={meetingUrl(meeting.minutesApprovedIn.code)}>
                      {t.approvedIn(meeting.minutesApprovedIn.code)}
                    </RouterLink>
                  </>
                )
              )}
            </dd>
          </>
        )}
        {secretariat && meeting.minutesReopenReason && (
          <>
            <dt>{t.reopenedBecause}</dt>
            <dd>{meeting.minutesReopenReason}</dd>
          </>
        )}
      </dl>

      {secretariat && <Workflow meeting={meeting} />}
      {meeting.status !== 'CANCELLED' && <Papers code={meeting.code} minutesVisible={minutesVisible} />}

      <nav aria-label={t.sectionsNav} className="page-sections">
        <ul>
          <li>
            <Link href="#agenda">{t.agenda}</Link>
          </li>
          <li>
            <Link href="#papers">{t.papers}</Link>
          </li>
          <li>
            <Link href="#attendance">{t.attendance}</Link>
          </li>
          <li>
            <Link href="#habilitet">{t.habilitet}</Link>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="agenda-h" id="agenda" tabIndex={-1}>
        <Heading level={2} data-size="md" id="agenda-h">
          {t.agenda}
        </Heading>
        {meeting.saker.length === 0 ? <EmptyState>{t.agendaEmpty}</EmptyState> : <Agenda saker={meeting.saker} />}
      </section>

      {role && meeting.outstandingFollowUps.length > 0 && (
        <section aria-labelledby="outstanding-h" id="outstanding" tabIndex={-1} data-testid="outstanding">
          <Heading level={2} data-size="md" id="outstanding-h">
            {t.standingOUTSTANDING_ITEMS}
          </Heading>
          <ul className="plain-list">
            {meeting.outstandingFollowUps.map((f) => (
              <li key={f.id}>
                {f.description}
                <span className="muted">
                  {' – '}
                  {[f.assignee?.name ?? f.assigneeText, f.dueOn && t.dueOn(formatShortDate(f.dueOn, lang))].filter(Boolean).join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="papers-h" id="papers" tabIndex={-1}>
        <Heading level={2} data-size="md" id="papers-h">
          {t.papers}
        </Heading>
        {meeting.saker.length === 0 ? (
          <EmptyState>{t.papersEmpty}</EmptyState>
        ) : (
          meeting.saker.map((s) => <SakPaper key={s.id} sak={s} />)
        )}
      </section>

      <section aria-labelledby="attendance-h" id="attendance" tabIndex={-1}>
        <Heading level={2} data-size="md" id="attendance-h">
          {t.attendance}
        </Heading>
        {minutesVisible ? (
          <AttendanceLists rows={meeting.attendance} sakCodes={sakCodes} />
        ) : (
          <Paragraph>{t.attendanceHidden}</Paragraph>
        )}
      </section>

      <section aria-labelledby="habilitet-h" id="habilitet" tabIndex={-1}>
        <Heading level={2} data-size="md" id="habilitet-h">
          {t.habilitet}
        </Heading>
        <HabilitetSummary saker={meeting.saker} minutesVisible={minutesVisible} />
      </section>

      {(forComments || (secretariat && meeting.comments.length > 0)) && (role === 'MEMBER' || secretariat) && (
        <section aria-labelledby="comments-h" id="comments" tabIndex={-1}>
          <Heading level={2} data-size="md" id="comments-h">
            {m.commentsHeading}
          </Heading>
          {role === 'MEMBER' && forComments && (
            <CommentForm
              meetingId={meeting.id}
              deadline={meeting.commentDeadline}
              saker={commentable.map((s) => ({ id: s.id, code: s.code, title: s.title }))}
            />
          )}
          <Heading level={3} data-size="xs">
            {secretariat ? m.allComments : m.yourComments}
          </Heading>
          <CommentList comments={meeting.comments} sakCodes={sakCodes} canHandle={secretariat} />
        </section>
      )}
    </article>
  );
}
