// Oversikt: the next meeting and what is missing for it, høringsfrister in the coming
// weeks and who answers them, minutes waiting for comments or approval, open follow-up items.
import '../meetings/work.css';
import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from 'urql';
import { roleOf } from '../auth/access';
import { useSessionState } from '../auth/SessionProvider';
import { RouterLink } from '../components/RouterLink';
import { EmptyState, ErrorState, Loading } from '../components/states';
import { usePageTitle } from '../components/usePageTitle';
import { graphql } from '../gql';
import type { OversiktOpenFollowUpsQuery, OversiktQuery } from '../gql/graphql';
import { PagedFooter } from '../components/PagedFooter';
import { usePagedQuery } from '../components/usePagedQuery';
import { formatDate, formatMeetingWhen, formatNumericDate, formatShortDate, todayInNorway } from '../i18n/format';
import { useLang, useMessages } from '../i18n/LanguageProvider';
import { MeetingStatusTag, MinutesStatusTag } from '../meetings/components/StatusTags';
import { addDays } from '../meetings/dates';
import { meetingsUrl, meetingToolUrl, meetingUrl, newMeetingUrl } from '../meetings/urls';
import { sakPageUrl } from '../saker/urls';
import messages from './messages';

// Lists that may be empty: a mutation returning these types refetches the page.
const LISTS = { additionalTypenames: ['FollowUp'] };

// Newest first: a year holds 4–6 meetings, so 20 reach well back.
const OversiktQueryDoc = graphql(`
  query Oversikt($signedIn: Boolean!) {
    meetings(first: 20) {
      nodes {
        id
        code
        date
        startsAt
        endsAt
        location
        room
        status
        minutesStatus
        commentDeadline
        saker @include(if: $signedIn) {
          id
          code
          title
          standingKind
          status
          background
          proposedVedtak
        }
        attendance @include(if: $signedIn) {
          id
        }
      }
    }
    upcomingDeadlines(days: 42) @include(if: $signedIn) {
      id
      kind
      deadline
      deadlineText
      responseStatus
      policyDocument {
        id
        title
        reference
      }
      workingGroup {
        id
        name
        members {
          id
          displayName
        }
      }
    }
  }
`);

const FollowUpsQuery = graphql(`
  query OversiktFollowUps($id: ID!) {
    meeting(id: $id) {
      id
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
    }
  }
`);

// The secretariat's list is council-wide and paged; members may not read it (FORBIDDEN).
const OpenFollowUpsQuery = graphql(`
  query OversiktOpenFollowUps($first: Int!, $after: String) {
    followUps(status: OPEN, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          description
          dueOn
          assigneeText
          assignee {
            id
            name
          }
          sak {
            id
            code
          }
        }
      }
    }
  }
`);

const selectOpenFollowUps = (data: OversiktOpenFollowUpsQuery) => data.followUps;

type Meeting = OversiktQuery['meetings']['nodes'][number];
const SHOWN = 6;

function NextMeeting({ next, role }: { next: Meeting; role: ReturnType<typeof roleOf> }) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const today = todayInNorway();
  const secretariat = role === 'SECRETARIAT';
  const missingPapers = (next.saker ?? []).filter(
    (s) => !s.standingKind && s.status !== 'WITHDRAWN' && !s.background?.trim() && !s.proposedVedtak?.trim(),
  );
  const noticeDue = addDays(next.date, -7);
  const missing: { key: string; text: string; link?: { to: string; label: string } }[] = [];
  if (secretariat) {
    if (next.status === 'PLANNED') {
      missing.push({
        key: 'notice',
        text: noticeDue < today ? t.noticeLate(formatShortDate(noticeDue, lang)) : t.noticeMissing(formatShortDate(noticeDue, lang)),
        link: { to: meetingUrl(next.code), label: t.toWorkflow },
      });
    }
    if (missingPapers.length > 0) {
      missing.push({ key: 'papers', text: t.papersMissing(missingPapers.length) });
    }
    if ((next.attendance ?? []).length === 0) {
      missing.push({
        key: 'attendance',
        text: t.attendanceMissing,
        link: { to: meetingToolUrl(next.code, 'attendance'), label: t.toAttendance },
      });
    }
  }

  return (
    <Card data-testid="next-meeting" data-color="neutral" className="stack">
      <Heading level={3} data-size="xs">
        <RouterLink to={meetingUrl(next.code)}>{t.meetingCode(next.code)}</RouterLink>
      </Heading>
      <Paragraph>{formatMeetingWhen(next.date, next.startsAt, next.endsAt, lang)}</Paragraph>
      {(next.location || next.room) && <Paragraph>{[next.location, next.room].filter(Boolean).join(', ')}</Paragraph>}
      <div>
        <MeetingStatusTag status={next.status} />
      </div>
      {secretariat && (
        <div data-testid="missing">
          <Heading level={4} data-size="2xs">
            {t.whatIsMissing}
          </Heading>
          {missing.length === 0 ? (
            <Paragraph>{t.nothingMissing}</Paragraph>
          ) : (
            <ul className="checklist">
              {missing.map((m) => (
                <li key={m.key}>
                  {m.text}
                  {m.link && (
                    <>
                      {' '}
                      <RouterLink to={m.link.to}>{m.link.label}</RouterLink>
                    </>
                  )}
                  {m.key === 'papers' && (
                    <ul>
                      {missingPapers.map((s) => (
                        <li key={s.id}>
                          <RouterLink to={sakPageUrl(s.code)}>{t.sakTitle(s.code, s.title)}</RouterLink>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
          <div className="button-row">
            <Button asChild variant="secondary" data-size="sm">
              <RouterLink to={meetingToolUrl(next.code, 'agenda')}>{t.toAgenda}</RouterLink>
            </Button>
          </div>
        </div>
      )}
      {role === 'MEMBER' && next.status === 'NOTICE_PUBLISHED' && (
        <Paragraph>
          <RouterLink to={meetingToolUrl(next.code, 'habilitet')}>{t.declareHabilitet}</RouterLink>
        </Paragraph>
      )}
    </Card>
  );
}

function Deadlines({ rounds }: { rounds: NonNullable<OversiktQuery['upcomingDeadlines']> }) {
  const t = useMessages(messages);
  const { lang } = useLang();
  if (rounds.length === 0) return <EmptyState>{t.noDeadlines}</EmptyState>;
  return (
    <ul className="deadline-list" data-testid="deadlines">
      {rounds.map((r) => (
        <li key={r.id}>
          <span className="deadline-list__date">{r.deadline ? formatNumericDate(r.deadline, lang) : (r.deadlineText ?? '–')}</span>
          <span>
            <strong>{r.policyDocument?.title ?? t.unknownDocument}</strong>
            <span className="muted"> ({t[`kind${r.kind}`]})</span>
            <br />
            {r.workingGroup ? (
              <span>
                {t.answeredBy(r.workingGroup.name)}
                {r.workingGroup.members.length > 0 && (
                  <span className="muted"> – {r.workingGroup.members.map((m) => m.displayName).join(', ')}</span>
                )}
              </span>
            ) : (
              <Tag data-color="warning" data-size="sm">
                {t.nobodyAnswers}
              </Tag>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

interface FollowUpItem {
  id: string;
  description: string;
  dueOn?: string | null;
  assigneeText?: string | null;
  assignee?: { name: string } | null;
  sak?: { code: string } | null;
}

function FollowUpList({ items }: { items: FollowUpItem[] }) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const today = todayInNorway();
  return (
    <ul className="plain-list" data-testid="open-follow-ups">
      {items.map((f) => (
        <li key={f.id}>
          {f.sak && (
            <>
              <RouterLink to={sakPageUrl(f.sak.code)}>{t.sakCode(f.sak.code)}</RouterLink>{' '}
            </>
          )}
          {f.description}
          <span className="muted">
            {' – '}
            {f.assignee?.name ?? f.assigneeText ?? t.noAssignee}
            {f.dueOn && `, ${t.due(formatNumericDate(f.dueOn, lang))}`}
          </span>
          {f.dueOn && f.dueOn < today && (
            <>
              {' '}
              <Tag data-color="danger" data-size="sm">
                {t.overdue}
              </Tag>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** What members see: the items outstanding before one meeting, overdue first. */
function MeetingFollowUps({ meetingId }: { meetingId: string }) {
  const t = useMessages(messages);
  const [{ data, error }] = useQuery({ query: FollowUpsQuery, variables: { id: meetingId }, context: LISTS });
  if (error && !data) return <ErrorState error={error} />;
  if (!data) return <Loading />;
  const all = data.meeting?.outstandingFollowUps ?? [];
  if (all.length === 0) return <EmptyState>{t.noFollowUps}</EmptyState>;
  // Overdue first, then by due date; the rest are on the meeting's page.
  const items = [...all].sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999')).slice(0, SHOWN);
  return (
    <>
      <FollowUpList items={items} />
      {all.length > SHOWN && <Paragraph data-size="sm">{t.moreFollowUps(all.length - SHOWN)}</Paragraph>}
    </>
  );
}

/** What the secretariat sees: every open item, in meeting and sak order, a page at a time. */
function OpenFollowUps() {
  const t = useMessages(messages);
  const paged = usePagedQuery(OpenFollowUpsQuery, { first: SHOWN }, selectOpenFollowUps, { additionalTypenames: ['FollowUp'] });
  if (paged.loading) return <Loading />;
  if (paged.error) return <ErrorState error={paged.error} onRetry={paged.retry} />;
  if (paged.nodes.length === 0) return <EmptyState>{t.noFollowUps}</EmptyState>;
  return (
    <>
      <FollowUpList items={paged.nodes} />
      <PagedFooter paged={paged} />
    </>
  );
}

export default function OversiktView() {
  const t = useMessages(messages);
  const { lang } = useLang();
  usePageTitle(t.title);
  const state = useSessionState();
  const role = roleOf(state);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OversiktQueryDoc, variables: { signedIn: role !== null } });
  const today = todayInNorway();
  const meetings = data?.meetings.nodes.filter((m) => m.status !== 'CANCELLED') ?? [];
  // A meeting held today is behind us; the next one is the first still ahead.
  const upcoming = meetings.filter((m) => m.date > today || (m.date === today && m.status !== 'HELD'));
  const next = upcoming[upcoming.length - 1];
  const recent = meetings.filter((m) => !upcoming.includes(m)).slice(0, 3);
  const waiting = meetings.filter((m) =>
    role === 'SECRETARIAT'
      ? m.minutesStatus === 'DRAFT' || m.minutesStatus === 'SENT_FOR_COMMENTS' || m.minutesStatus === 'APPROVED'
      : role === 'MEMBER' && m.minutesStatus === 'SENT_FOR_COMMENTS',
  );
  const followUpsOf = next ?? meetings[0];

  return (
    <>
      <Heading level={1} data-size="lg">
        {state.status === 'authenticated' ? t.welcome(state.user.name) : t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      {role === 'SECRETARIAT' && (
        <div>
          <Button asChild variant="secondary">
            <RouterLink to={newMeetingUrl()}>{t.newMeeting}</RouterLink>
          </Button>
        </div>
      )}
      {!data && fetching ? (
        <Loading />
      ) : error && !data ? (
        <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : (
        <div className="overview-grid">
          <section aria-labelledby="next-h">
            <Heading level={2} data-size="sm" id="next-h">
              {t.nextMeeting}
            </Heading>
            {next ? <NextMeeting next={next} role={role} /> : <EmptyState>{t.noNextMeeting}</EmptyState>}
          </section>

          {role && (
            <section aria-labelledby="minutes-h">
              <Heading level={2} data-size="sm" id="minutes-h">
                {t.minutesWaiting}
              </Heading>
              {waiting.length === 0 ? (
                <EmptyState>{t.noMinutesWaiting}</EmptyState>
              ) : (
                <ul className="plain-list" data-testid="minutes-waiting">
                  {waiting.map((m) => (
                    <li key={m.id}>
                      <RouterLink to={role === 'MEMBER' ? `${meetingUrl(m.code)}#comments` : meetingUrl(m.code)}>
                        {t.minutesOf(m.code)}
                      </RouterLink>{' '}
                      <MinutesStatusTag status={m.minutesStatus} />
                      <div className="muted">
                        {m.minutesStatus === 'DRAFT' && t.draftNext}
                        {m.minutesStatus === 'SENT_FOR_COMMENTS' &&
                          (m.commentDeadline ? t.commentsUntil(formatShortDate(m.commentDeadline, lang)) : t.outForComments)}
                        {m.minutesStatus === 'APPROVED' && t.approvedNext}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}

          {role && data?.upcomingDeadlines && (
            <section aria-labelledby="deadlines-h">
              <Heading level={2} data-size="sm" id="deadlines-h">
                {t.deadlines}
              </Heading>
              <Deadlines rounds={data.upcomingDeadlines} />
            </section>
          )}

          {(role === 'SECRETARIAT' || (role && followUpsOf)) && (
            <section aria-labelledby="followups-h">
              <Heading level={2} data-size="sm" id="followups-h">
                {t.followUps}
              </Heading>
              {role === 'SECRETARIAT' ? <OpenFollowUps /> : followUpsOf && <MeetingFollowUps meetingId={followUpsOf.id} />}
            </section>
          )}

          <section aria-labelledby="recent-h">
            <Heading level={2} data-size="sm" id="recent-h">
              {t.recentMeetings}
            </Heading>
            {recent.length === 0 ? (
              <EmptyState>{t.noRecentMeetings}</EmptyState>
            ) : (
              <ul className="plain-list">
                {recent.map((m) => (
                  <li key={m.id}>
                    <RouterLink to={meetingUrl(m.code)}>{t.meetingCode(m.code)}</RouterLink>
                    {' – '}
                    {formatDate(m.date, lang)} <MinutesStatusTag status={m.minutesStatus} />
                  </li>
                ))}
              </ul>
            )}
            <Paragraph>
              <RouterLink to={meetingsUrl()}>{t.allMeetings}</RouterLink>
            </Paragraph>
          </section>
        </div>
      )}
      {role === 'SECRETARIAT' && !fetching && data && !next && (
        <Alert data-color="info">
          <Paragraph>{t.planNext}</Paragraph>
        </Alert>
      )}
    </>
  );
}
