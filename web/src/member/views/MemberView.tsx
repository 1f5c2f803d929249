import { Alert, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useSessionState } from '../../auth/SessionProvider';
import { DataTable } from '../../components/DataTable';
import { PageSection, PageSectionsNav } from '../../components/PageSections';
import { PolicyDocumentLink } from '../../components/PolicyDocumentLink';
import { RouterLink } from '../../components/RouterLink';
import { EmptyState, ErrorState, LiveNotice, Loading } from '../../components/states';
import { usePageTitle } from '../../components/usePageTitle';
import consultationMessages from '../../consultations/messages';
import { Deadline } from '../../consultations/components/RoundSummary';
import { deadlinesUrl } from '../../consultations/urls';
import { graphql } from '../../gql';
import type { HabilitetOutcome, MemberPageQuery } from '../../gql/graphql';
import { formatMeetingWhen, todayInNorway } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import { Papers } from '../../meetings/components/Papers';
import { meetingsUrl, meetingToolUrl, meetingUrl } from '../../meetings/urls';
import { CommentForm, CommentList } from '../../minutes/components/Comments';
import { sakPageUrl } from '../../saker/urls';
import { GroupTable } from '../../working_groups/components/GroupRows';
import { workingGroupsUrl, workingGroupUrl } from '../../working_groups/urls';
import { DeclareInterest } from '../components/DeclareInterest';
import messages from '../messages';

const MemberPageQuery = graphql(`
  query MemberPage {
    upcoming: meetings(status: NOTICE_PUBLISHED, first: 20) {
      edges {
        node {
          id
          code
          date
          startsAt
          endsAt
          location
          room
          saker {
            id
            code
            title
            position
            standingKind
            habilitet {
              id
              outcome
              declaration
              person {
                id
              }
            }
          }
        }
      }
    }
    recent: meetings(first: 20) {
      edges {
        node {
          id
          code
          minutesStatus
          commentDeadline
          saker {
            id
            code
            title
          }
          comments {
            id
            ...Comments_Comment
          }
        }
      }
    }
    myWorkingGroups(first: 50) {
      totalCount
      edges {
        node {
          id
          name
          ...GroupRows_Group
          consultationRounds {
            id
            kind
            deadline
            deadlineText
            open
            responseStatus
            policyDocument {
              id
              reference
              title
            }
          }
        }
      }
    }
  }
`);

type Meeting = MemberPageQuery['upcoming']['edges'][number]['node'];

const OUTCOME_COLOR: Record<HabilitetOutcome, string> = { PENDING: 'warning', INHABIL: 'danger', NOT_INHABIL: 'success' };

function NextMeeting({ meeting, personId }: { meeting: Meeting; personId: string | null }) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const [notice, setNotice] = useState<string | null>(null);
  const place = [meeting.location, meeting.room].filter(Boolean).join(', ');
  return (
    <div className="stack" data-testid="next-meeting">
      <Heading level={3} data-size="xs">
        <RouterLink to={meetingUrl(meeting.code)}>{t.meetingCode(meeting.code)}</RouterLink>
      </Heading>
      <Paragraph>
        {formatMeetingWhen(meeting.date, meeting.startsAt, meeting.endsAt, lang)}
        {place && `, ${place}`}
      </Paragraph>
      <Paragraph>
        <RouterLink to={meetingUrl(meeting.code)}>{t.readPapers}</RouterLink>
      </Paragraph>
      <Papers code={meeting.code} minutesVisible={false} />
      {personId && <Paragraph data-size="sm">{t.habilitetIntro}</Paragraph>}
      <LiveNotice notice={notice} />
      <DataTable caption={t.agendaCaption(meeting.code)} size="sm" testId="next-agenda" columns={[t.colSak, Boolean(personId) && t.colHabilitet]}>
        {meeting.saker.map((s) => {
          const mine = personId ? s.habilitet.find((h) => h.person?.id === personId) : undefined;
          return (
            <Table.Row key={s.id}>
              <Table.Cell>
                <RouterLink to={sakPageUrl(s.code)}>{t.sakLink(s.code, s.title)}</RouterLink>
              </Table.Cell>
              {personId && (
                <Table.Cell>
                  {mine ? (
                    <div className="stack">
                      <div>
                        <Tag data-size="sm" data-color={OUTCOME_COLOR[mine.outcome]}>
                          {t[`outcome${mine.outcome}`]}
                        </Tag>
                      </div>
                      {mine.declaration && (
                        <Paragraph data-size="sm" className="muted">
                          {t.yourDeclaration}: {mine.declaration}
                        </Paragraph>
                      )}
                    </div>
                  ) : s.standingKind ? (
                    <span className="muted">{t.standingItem}</span>
                  ) : (
                    <div className="stack">
                      <span className="muted">{t.notDeclared}</span>
                      <DeclareInterest sakId={s.id} sakCode={s.code} onDeclared={(code) => setNotice(t.declared(code))} />
                    </div>
                  )}
                </Table.Cell>
              )}
            </Table.Row>
          );
        })}
      </DataTable>
      <Paragraph data-size="sm">
        <RouterLink to={meetingToolUrl(meeting.code, 'habilitet')}>{t.allHabilitet}</RouterLink>
      </Paragraph>
    </div>
  );
}

export default function MemberView() {
  const t = useMessages(messages);
  const c = useMessages(consultationMessages);
  usePageTitle(t.title);
  const state = useSessionState();
  const personId = state.status === 'authenticated' ? state.user.personId : null;
  const name = state.status === 'authenticated' ? state.user.name : '';
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MemberPageQuery, context: memberContext });
  const today = todayInNorway();

  if (!data && fetching) return <Loading />;
  if (error && !data) return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return null;

  const upcoming = data.upcoming.edges.map((e) => e.node).filter((m) => m.date >= today);
  const next = upcoming[upcoming.length - 1];
  const forComments = data.recent.edges
    .map((e) => e.node)
    .filter((m) => m.minutesStatus === 'SENT_FOR_COMMENTS' && (!m.commentDeadline || m.commentDeadline >= today));
  const groups = data.myWorkingGroups.edges.map((e) => e.node);
  const deadlines = groups
    .flatMap((g) => g.consultationRounds.map((r) => ({ ...r, group: g })))
    .filter((r) => r.open && (!r.deadline || r.deadline >= today))
    .sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));

  return (
    <div className="stack" data-testid="member-page">
      <Heading level={1} data-size="lg">
        {name ? t.greeting(name) : t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      {!personId && (
        <Alert data-color="info">
          <Paragraph>{t.noPerson}</Paragraph>
        </Alert>
      )}
      <PageSectionsNav
        label={t.sectionsNav}
        sections={[
          { id: 'next', title: t.nextHeading },
          { id: 'minutes', title: t.minutesHeading },
          { id: 'groups', title: t.groupsHeading },
          { id: 'deadlines', title: t.deadlinesHeading },
        ]}
      />

      <PageSection id="next" title={t.nextHeading} className="stack">
        {next ? (
          <NextMeeting meeting={next} personId={personId} />
        ) : (
          <>
            <EmptyState>{t.noNext}</EmptyState>
            <Paragraph>
              <RouterLink to={meetingsUrl()}>{t.allMeetings}</RouterLink>
            </Paragraph>
          </>
        )}
      </PageSection>

      <PageSection id="minutes" title={t.minutesHeading} className="stack">
        {forComments.length === 0 ? (
          <EmptyState>{t.noMinutes}</EmptyState>
        ) : (
          forComments.map((m) => (
            <div key={m.id} className="stack form form--wide" data-testid="minutes-for-comments">
              <Heading level={3} data-size="xs">
                {t.minutesFor(m.code)}
              </Heading>
              <Paragraph>
                <RouterLink to={meetingUrl(m.code)}>{t.readMinutes}</RouterLink>
              </Paragraph>
              <CommentForm meetingId={m.id} saker={m.saker} deadline={m.commentDeadline} />
              <Heading level={4} data-size="2xs">
                {t.yourComments}
              </Heading>
              <CommentList comments={m.comments} sakCodes={new Map(m.saker.map((s) => [s.id, s.code]))} canHandle={false} />
            </div>
          ))
        )}
      </PageSection>

      <PageSection id="groups" title={t.groupsHeading} className="stack">
        {groups.length === 0 ? <EmptyState>{t.noGroups}</EmptyState> : <GroupTable caption={t.groupsHeading} groups={groups} />}
        <Paragraph>
          <RouterLink to={workingGroupsUrl()}>{t.allGroups}</RouterLink>
        </Paragraph>
      </PageSection>

      <PageSection id="deadlines" title={t.deadlinesHeading} className="stack">
        {deadlines.length === 0 ? (
          <EmptyState>{t.noDeadlines}</EmptyState>
        ) : (
          <DataTable
            caption={t.deadlinesHeading}
            size="sm"
            testId="my-deadlines"
            columns={[t.colDeadline, t.colDocument, t.colRound, t.colGroup, t.colStatus]}
          >
            {deadlines.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell className="nowrap">
                  <Deadline deadline={r.deadline} text={r.deadlineText} open={r.open} />
                </Table.Cell>
                <Table.Cell>
                  {r.policyDocument && <PolicyDocumentLink document={r.policyDocument} />}
                </Table.Cell>
                <Table.Cell>{c[`kind${r.kind}`]}</Table.Cell>
                <Table.Cell>
                  <RouterLink to={workingGroupUrl(r.group.id)}>{r.group.name}</RouterLink>
                </Table.Cell>
                <Table.Cell>{c[`status${r.responseStatus}`]}</Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        )}
        <Paragraph>
          <RouterLink to={deadlinesUrl()}>{t.allDeadlines}</RouterLink>
        </Paragraph>
      </PageSection>
    </div>
  );
}

// Lists that may be empty name their types, so a declaration or comment refreshes them.
const memberContext = { additionalTypenames: ['ConflictOfInterest', 'MinutesComment', 'WorkingGroup'] };
