import { Heading, Table } from '@digdir/designsystemet-react';
import { useQuery } from 'urql';
import { DataTable } from '../../components/DataTable';
import { RouterLink } from '../../components/RouterLink';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { graphql } from '../../gql';
import { formatNumericDate } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { workingGroupUrl } from '../urls';
import { GroupStatusTag } from './StatusTag';

const PersonGroupHistoryQuery = graphql(`
  query PersonGroupHistory($personId: ID!) {
    workingGroupHistory(personId: $personId) {
      id
      role
      startsOn
      endsOn
      workingGroup {
        id
        name
        kind
        status
      }
    }
  }
`);

const historyContext = { additionalTypenames: ['WorkingGroupMember'] };

/** The working groups a person has been in, oldest first. */
export function PersonGroupHistory({ personId }: { personId: string }) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: PersonGroupHistoryQuery,
    variables: { personId },
    context: historyContext,
  });
  const rows = data?.workingGroupHistory ?? [];
  const date = (d: string | null | undefined, fallback: string) => (d ? formatNumericDate(d, lang) : fallback);
  return (
    <section aria-labelledby="groups-h" className="stack">
      <Heading level={2} data-size="sm" id="groups-h">
        {t.title}
      </Heading>
      {!data && fetching ? (
        <Loading />
      ) : error && !data ? (
        <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : rows.length === 0 ? (
        <EmptyState>{t.personGroupsEmpty}</EmptyState>
      ) : (
        <DataTable size="sm" caption={t.title} columns={[t.colName, t.colRole, t.colPeriod, t.colStatus]}>
          {rows.map((m) => (
            <Table.Row key={m.id}>
              <Table.Cell>
                {m.workingGroup ? <RouterLink to={workingGroupUrl(m.workingGroup.id)}>{m.workingGroup.name}</RouterLink> : '–'}
              </Table.Cell>
              <Table.Cell>{t[`role${m.role}`]}</Table.Cell>
              <Table.Cell>{t.fromTo(date(m.startsOn, t.unknown), date(m.endsOn, t.ongoing))}</Table.Cell>
              <Table.Cell>{m.workingGroup && <GroupStatusTag status={m.workingGroup.status} />}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
    </section>
  );
}
