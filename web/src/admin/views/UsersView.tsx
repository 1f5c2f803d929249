import { Button, Field, Heading, Label, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useClient } from 'urql';
import { useSessionState } from '../../auth/SessionProvider';
import { PagedFooter } from '../../components/PagedFooter';
import { RouterLink } from '../../components/RouterLink';
import { EmptyState, ErrorState, Loading } from '../../components/states';
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
  const [params, setParams] = useSearchParams();
  const roleParam = params.get('role');
  const role = isRole(roleParam) ? roleParam : null;
  const activeParam = params.get('active');
  const active = activeParam === 'yes' ? true : activeParam === 'no' ? false : null;
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

  function setParam(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  return (
    <>
      <Paragraph data-size="sm">
        <RouterLink to={adminUrl()}>{a.adminTitle}</RouterLink>
      </Paragraph>
      <div className="page-head">
        <Heading level={1} data-size="lg">
          {t.usersTitle}
        </Heading>
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
      </div>
      <Paragraph>{t.usersIntro}</Paragraph>
      <div role="status" className="live">{notice && <Paragraph>{notice}</Paragraph>}</div>
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
      <div className="filters" role="group" aria-label={t.filters}>
        <Field>
          <Label>{t.filterRole}</Label>
          <Select value={role ?? ''} onChange={(e) => setParam('role', e.target.value)} width="auto">
            <Select.Option value="">{t.anyRole}</Select.Option>
            {ROLES.map((r) => (
              <Select.Option key={r} value={r}>
                {t[`role${r}`]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t.filterActive}</Label>
          <Select value={activeParam ?? ''} onChange={(e) => setParam('active', e.target.value)} width="auto">
            <Select.Option value="">{t.anyActive}</Select.Option>
            <Select.Option value="yes">{t.activeOnly}</Select.Option>
            <Select.Option value="no">{t.inactiveOnly}</Select.Option>
          </Select>
        </Field>
      </div>
      {paged.loading ? (
        <Loading />
      ) : paged.error ? (
        <ErrorState error={paged.error} onRetry={paged.retry} />
      ) : paged.totalCount === 0 ? (
        <EmptyState>{t.empty}</EmptyState>
      ) : (
        <div className="stack">
          <div className="table-scroll">
            <Table zebra data-testid="users">
              <caption className="ds-sr-only">{t.caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.colName}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colEmail}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colRole}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colPerson}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colStatus}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colLastLogin}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colActions}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
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
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t.manageLabel(u.name)}
                        onClick={() => {
                          setNotice(null);
                          setManaging(u.id);
                        }}
                      >
                        {t.manage}
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <PagedFooter paged={paged} countText={t.count} />
        </div>
      )}
    </>
  );
}
