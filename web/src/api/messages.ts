import { defineMessages } from '../i18n/messages';

export default defineMessages(
  {
    UNAUTHENTICATED: 'Du må logge inn for å se eller gjøre dette.',
    FORBIDDEN: 'Du har ikke tilgang til dette.',
    NOT_FOUND: 'Vi fant ikke det du lette etter. Det kan være slettet, eller ikke publisert ennå.',
    VALIDATION: 'Noe av det du skrev, kan ikke lagres. Se feltene som er merket.',
    CONFLICT: 'Noen andre har endret dette i mellomtiden. Last inn siden på nytt og prøv igjen.',
    RATE_LIMITED: 'For mange forsøk på kort tid. Vent litt og prøv igjen.',
    INTERNAL: (requestId: string) =>
      requestId
        ? `Noe gikk galt hos oss. Oppgi feilkoden ${requestId} hvis du kontakter sekretariatet.`
        : 'Noe gikk galt hos oss. Prøv igjen om litt.',
    LIMIT_EXCEEDED: 'Forespørselen ble for stor. Prøv med færre elementer om gangen.',
    BAD_REQUEST: 'Møtebok forsto ikke forespørselen. Last inn siden på nytt og prøv igjen.',
    NETWORK: 'Får ikke kontakt med Møtebok. Sjekk nettverket og prøv igjen.',
    UNKNOWN: 'Noe gikk galt. Prøv igjen.',
    invalidField: 'Sjekk dette feltet.',
  },
  {
    UNAUTHENTICATED: 'You need to log in to see or do this.',
    FORBIDDEN: 'You do not have access to this.',
    NOT_FOUND: 'We could not find what you were looking for. It may have been deleted or not yet published.',
    VALIDATION: 'Some of what you wrote cannot be saved. See the marked fields.',
    CONFLICT: 'Someone else changed this in the meantime. Reload the page and try again.',
    RATE_LIMITED: 'Too many attempts in a short time. Wait a little and try again.',
    INTERNAL: (requestId: string) =>
      requestId
        ? `Something went wrong on our side. Quote the error code ${requestId} if you contact the secretariat.`
        : 'Something went wrong on our side. Try again in a little while.',
    LIMIT_EXCEEDED: 'The request was too large. Try with fewer items at a time.',
    BAD_REQUEST: 'Møtebok did not understand the request. Reload the page and try again.',
    NETWORK: 'Cannot reach Møtebok. Check the network and try again.',
    UNKNOWN: 'Something went wrong. Try again.',
    invalidField: 'Check this field.',
  },
);
