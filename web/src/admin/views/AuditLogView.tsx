import { Button, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from 'urql';
import { useSearchParams } from 'react-router';
import { PagedFooter } from '../../components/PagedFooter';
import { RouterLink } from '../../components/RouterLink';
import { EmptyState, ErrorState, Loading } from '../../components/states';
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
  const [params, setParams] = useSearchParams();
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

  function setParam(name: string, v: string) {
    const next = new URLSearchParams(params);
    if (v) next.set(name, v);
    else next.delete(name);
    setParams(next, { replace: true });
  }

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
      <div className="filters" role="group" aria-label={t.auditFilters}>
        <Field>
          <Label>{t.filterEntity}</Label>
          <Select value={entity ?? ''} onChange={(e) => setParam('entity', e.target.value)} width="auto">
            <Select.Option value="">{t.anyEntity}</Select.Option>
            {AUDITED.map((name) => (
              <Select.Option key={name} value={name}>
                {entityName(name)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield
          label={t.filterEntityId}
          description={t.filterEntityIdDescription}
          inputMode="numeric"
          value={entityIdParam}
          onChange={(e) => setParam('entityId', e.target.value.replace(/\D/g, ''))}
        />
        <Field>
          <Label>{t.filterActor}</Label>
          <Select value={actor ?? ''} onChange={(e) => setParam('actor', e.target.value)} width="auto">
            <Select.Option value="">{t.anyActor}</Select.Option>
            {actors?.users.edges.map((e) => (
              <Select.Option key={e.node.id} value={e.node.id}>
                {e.node.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield label={t.filterFrom} type="date" value={fromParam} onChange={(e) => setParam('from', e.target.value)} />
        <Textfield label={t.filterTo} type="date" value={toParam} onChange={(e) => setParam('to', e.target.value)} error={dateError} />
        {filtered && (
          <Button variant="tertiary" onClick={() => setParams({}, { replace: true })}>
            {t.clearFilters}
          </Button>
        )}
      </div>
      {dateError ? null : paged.loading ? (
        <Loading />
      ) : paged.error ? (
        <ErrorState error={paged.error} onRetry={paged.retry} />
      ) : paged.totalCount === 0 ? (
        <EmptyState>{t.auditEmpty}</EmptyState>
      ) : (
        <div className="stack">
          <div className="table-scroll">
            <Table zebra data-size="sm" data-testid="audit-log">
              <caption className="ds-sr-only">{t.auditCaption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.colAt}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colWho}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colWhat}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colAction}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colField}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colOld}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colNew}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
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
              </Table.Body>
            </Table>
          </div>
          <PagedFooter paged={paged} countText={t.auditCount} />
        </div>
      )}
    </>
  );
}
