import { Tag } from '@digdir/designsystemet-react';
import type { WorkingGroupStatus } from '../../gql/graphql';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';

const COLOR: Record<WorkingGroupStatus, string> = { PROPOSED: 'warning', ACTIVE: 'success', FINISHED: 'neutral' };

export function GroupStatusTag({ status }: { status: WorkingGroupStatus }) {
  const t = useMessages(messages);
  return (
    <Tag data-size="sm" data-color={COLOR[status]}>
      {t[`status${status}`]}
    </Tag>
  );
}
