import { NotFound } from '../../components/NotFound';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { meetingsUrl } from '../urls';

export function MeetingNotFound({ code }: { code: string }) {
  const t = useMessages(messages);
  return (
    <NotFound
      title={t.meetingNotFound}
      text={t.meetingNotFoundText(code)}
      backTo={meetingsUrl()}
      backLabel={t.backToMeetings}
      testId="meeting-not-found"
    />
  );
}
