import { Button, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { allows } from '../../auth/access';
import { useSessionState } from '../../auth/SessionProvider';
import { PagedFooter } from '../../components/PagedFooter';
import { RouterLink } from '../../components/RouterLink';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { usePagedQuery } from '../../components/usePagedQuery';
import { usePageTitle } from '../../components/usePageTitle';
import { graphql } from '../../gql';
import { todayInNorway } from '../../i18n/format';
import { useMessages } from '../../i18n/LanguageProvider';
import { PeopleNav } from '../components/PeopleNav';
import { APPOINTMENT_ROLES, isAppointmentRole, runsOn } from '../components/roles';
import messages from '../messages';
import { newPersonUrl, personUrl } from '../urls';

const PAGE = 50;

const PeoplePageQuery = graphql(`
  query PeoplePage($role: AppointmentRole, $sector: String, $activeOn: NaiveDate, $first: Int!, $after: String) {
    people(role: $role, sector: $sector, activeOn: $activeOn, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          title
          organisation {
            id
            name
          }
          appointments {
            id
            role
            startsOn
            endsOn
            sector {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const SectorsQuery = graphql(`
  query PeopleSectors {
    sectors {
      id
      code
      name
    }
  }
`);

export default function PeopleListView() {
  const t = useMessages(messages);
  usePageTitle(t.peopleTitle);
  const state = useSessionState();
  const [params, setParams] = useSearchParams();
  const roleParam = params.get('role');
  const role = isAppointmentRole(roleParam) ? roleParam : null;
  const sector = params.get('sector') || null;
  const activeOn = params.get('activeOn') || null;
  const [{ data: sectors }] = useQuery({ query: SectorsQuery });
  const paged = usePagedQuery(
    PeoplePageQuery,
    { role, sector, activeOn, first: PAGE, after: null },
    (d) => d.people,
    { additionalTypenames: ['Person'] },
  );
  const today = todayInNorway();
  const filtered = Boolean(role || sector || activeOn);

  function setParam(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  return (
    <>
      <PeopleNav />
      <div className="page-head">
        <Heading level={1} data-size="lg">
          {t.peopleTitle}
        </Heading>
        {allows(['SECRETARIAT'], state) && (
          <Button asChild variant="secondary">
            <RouterLink to={newPersonUrl()}>{t.newPerson}</RouterLink>
          </Button>
        )}
      </div>
      <Paragraph>{t.peopleIntro}</Paragraph>
      <div className="filters" role="group" aria-label={t.filters}>
        <Field>
          <Label>{t.filterRole}</Label>
          <Select value={role ?? ''} onChange={(e) => setParam('role', e.target.value)} width="auto">
            <Select.Option value="">{t.anyRole}</Select.Option>
            {APPOINTMENT_ROLES.map((r) => (
              <Select.Option key={r} value={r}>
                {t[`role${r}`]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t.filterSector}</Label>
          <Select value={sector ?? ''} onChange={(e) => setParam('sector', e.target.value)} width="auto">
            <Select.Option value="">{t.anySector}</Select.Option>
            {sectors?.sectors.map((s) => (
              <Select.Option key={s.id} value={s.code}>
                {s.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield
          label={t.filterActiveOn}
          type="date"
          value={activeOn ?? ''}
          onChange={(e) => setParam('activeOn', e.target.value)}
        />
        {filtered && (
          <Button variant="tertiary" onClick={() => setParams({}, { replace: true })}>
            {t.clearFilters}
          </Button>
        )}
      </div>
      {paged.loading ? (
        <Loading />
      ) : paged.error ? (
        <ErrorState error={paged.error} onRetry={paged.retry} />
      ) : paged.totalCount === 0 ? (
        <EmptyState>{filtered ? t.noPeople : t.noPeopleAtAll}</EmptyState>
      ) : (
        <div className="stack">
          <div className="table-scroll">
            <Table zebra data-testid="people">
              <caption className="ds-sr-only">{t.peopleCaption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.colName}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colTitle}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colOrganisation}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colRoles}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {paged.nodes.map((p) => {
                  const current = p.appointments.filter((a) => runsOn(a, activeOn ?? today));
                  return (
                    <Table.Row key={p.id}>
                      <Table.Cell>
                        <RouterLink to={personUrl(p.id)}>{p.name}</RouterLink>
                      </Table.Cell>
                      <Table.Cell>{p.title}</Table.Cell>
                      <Table.Cell>{p.organisation?.name}</Table.Cell>
                      <Table.Cell>
                        {current
                          .map((a) => (a.sector ? `${t[`role${a.role}`]} (${a.sector.name})` : t[`role${a.role}`]))
                          .join('; ')}
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
          <PagedFooter paged={paged} countText={t.peopleCount} />
        </div>
      )}
    </>
  );
}
