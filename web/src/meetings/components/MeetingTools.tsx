import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { NavLink } from 'react-router';
import { RouterLink } from '../../components/RouterLink';
import { formatMeetingWhen } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import messages from '../messages';
import { meetingsUrl, meetingToolUrl, meetingUrl, type MeetingTool } from '../urls';

const TOOLS: MeetingTool[] = ['agenda', 'attendance', 'habilitet', 'minutes'];

/** The header of the secretariat's pages for one meeting: back link and the tools. */
export function MeetingTools({ code, year, tools = true }: { code: string; year: number; tools?: boolean }) {
  const t = useMessages(messages);
  const label: Record<MeetingTool, string> = {
    agenda: t.toolAgenda,
    attendance: t.toolAttendance,
    habilitet: t.toolHabilitet,
    minutes: t.toolMinutes,
  };
  return (
    <>
      <Paragraph data-size="sm">
        <RouterLink to={meetingsUrl(year)}>{t.backToMeetings}</RouterLink>
      </Paragraph>
      {tools && (
        <nav aria-label={t.toolsNav(code)} className="tab-links">
          <ul>
            <li>
              <NavLink to={meetingUrl(code)} end>
                {t.toolMeeting}
              </NavLink>
            </li>
            {TOOLS.map((tool) => (
              <li key={tool}>
                <NavLink to={meetingToolUrl(code, tool)}>{label[tool]}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </>
  );
}

/** The page's heading, and when the meeting is. */
export function MeetingHeading({
  title,
  meeting,
}: {
  title: string;
  meeting: { date: string; startsAt?: string | null; endsAt?: string | null };
}) {
  const { lang } = useLang();
  return (
    <>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <Paragraph>{formatMeetingWhen(meeting.date, meeting.startsAt, meeting.endsAt, lang)}</Paragraph>
    </>
  );
}
