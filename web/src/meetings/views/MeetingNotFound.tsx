import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { RouterLink } from '../../components/RouterLink';
import { usePageTitle } from '../../components/usePageTitle';
import { useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { meetingsUrl } from '../urls';

export function MeetingNotFound({ code }: { code: string }) {
  const t = useMessages(messages);
  usePageTitle(t.meetingNotFound);
  return (
    <div className="narrow" data-testid="meeting-not-found">
      <Heading level={1} data-size="lg">
        {t.meetingNotFound}
      </Heading>
      <Paragraph>{t.meetingNotFoundText(code)}</Paragraph>
      <Paragraph>
        <RouterLink to={meetingsUrl()}>{t.backToMeetings}</RouterLink>
      </Paragraph>
    </div>
  );
}
