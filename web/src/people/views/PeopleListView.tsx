import { Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from 'urql';
import { DataTable } from '../../components/DataTable';
import { FilterSelect, Filters } from '../../components/Filters';
import { CreateLink, PageHead } from '../../components/PageHead';
import { PagedResults } from '../../components/PagedResults';
import { RouterLink } from '../../components/RouterLink';
import { useFilterParams } from '../../components/useFilterParams';
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
  const { params, setParam, clear } = useFilterParams();
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

  return (
    <>
      <PeopleNav />
      <PageHead title={t.peopleTitle}>
        <CreateLink to={newPersonUrl()} label={t.newPerson} />
      </PageHead>
      <Paragraph>{t.peopleIntro}</Paragraph>
      <Filters label={t.filters} clearLabel={t.clearFilters} onClear={filtered ? clear : undefined}>
        <FilterSelect
          name="role"
          label={t.filterRole}
          anyLabel={t.anyRole}
          options={APPOINTMENT_ROLES.map((r) => ({ value: r, label: t[`role${r}`] }))}
        />
        <FilterSelect
          name="sector"
          label={t.filterSector}
          anyLabel={t.anySector}
          options={sectors?.sectors.map((s) => ({ value: s.code, label: s.name })) ?? []}
        />
        <Textfield
          label={t.filterActiveOn}
          type="date"
          value={activeOn ?? ''}
          onChange={(e) => setParam('activeOn', e.target.value)}
        />
      </Filters>
      <PagedResults paged={paged} empty={filtered ? t.noPeople : t.noPeopleAtAll} countText={t.peopleCount}>
        <DataTable testId="people" caption={t.peopleCaption} columns={[t.colName, t.colTitle, t.colOrganisation, t.colRoles]}>
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
        </DataTable>
      </PagedResults>
    </>
  );
}
