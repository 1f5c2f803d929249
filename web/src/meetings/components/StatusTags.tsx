import { Tag } from '@digdir/designsystemet-react';
import type { MeetingStatus, MinutesStatus } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';

const MEETING_COLOR: Record<MeetingStatus, string> = {
  PLANNED: 'neutral',
  NOTICE_PUBLISHED: 'info',
  HELD: 'success',
  CANCELLED: 'danger',
};

const MINUTES_COLOR: Record<MinutesStatus, string> = {
  NONE: 'neutral',
  DRAFT: 'warning',
  SENT_FOR_COMMENTS: 'info',
  APPROVED: 'success',
  PUBLISHED: 'success',
};

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const t = useMessages(messages);
  return (
    <Tag data-color={MEETING_COLOR[status]} data-size="sm">
      {t[`status${status}`]}
    </Tag>
  );
}

export function MinutesStatusTag({ status }: { status: MinutesStatus }) {
  const t = useMessages(messages);
  return (
    <Tag data-color={MINUTES_COLOR[status]} data-size="sm" variant="outline">
      {t[`minutes${status}`]}
    </Tag>
  );
}
