// The app's main screens, for whom, and how to tell that one has loaded: shared by the
// keyboard test and the screen-timing benchmark (bench/screens.mjs), so both cover the same.
import { login, MEMBER, SECRETARIAT } from './harness.mjs';

/**
 * Every main screen as `{ name, path, as }` (`as`: null for the public, or an account),
 * with the demo data's ids looked up through the API.
 */
export async function mainScreens(app) {
  const token = await app.tokenFor(SECRETARIAT);
  const data = await app.gql(
    token,
    `{ meetings(first: 100) { nodes { code status saker { code } } }
       people(first: 1) { nodes { id } }
       policyDocuments(first: 1) { nodes { id } }
       workingGroups(first: 1) { nodes { id } } }`,
  );
  const meetings = data.meetings.nodes;
  const held = meetings.find((m) => m.status === 'HELD' && m.saker.length > 0);
  const coming = meetings.find((m) => m.status === 'PLANNED' || m.status === 'NOTICE_PUBLISHED');
  const slug = (code) => code.replaceAll('/', '-');
  const screens = [
    { name: 'oversikt', path: '/', as: null },
    { name: 'logg-inn', path: '/login', as: null },
    { name: 'moter', path: '/meetings', as: null },
    { name: 'saker', path: '/saker', as: null },
    { name: 'rådet', path: '/people', as: null },
    { name: 'arbeidsgrupper', path: '/working-groups', as: null },
    { name: 'meldinger-og-strategier', path: '/consultations', as: null },
    { name: 'sok', path: '/search?q=helse', as: null },
    { name: 'oversikt-sekretariat', path: '/', as: SECRETARIAT },
    { name: 'nytt-mote', path: '/meetings/new', as: SECRETARIAT },
    { name: 'personregister', path: '/people/all', as: SECRETARIAT },
    { name: 'ny-person', path: '/people/new', as: SECRETARIAT },
    { name: 'organisasjoner', path: '/people/organisations', as: SECRETARIAT },
    { name: 'horingsfrister', path: '/consultations/deadlines', as: SECRETARIAT },
    { name: 'dokumenter', path: '/consultations/documents', as: SECRETARIAT },
    { name: 'nytt-dokument', path: '/consultations/documents/new', as: SECRETARIAT },
    { name: 'ny-arbeidsgruppe', path: '/working-groups/new', as: SECRETARIAT },
    { name: 'arsrapport', path: '/annual-report?year=2025', as: SECRETARIAT },
    { name: 'admin', path: '/admin', as: SECRETARIAT },
    { name: 'brukere', path: '/admin/users', as: SECRETARIAT },
    { name: 'logg', path: '/admin/audit', as: SECRETARIAT },
    { name: 'api-nokler', path: '/admin/api-tokens', as: SECRETARIAT },
    { name: 'min-side', path: '/my', as: MEMBER },
  ];
  const person = data.people.nodes[0];
  const document = data.policyDocuments.nodes[0];
  const group = data.workingGroups.nodes[0];
  if (person) screens.push({ name: 'person', path: `/people/${person.id}`, as: SECRETARIAT });
  if (document) screens.push({ name: 'dokument', path: `/consultations/documents/${document.id}`, as: SECRETARIAT });
  if (group) screens.push({ name: 'arbeidsgruppe', path: `/working-groups/${group.id}`, as: SECRETARIAT });
  if (held) {
    const m = `/meetings/${slug(held.code)}`;
    screens.push(
      { name: 'mote', path: m, as: SECRETARIAT },
      { name: 'oppmote', path: `${m}/attendance`, as: SECRETARIAT },
      { name: 'habilitet', path: `${m}/habilitet`, as: SECRETARIAT },
      { name: 'referat', path: `${m}/minutes`, as: SECRETARIAT },
      { name: 'sak', path: `/saker/${slug(held.saker[0].code)}`, as: SECRETARIAT },
    );
  }
  if (coming) {
    const m = `/meetings/${slug(coming.code)}`;
    screens.push(
      { name: 'saksliste', path: `${m}/agenda`, as: SECRETARIAT },
      { name: 'habilitet-medlem', path: `${m}/habilitet`, as: MEMBER },
    );
  }
  return screens;
}

/** Resolves when the screen has its heading and nothing on it is still loading. */
export async function screenReady(page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(() => document.querySelector('.state--loading, [aria-busy="true"]') === null);
}

/** One logged-in page per account (and one for the public), made when a screen first needs it. */
export function pagesByAccount(app) {
  const pages = new Map();
  return async (screen) => {
    const who = screen.as?.email ?? 'public';
    if (!pages.has(who)) {
      const page = await app.newPage();
      if (screen.as) await login(page, screen.as);
      pages.set(who, page);
    }
    return { page: pages.get(who), who };
  };
}
