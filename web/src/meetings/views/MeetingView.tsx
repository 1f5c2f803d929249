import '../work.css';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { canReadMinutes, roleOf } from '../../auth/access';
import { useSessionState } from '../../auth/SessionProvider';
import { Fact } from '../../components/Fact';
import { PageSection, PageSectionsNav } from '../../components/PageSections';
import { RouterLink } from '../../components/RouterLink';
import { EmptyState } from '../../components/states';
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
import { useMeetingPage } from '../useMeetingPage';
import { meetingToolUrl, meetingUrl } from '../urls';
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

export default function MeetingView() {
  const t = useMessages(messages);
  const m = useMessages(minutesMessages);
  const { lang } = useLang();
  const location = useLocation();
  const state = useSessionState();
  const page = useMeetingPage(MeetingPageQuery, { title: t.meetingCode, context: LISTS });

  // A link to a sak (#sak-19-2-2026) can only scroll once the papers are on the page.
  useEffect(() => {
    if (!page.meeting || !location.hash) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    target?.scrollIntoView();
    target?.focus({ preventScroll: true });
  }, [page.meeting, location.hash]);

  if (page.fallback) return page.fallback;
  const { meeting } = page;

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
        <Fact label={t.when}>{formatMeetingWhen(meeting.date, meeting.startsAt, meeting.endsAt, lang)}</Fact>
        {place && <Fact label={t.where}>{place}</Fact>}
        <Fact label={t.format}>{t[`format${meeting.format}`]}</Fact>
        <Fact label={t.meetingStatus}>
          <MeetingStatusTag status={meeting.status} />
        </Fact>
        {meeting.noticePublishedAt && <Fact label={t.noticePublished}>{formatDateTime(meeting.noticePublishedAt, lang)}</Fact>}
        <Fact label={t.minutesStatus}>
          <MinutesStatusTag status={meeting.minutesStatus} />
        </Fact>
        {meeting.minutesSentOn && <Fact label={t.minutesSentOn}>{formatShortDate(meeting.minutesSentOn, lang)}</Fact>}
        {meeting.commentDeadline && <Fact label={t.commentDeadline}>{formatShortDate(meeting.commentDeadline, lang)}</Fact>}
        {meeting.minutesApprovedAt && (
          <Fact label={t.minutesApproved}>
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
          </Fact>
        )}
        {secretariat && meeting.minutesReopenReason && <Fact label={t.reopenedBecause}>{meeting.minutesReopenReason}</Fact>}
      </dl>

      {secretariat && <Workflow meeting={meeting} />}
      {meeting.status !== 'CANCELLED' && <Papers code={meeting.code} minutesVisible={minutesVisible} />}

      <PageSectionsNav
        label={t.sectionsNav}
        sections={[
          { id: 'agenda', title: t.agenda },
          { id: 'papers', title: t.papers },
          { id: 'attendance', title: t.attendance },
          { id: 'habilitet', title: t.habilitet },
        ]}
      />

      <PageSection id="agenda" title={t.agenda}>
        {meeting.saker.length === 0 ? <EmptyState>{t.agendaEmpty}</EmptyState> : <Agenda saker={meeting.saker} />}
      </PageSection>

      {role && meeting.outstandingFollowUps.length > 0 && (
        <PageSection id="outstanding" title={t.standingOUTSTANDING_ITEMS} testId="outstanding">
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
        </PageSection>
      )}

      <PageSection id="papers" title={t.papers}>
        {meeting.saker.length === 0 ? (
          <EmptyState>{t.papersEmpty}</EmptyState>
        ) : (
          meeting.saker.map((s) => <SakPaper key={s.id} sak={s} />)
        )}
      </PageSection>

      <PageSection id="attendance" title={t.attendance}>
        {minutesVisible ? (
          <AttendanceLists rows={meeting.attendance} sakCodes={sakCodes} />
        ) : (
          <Paragraph>{t.attendanceHidden}</Paragraph>
        )}
      </PageSection>

      <PageSection id="habilitet" title={t.habilitet}>
        <HabilitetSummary saker={meeting.saker} minutesVisible={minutesVisible} />
      </PageSection>

      {(forComments || (secretariat && meeting.comments.length > 0)) && (role === 'MEMBER' || secretariat) && (
        <PageSection id="comments" title={m.commentsHeading}>
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
        </PageSection>
      )}
    </article>
  );
}
