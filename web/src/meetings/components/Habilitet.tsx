import { Paragraph } from '@digdir/designsystemet-react';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { Habilitet_RecordFragment } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';

export const HabilitetRecordFragment = graphql(`
  fragment Habilitet_Record on ConflictOfInterest {
    id
    outcome
    leftRoom
    declaration
    reason
    decidedBy
    person {
      id
      name
    }
  }
`);

export const HabilitetSummarySakFragment = graphql(`
  fragment HabilitetSummary_Sak on Sak {
    id
    code
    position
    habilitet {
      id
      ...Habilitet_Record
    }
  }
`);

type Messages = (typeof messages)['nb'];

/** The sentence the minutes use: "Guri Rørtveit er inhabil for sak 19/2/2026 og forlater møtet …". */
export function habilitetSentence(record: Habilitet_RecordFragment, sakCode: string, t: Messages): string {
  const name = record.person?.name ?? t.unknownPerson;
  switch (record.outcome) {
    case 'INHABIL':
      return record.leftRoom ? t.inhabilLeft(name, sakCode) : t.inhabil(name, sakCode);
    case 'NOT_INHABIL':
      return t.notInhabil(name, sakCode);
    case 'PENDING':
      return t.pending(name, sakCode);
  }
}

/** One sak's records, with the declaration and reason where the viewer may see them. */
export function HabilitetRecords({
  records,
  sakCode,
}: {
  records: FragmentType<typeof HabilitetRecordFragment>[];
  sakCode: string;
}) {
  const t = useMessages(messages);
  if (records.length === 0) return null;
  return (
    <ul className="habilitet-records">
      {records.map((masked) => {
        const r = getFragmentData(HabilitetRecordFragment, masked);
        return (
          <li key={r.id}>
            {habilitetSentence(r, sakCode, t)}
            {r.decidedBy && ` ${t.decidedBy(r.decidedBy)}`}
            {r.declaration && (
              <div className="muted">
                {t.declaration}: {r.declaration}
              </div>
            )}
            {r.reason && (
              <div className="muted">
                {t.habilitetReason}: {r.reason}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The meeting's habilitet as the minutes state it, over all saker. */
export function HabilitetSummary({
  saker,
  minutesVisible,
}: {
  saker: FragmentType<typeof HabilitetSummarySakFragment>[];
  minutesVisible: boolean;
}) {
  const t = useMessages(messages);
  const withRecords = saker
    .map((s) => getFragmentData(HabilitetSummarySakFragment, s))
    .filter((s) => s.habilitet.length > 0)
    .sort((a, b) => a.position - b.position);
  if (withRecords.length === 0) {
    return <Paragraph>{minutesVisible ? t.habilitetNone : t.habilitetHidden}</Paragraph>;
  }
  return (
    <div data-testid="habilitet-summary">
      {withRecords.map((s) => (
        <HabilitetRecords key={s.id} records={s.habilitet} sakCode={s.code} />
      ))}
    </div>
  );
}
