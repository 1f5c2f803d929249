import { Table } from '@digdir/designsystemet-react';
import { DataTable } from '../../components/DataTable';
import { RouterLink } from '../../components/RouterLink';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatNumericDate } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import { sakPageUrl } from '../../saker/urls';
import messages from '../messages';
import { workingGroupUrl } from '../urls';
import { GroupStatusTag } from './StatusTag';

export const GroupRowFragment = graphql(`
  fragment GroupRows_Group on WorkingGroup {
    id
    name
    kind
    status
    startsOn
    endsOn
    leader {
      id
      displayName
    }
    establishedBySak {
      id
      code
    }
  }
`);

export function GroupTable({ caption, groups }: { caption: string; groups: FragmentType<typeof GroupRowFragment>[] }) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const date = (d: string | null | undefined, fallback: string) => (d ? formatNumericDate(d, lang) : fallback);
  return (
    <DataTable
      testId="working-groups"
      caption={caption}
      columns={[t.colName, t.colKind, t.colStatus, t.colLeader, t.colPeriod, t.colEstablished]}
    >
      {groups.map((masked) => {
        const g = getFragmentData(GroupRowFragment, masked);
        return (
          <Table.Row key={g.id}>
            <Table.Cell>
              <RouterLink to={workingGroupUrl(g.id)}>{g.name}</RouterLink>
            </Table.Cell>
            <Table.Cell>{t[`kind${g.kind}`]}</Table.Cell>
            <Table.Cell>
              <GroupStatusTag status={g.status} />
            </Table.Cell>
            <Table.Cell>{g.leader?.displayName}</Table.Cell>
            <Table.Cell className="nowrap">
              {g.startsOn || g.endsOn ? t.fromTo(date(g.startsOn, t.unknown), date(g.endsOn, t.ongoing)) : ''}
            </Table.Cell>
            <Table.Cell className="nowrap">
              {g.establishedBySak && (
                <RouterLink to={sakPageUrl(g.establishedBySak.code)}>{t.sakCode(g.establishedBySak.code)}</RouterLink>
              )}
            </Table.Cell>
          </Table.Row>
        );
      })}
    </DataTable>
  );
}
