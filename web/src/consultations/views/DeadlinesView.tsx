import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from 'urql';
import { DataTable } from '../../components/DataTable';
import { PolicyDocumentLink } from '../../components/PolicyDocumentLink';
import { RouterLink } from '../../components/RouterLink';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { usePageTitle } from '../../components/usePageTitle';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n/LanguageProvider';
import { workingGroupUrl } from '../../working_groups/urls';
import { ConsultationsNav } from '../components/ConsultationsNav';
import { Deadline } from '../components/RoundSummary';
import messages from '../messages';

const UpcomingDeadlinesQuery = graphql(`
  query UpcomingDeadlines {
    upcomingDeadlines(days: 42) {
      id
      kind
      deadline
      deadlineText
      responseStatus
      open
      flags
      policyDocument {
        id
        reference
        title
      }
      workingGroup {
        id
        name
      }
    }
  }
`);

/** Deadlines in the next six weeks, soonest first, with who answers and what needs attention. */
export default function DeadlinesView() {
  const t = useMessages(messages);
  usePageTitle(t.deadlinesTitle);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: UpcomingDeadlinesQuery,
    context: deadlinesContext,
  });
  const rounds = data?.upcomingDeadlines ?? [];
  return (
    <>
      <ConsultationsNav />
      <Heading level={1} data-size="lg">
        {t.deadlinesTitle}
      </Heading>
      <Paragraph>{t.deadlinesIntro}</Paragraph>
      {!data && fetching ? (
        <Loading />
      ) : error && !data ? (
        <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : rounds.length === 0 ? (
        <EmptyState>{t.deadlinesEmpty}</EmptyState>
      ) : (
        <DataTable
          testId="deadlines"
          caption={t.deadlinesHeading}
          columns={[t.colDeadline, t.colDocument, t.colRound, t.colStatus, t.colAnswers, t.colFlags]}
        >
          {rounds.map((r) => (
            <Table.Row key={r.id} className={r.open && r.flags.length > 0 ? 'row--flagged' : undefined}>
              <Table.Cell className="nowrap">
                <Deadline deadline={r.deadline} text={r.deadlineText} open={r.open} />
              </Table.Cell>
              <Table.Cell>
                {r.policyDocument && <PolicyDocumentLink document={r.policyDocument} />}
              </Table.Cell>
              <Table.Cell>{t[`kind${r.kind}`]}</Table.Cell>
              <Table.Cell>{t[`status${r.responseStatus}`]}</Table.Cell>
              <Table.Cell>
                {r.workingGroup ? (
                  <RouterLink to={workingGroupUrl(r.workingGroup.id)}>{r.workingGroup.name}</RouterLink>
                ) : (
                  <span className="muted">{t.nobodyAnswers}</span>
                )}
              </Table.Cell>
              <Table.Cell>
                <div className="tag-row">
                  {r.flags.map((flag) => (
                    <Tag key={flag} data-size="sm" data-color="warning">
                      {t[`flag${flag}`]}
                    </Tag>
                  ))}
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
    </>
  );
}

const deadlinesContext = { additionalTypenames: ['ConsultationRound'] };
