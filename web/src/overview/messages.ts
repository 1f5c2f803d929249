import { defineMessages } from '../i18n/messages';

export default defineMessages(
  {
    title: 'Oversikt',
    welcome: (name: string) => `Velkommen, ${name}`,
    intro: 'Møtebok samler rådets møter, saker, referater og høringer.',
    nextMeeting: 'Neste møte',
    noNextMeeting: 'Ingen kommende møter er publisert.',
    recentMeetings: 'Siste møter',
    noRecentMeetings: 'Ingen møter er holdt ennå.',
    allMeetings: 'Alle møter',
    meetingCode: (code: string) => `Møte ${code}`,
  },
  {
    title: 'Overview',
    welcome: (name: string) => `Welcome, ${name}`,
    intro: 'Møtebok brings together the council’s meetings, agenda items, minutes and consultations.',
    nextMeeting: 'Next meeting',
    noNextMeeting: 'No upcoming meetings have been published.',
    recentMeetings: 'Recent meetings',
    noRecentMeetings: 'No meetings have been held yet.',
    allMeetings: 'All meetings',
    meetingCode: (code: string) => `Meeting ${code}`,
  },
);
