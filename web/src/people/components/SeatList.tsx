import { Paragraph, Tag } from '@digdir/designsystemet-react';
import { RouterLink } from '../../components/RouterLink';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatNumericDate } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { personUrl } from '../urls';

export const SeatFragment = graphql(`
  fragment SeatList_Seat on Seat {
    role
    isChair
    isViceChair
    startsOn
    endsOn
    appointment {
      id
      title
      organisation {
        id
        name
      }
    }
    person {
      id
      name
      title
      organisation {
        id
        name
      }
    }
  }
`);

/** One seat: the person, the organisation they sit for, and their role when it is not plain member. */
export function SeatLine({ seat: masked, showEnd = false }: { seat: FragmentType<typeof SeatFragment>; showEnd?: boolean }) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const seat = getFragmentData(SeatFragment, masked);
  const organisation = seat.appointment.organisation?.name ?? seat.person?.organisation?.name;
  const title = seat.appointment.title ?? seat.person?.title;
  const special = seat.isChair ? t.roleCHAIR : seat.isViceChair ? t.roleVICE_CHAIR : seat.role === 'DEPUTY' ? t.roleDEPUTY : null;
  return (
    <>
      {seat.person ? <RouterLink to={personUrl(seat.person.id)}>{seat.person.name}</RouterLink> : '–'}
      {(organisation || title) && <span className="muted">, {[title, organisation].filter(Boolean).join(', ')}</span>}
      {special && (
        <>
          {' '}
          <Tag data-size="sm" data-color="info">
            {special}
          </Tag>
        </>
      )}
      {showEnd && seat.endsOn && <span className="muted"> ({t.endsOn(formatNumericDate(seat.endsOn, lang))})</span>}
    </>
  );
}

export function SeatList({ seats, showEnd }: { seats: FragmentType<typeof SeatFragment>[]; showEnd?: boolean }) {
  const t = useMessages(messages);
  if (seats.length === 0) return <Paragraph className="muted">{t.noneOnDate}</Paragraph>;
  return (
    <ul className="plain-list">
      {seats.map((s, i) => (
        <li key={i}>
          <SeatLine seat={s} showEnd={showEnd} />
        </li>
      ))}
    </ul>
  );
}
