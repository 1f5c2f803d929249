import { Paragraph } from '@digdir/designsystemet-react';
import { NavLink } from 'react-router';
import { RouterLink } from '../../components/RouterLink';
import { useMessages } from '../../i18n/LanguageProvider';
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
        <nav aria-label={t.toolsNav(code)} className="meeting-tools">
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
