import { defineMessages } from '../i18n/messages';

export default defineMessages(
  {
    loading: 'Laster …',
    retry: 'Prøv igjen',
    errorHeading: 'Kunne ikke hente data',
    loadMore: 'Vis flere',
    shownOf: (shown: number, total: number) => `Viser ${shown} av ${total}`,
    pageTitleSuffix: 'Møtebok',
  },
  {
    loading: 'Loading …',
    retry: 'Try again',
    errorHeading: 'Could not fetch the data',
    loadMore: 'Show more',
    shownOf: (shown: number, total: number) => `Showing ${shown} of ${total}`,
    pageTitleSuffix: 'Møtebok',
  },
);
