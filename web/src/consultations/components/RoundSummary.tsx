import { Tag } from '@digdir/designsystemet-react';
import { RouterLink } from '../../components/RouterLink';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { ResponseStatus } from '../../gql/graphql';
import { formatNumericDate, todayInNorway } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import { workingGroupUrl } from '../../working_groups/urls';
import messages from '../messages';
import { daysUntil, urgency } from './deadlines';

// Kept small: the overview lists up to 100 documents with their rounds, and the API
// limits a query's complexity (RoundForm asks for the rest when editing).
export const RoundFragment = graphql(`
  fragment RoundSummary_Round on ConsultationRound {
    id
    kind
    deadline
    deadlineText
    responseStatus
    sentOn
    note
    withdrawn
    open
    flags
    workingGroup {
      id
      name
    }
  }
`);

const STATUS_COLOR: Record<ResponseStatus, string> = {
  CONSIDERING: 'neutral',
  DRAFTING: 'info',
  SENT: 'success',
  DECLINED: 'neutral',
  NOT_ANSWERED: 'danger',
};

/** A deadline with how far off it is, highlighted when it is close. */
export function Deadline({ deadline, text, open }: { deadline?: string | null; text?: string | null; open: boolean }) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const today = todayInNorway();
  if (!deadline) return text ? <>{text}</> : null;
  const u = urgency(deadline, today, open);
  return (
    <span className={u === 'soon' ? 'deadline--soon' : u === 'past' ? 'deadline--past' : undefined}>
      {formatNumericDate(deadline, lang)}
      {open && <> ({t.daysLeft(daysUntil(deadline, today))})</>}
    </span>
  );
}

/** One round in a cell: kind, deadline, the council's response, who answers, and what needs attention. */
export function RoundSummary({ round: masked, showKind = true }: { round: FragmentType<typeof RoundFragment>; showKind?: boolean }) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const r = getFragmentData(RoundFragment, masked);
  return (
    <div className="round" data-testid="round">
      <div>
        {showKind && <strong>{t[`kind${r.kind}`]}: </strong>}
        {(r.deadline || r.deadlineText) && (
          <>
            {t.deadline.toLowerCase()} <Deadline deadline={r.deadline} text={r.deadlineText} open={r.open} />
          </>
        )}
      </div>
      <div className="tag-row">
        <Tag data-size="sm" data-color={STATUS_COLOR[r.responseStatus]} variant="outline">
          {t[`status${r.responseStatus}`]}
          {r.sentOn && ` ${formatNumericDate(r.sentOn, lang)}`}
        </Tag>
        {r.withdrawn && (
          <Tag data-size="sm" data-color="neutral">
            {t.withdrawn}
          </Tag>
        )}
        {r.flags.map((flag) => (
          <Tag key={flag} data-size="sm" data-color="warning" data-testid={`flag-${flag}`}>
            {t[`flag${flag}`]}
          </Tag>
        ))}
      </div>
      {r.workingGroup && (
        <div>
          {t.answeredBy}: <RouterLink to={workingGroupUrl(r.workingGroup.id)}>{r.workingGroup.name}</RouterLink>
        </div>
      )}
      {r.note && <div className="muted prewrap">{r.note}</div>}
    </div>
  );
}
