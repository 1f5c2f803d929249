import { Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from 'urql';
import { DataTable } from '../../components/DataTable';
import { FilterSelect, Filters } from '../../components/Filters';
import { PagedResults } from '../../components/PagedResults';
import { RouterLink } from '../../components/RouterLink';
import { useFilterParams } from '../../components/useFilterParams';
import { usePagedQuery } from '../../components/usePagedQuery';
import { usePageTitle } from '../../components/usePageTitle';
import { graphql } from '../../gql';
import { formatDateTime } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import { AUDITED, isAudited } from '../entities';
import adminMessages from '../messages';
import { nextDay, osloMidnight } from '../oslo';
import { adminUrl } from '../urls';
import messages from '../usersMessages';

const PAGE = 50;

const AuditLogPageQuery = graphql(`
  query AuditLogPage(
    $entity: String
    $entityId: ID
    $actorUserId: ID
    $from: DateTime
    $to: DateTime
    $first: Int!
    $after: String
  ) {
    auditLog(entity: $entity, entityId: $entityId, actorUserId: $actorUserId, from: $from, to: $to, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          actorUserId
          actorLabel
          entity
          entityId
          action
          field
          oldValue
          newValue
        }
      }
    }
  }
`);

const AuditActorsQuery = graphql(`
  query AuditActors {
    users(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The audit log, newest first, filtered by what, which record, who and when. */
export default function AuditLogView() {
  const t = useMessages(messages);
  const a = useMessages(adminMessages);
  const { lang } = useLang();
  usePageTitle(t.auditTitle);
  const { params, setParam, clear } = useFilterParams();
  const entityParam = params.get('entity');
  const entity = isAudited(entityParam) ? entityParam : null;
  const entityIdParam = params.get('entityId') ?? '';
  const entityId = /^\d+$/.test(entityIdParam) ? entityIdParam : null;
  const actor = params.get('actor') || null;
  const fromParam = params.get('from') ?? '';
  const toParam = params.get('to') ?? '';
  const from = DATE.test(fromParam) ? fromParam : null;
  const to = DATE.test(toParam) ? toParam : null;
  const dateError = from && to && to < from ? t.dateOrder : undefined;
  const [{ data: actors }] = useQuery({ query: AuditActorsQuery });
  const paged = usePagedQuery(
    AuditLogPageQuery,
    {
      entity,
      entityId,
      actorUserId: actor,
      from: from ? osloMidnight(from) : null,
      // The API's `to` is exclusive: the chosen day is included by ending at the next midnight.
      to: to ? osloMidnight(nextDay(to)) : null,
      first: PAGE,
      after: null,
    },
    (d) => d.auditLog,
    { pause: Boolean(dateError) },
  );
  const entityName = (name: string) => {
    const key = `entity_${name}`;
    return key in t ? (t[key as keyof typeof t] as string) : name;
  };
  const value = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? t.empty_value : v);

  const filtered = Boolean(entity || entityIdParam || actor || fromParam || toParam);

  return (
    <>
      <Paragraph data-size="sm">
        <RouterLink to={adminUrl()}>{a.adminTitle}</RouterLink>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t.auditTitle}
      </Heading>
      <Paragraph>{t.auditIntro}</Paragraph>
      <Filters label={t.auditFilters} clearLabel={t.clearFilters} onClear={filtered ? clear : undefined}>
        <FilterSelect
          name="entity"
          label={t.filterEntity}
          anyLabel={t.anyEntity}
          options={AUDITED.map((name) => ({ value: name, label: entityName(name) }))}
        />
        <Textfield
          label={t.filterEntityId}
          description={t.filterEntityIdDescription}
          inputMode="numeric"
          value={entityIdParam}
          onChange={(e) => setParam('entityId', e.target.value.replace(/\D/g, ''))}
        />
        <FilterSelect
          name="actor"
          label={t.filterActor}
          anyLabel={t.anyActor}
          options={actors?.users.edges.map((e) => ({ value: e.node.id, label: e.node.name })) ?? []}
        />
        <Textfield label={t.filterFrom} type="date" value={fromParam} onChange={(e) => setParam('from', e.target.value)} />
        <Textfield label={t.filterTo} type="date" value={toParam} onChange={(e) => setParam('to', e.target.value)} error={dateError} />
      </Filters>
      {!dateError && (
        <PagedResults paged={paged} empty={t.auditEmpty} countText={t.auditCount}>
          <DataTable
            testId="audit-log"
            size="sm"
            caption={t.auditCaption}
            columns={[t.colAt, t.colWho, t.colWhat, t.colAction, t.colField, t.colOld, t.colNew]}
          >
            {paged.nodes.map((row) => (
              <Table.Row key={row.id}>
                <Table.Cell className="nowrap">{formatDateTime(row.at, lang)}</Table.Cell>
                <Table.Cell>{row.actorLabel}</Table.Cell>
                <Table.Cell className="nowrap">
                  <RouterLink to={`?entity=${encodeURIComponent(row.entity)}&entityId=${encodeURIComponent(row.entityId)}`}>
                    {t.entityId(entityName(row.entity), row.entityId)}
                  </RouterLink>
                </Table.Cell>
                <Table.Cell>{t[`action${row.action}`]}</Table.Cell>
                <Table.Cell>
                  <code>{row.field}</code>
                </Table.Cell>
                <Table.Cell className="audit-value">{value(row.oldValue)}</Table.Cell>
                <Table.Cell className="audit-value">{value(row.newValue)}</Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        </PagedResults>
      )}
    </>
  );
}
