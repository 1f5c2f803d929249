import { Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useCallback, useState } from 'react';
import { useClient } from 'urql';
import { useSessionState } from '../../auth/SessionProvider';
import { DataTable, RowAction } from '../../components/DataTable';
import { FilterSelect, Filters, yesNoOptions } from '../../components/Filters';
import { PageHead } from '../../components/PageHead';
import { PagedResults } from '../../components/PagedResults';
import { RouterLink } from '../../components/RouterLink';
import { LiveNotice } from '../../components/states';
import { useFilterParams, yesNoParam } from '../../components/useFilterParams';
import { usePagedQuery } from '../../components/usePagedQuery';
import { usePageTitle } from '../../components/usePageTitle';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { formatDateTime } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import { personUrl } from '../../people/urls';
import { CreateUserForm } from '../components/CreateUserForm';
import { ManageUser, ROLES } from '../components/ManageUser';
import adminMessages from '../messages';
import { adminUrl } from '../urls';
import messages from '../usersMessages';

const PAGE = 50;

const UsersPageQuery = graphql(`
  query UsersPage($role: Role, $active: Boolean, $first: Int!, $after: String) {
    users(role: $role, active: $active, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          email
          role
          active
          version
          lastLoginAt
          person {
            id
            name
          }
        }
      }
    }
  }
`);

const isRole = (v: string | null): v is Role => v !== null && (ROLES as string[]).includes(v);

export default function UsersView() {
  const t = useMessages(messages);
  const a = useMessages(adminMessages);
  const { lang } = useLang();
  usePageTitle(t.usersTitle);
  const client = useClient();
  const state = useSessionState();
  const selfId = state.status === 'authenticated' ? state.user.id : null;
  const { params } = useFilterParams();
  const roleParam = params.get('role');
  const role = isRole(roleParam) ? roleParam : null;
  const active = yesNoParam(params.get('active'));
  const variables = { role, active, first: PAGE, after: null };
  const paged = usePagedQuery(UsersPageQuery, variables, (d) => d.users, { additionalTypenames: ['UserAccount'] });
  const fetchLatest = useCallback(
    () => client.query(UsersPageQuery, { role, active, first: PAGE, after: null }, { requestPolicy: 'network-only' }).toPromise(),
    [client, role, active],
  );
  const [managing, setManaging] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const target = paged.nodes.find((u) => u.id === managing);
  const manage = (id: string) => {
    setNotice(null);
    setManaging(id);
  };

  return (
    <>
      <Paragraph data-size="sm">
        <RouterLink to={adminUrl()}>{a.adminTitle}</RouterLink>
      </Paragraph>
      <PageHead title={t.usersTitle}>
        <Button
          variant="secondary"
          aria-expanded={creating}
          onClick={() => {
            setNotice(null);
            setCreating((c) => !c);
          }}
        >
          {t.newUser}
        </Button>
      </PageHead>
      <Paragraph>{t.usersIntro}</Paragraph>
      <LiveNotice notice={notice} />
      {creating && (
        <CreateUserForm
          onCancel={() => setCreating(false)}
          onCreated={(email) => {
            setCreating(false);
            setNotice(t.created(email));
          }}
        />
      )}
      {target && (
        <ManageUser
          key={target.id}
          user={target}
          isSelf={target.id === selfId}
          fetchLatest={fetchLatest}
          onNotice={setNotice}
          onClose={() => setManaging(null)}
        />
      )}
      <Filters label={t.filters}>
        <FilterSelect
          name="role"
          label={t.filterRole}
          anyLabel={t.anyRole}
          options={ROLES.map((r) => ({ value: r, label: t[`role${r}`] }))}
        />
        <FilterSelect
          name="active"
          label={t.filterActive}
          anyLabel={t.anyActive}
          options={yesNoOptions(t.activeOnly, t.inactiveOnly)}
        />
      </Filters>
      <PagedResults paged={paged} empty={t.empty} countText={t.count}>
        <DataTable
          testId="users"
          caption={t.caption}
          columns={[t.colName, t.colEmail, t.colRole, t.colPerson, t.colStatus, t.colLastLogin, t.colActions]}
        >
          {paged.nodes.map((u) => (
            <Table.Row key={u.id}>
              <Table.Cell>
                {u.name} {u.id === selfId && <span className="muted">{t.self}</span>}
              </Table.Cell>
              <Table.Cell>{u.email}</Table.Cell>
              <Table.Cell>{t[`role${u.role}`]}</Table.Cell>
              <Table.Cell>{u.person && <RouterLink to={personUrl(u.person.id)}>{u.person.name}</RouterLink>}</Table.Cell>
              <Table.Cell>
                <Tag data-size="sm" data-color={u.active ? 'success' : 'neutral'}>
                  {u.active ? t.active : t.inactive}
                </Tag>
              </Table.Cell>
              <Table.Cell className="nowrap">{u.lastLoginAt ? formatDateTime(u.lastLoginAt, lang) : t.neverLoggedIn}</Table.Cell>
              <Table.Cell>
                <RowAction label={t.manageLabel(u.name)} onClick={() => manage(u.id)}>
                  {t.manage}
                </RowAction>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      </PagedResults>
    </>
  );
}
