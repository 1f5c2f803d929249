import { defineMessages } from '../i18n/messages';

export default defineMessages(
  {
    title: 'Søk',
    resultsFor: (q: string) => `Søk etter «${q}»`,
    noQuery: 'Skriv et søkeord i søkefeltet øverst på siden.',
    notReady:
      'Fritekstsøket i saker, vedtak og dokumenter er ikke klart ennå. Saksnumre og møtenumre kan du likevel slå opp her.',
    sakFound: 'Fant saken',
    sakNotFound: (code: string) => `Fant ingen sak med nummer ${code} som du har tilgang til.`,
    meetingFound: 'Møtenummer',
    meetingLink: (code: string) => `Møte ${code}`,
    sakLink: (code: string, title: string) => `Sak ${code} ${title}`,
  },
  {
    title: 'Search',
    resultsFor: (q: string) => `Search for “${q}”`,
    noQuery: 'Type a search term in the search field at the top of the page.',
    notReady:
      'Full-text search in agenda items, decisions and documents is not ready yet. You can still look up item and meeting numbers here.',
    sakFound: 'Found the item',
    sakNotFound: (code: string) => `Found no item numbered ${code} that you have access to.`,
    meetingFound: 'Meeting number',
    meetingLink: (code: string) => `Meeting ${code}`,
    sakLink: (code: string, title: string) => `Item ${code} ${title}`,
  },
);
