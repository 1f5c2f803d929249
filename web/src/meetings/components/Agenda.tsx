import { Link, Table } from '@digdir/designsystemet-react';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatSlot } from '../../i18n/format';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { formatSakTypes } from '../sakTypes';
import { sakAnchor } from '../urls';

export const AgendaSakFragment = graphql(`
  fragment Agenda_Sak on Sak {
    id
    code
    position
    title
    types
    timeStart
    timeEnd
    status
    addedUnderEventuelt
  }
`);

/** The saksliste: number, time slot, title (to its saksfremlegg) and type. */
export function Agenda({ saker }: { saker: FragmentType<typeof AgendaSakFragment>[] }) {
  const t = useMessages(messages);
  const rows = saker.map((s) => getFragmentData(AgendaSakFragment, s)).sort((a, b) => a.position - b.position);
  return (
    <Table className="agenda" data-testid="agenda">
      <caption className="ds-sr-only">{t.agenda}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t.colSak}</Table.HeaderCell>
          <Table.HeaderCell>{t.colTime}</Table.HeaderCell>
          <Table.HeaderCell>{t.colTitle}</Table.HeaderCell>
          <Table.HeaderCell>{t.colType}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((s) => {
          const notes = [s.addedUnderEventuelt && t.eventuelt, s.status === 'WITHDRAWN' && t.withdrawn].filter(Boolean);
          return (
            <Table.Row key={s.id} className={s.status === 'WITHDRAWN' ? 'agenda__withdrawn' : undefined}>
              <Table.Cell className="nowrap">{s.code}</Table.Cell>
              <Table.Cell className="nowrap">{formatSlot(s.timeStart, s.timeEnd)}</Table.Cell>
              <Table.Cell>
                <Link href={`#${sakAnchor(s.code)}`}>{s.title}</Link>
                {notes.length > 0 && <span className="muted"> ({notes.join(', ')})</span>}
              </Table.Cell>
              <Table.Cell>{formatSakTypes(s.types, (type) => t[`type${type}`])}</Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table>
  );
}
