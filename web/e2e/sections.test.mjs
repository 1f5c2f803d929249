// End-to-end: people and the council, working groups, policy documents and høringer, the
// annual report, search, a member's own page, and admin (users, audit log), in Chromium
// against the real API with the demo data; each screen is checked with axe.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { expectAccessible, login, MEMBER, screenshot, SECRETARIAT, start } from './harness.mjs';

let app;
let secretariatToken;

/** Today in Norway plus `days`, as "2025-05-21". */
function dayFromToday(days) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function needsDemo(t) {
  if (app.demo.loaded) return false;
  t.skip(`demo data not loaded (${app.demo.reason})`);
  return true;
}

before(async () => {
  app = await start();
  secretariatToken = await app.tokenFor(SECRETARIAT);
});

after(async () => {
  await app?.stop();
});

describe('the public', () => {
  it('sees the council against the mandate’s quotas, with nothing to edit', async () => {
    const page = await app.newPage();
    await page.goto('/people');
    await page.getByRole('heading', { level: 1, name: 'Rådet' }).waitFor();
    await page.getByTestId('council').waitFor();
    if (app.demo.loaded) {
      const table = page.getByTestId('composition');
      await table.getByRole('rowheader', { name: 'Universitets- og høgskolesektoren' }).waitFor();
      assert.ok((await table.getByRole('row').count()) >= 7, 'one row per sector of the mandate');
    }
    assert.equal(await page.getByRole('link', { name: 'Ny person' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Personregister' }).count(), 0, 'the register is for users');
    await expectAccessible(page, 'council (public)');
    await screenshot(page, 'personer-radet-offentlig');
    assert.deepEqual(page.errors, []);
  });

  it('reads only policy documents and working groups from published papers', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await page.goto('/consultations');
    await page.getByRole('heading', { level: 1, name: 'Oversikt meldinger og strategier' }).waitFor();
    await page.getByTestId('overview').or(page.getByTestId('empty')).waitFor();
    const publicRows = await page.getByTestId('overview-row').count();
    const all = await app.gql(secretariatToken, '{ overview { position } }');
    const anonymous = await app.gql(null, '{ overview { position } }');
    assert.equal(publicRows, anonymous.overview.length, 'the table shows what the API gives the public');
    assert.ok(anonymous.overview.length <= all.overview.length);
    assert.equal(await page.getByRole('button', { name: /^Endre/ }).count(), 0, 'nothing to edit');
    await expectAccessible(page, 'overview (public)');

    await page.goto('/working-groups');
    await page.getByRole('heading', { level: 1, name: 'Arbeidsgrupper' }).waitFor();
    await page.getByTestId('working-groups').or(page.getByTestId('empty')).waitFor();
    const publicGroups = await app.gql(null, '{ workingGroups { totalCount } }');
    const allGroups = await app.gql(secretariatToken, '{ workingGroups { totalCount } }');
    assert.ok(publicGroups.workingGroups.totalCount <= allGroups.workingGroups.totalCount);
    assert.equal(await page.getByRole('link', { name: 'Ny arbeidsgruppe' }).count(), 0);
    await expectAccessible(page, 'working groups (public)');
  });

  it('searches the published papers and opens a policy document', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Søk i saker, vedtak og dokumenter' }).fill('Folkehelse');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    const results = page.getByTestId('search-results');
    await results.waitFor();
    const hits = await app.gql(null, '{ search(text: "Folkehelse", first: 50) { kind } }');
    assert.equal(await results.getByRole('listitem').count(), hits.search.length, 'exactly what the API gives the public');
    const doc = results.getByRole('listitem').filter({ has: page.getByText('Dokument', { exact: true }) }).first();
    await doc.getByRole('link').first().click();
    await page.waitForURL(/\/consultations\/documents\/\d+/);
    await page.getByTestId('policy-document').waitFor();
  });

  it('is asked to log in for the annual report, the register and admin', async () => {
    const page = await app.newPage();
    for (const path of ['/annual-report', '/people/all', '/admin/users', '/admin/audit', '/my']) {
      await page.goto(path);
      await page.waitForURL(/\/login\?next=/);
    }
  });
});

describe('the secretariat', () => {
  it('browses the register and filters it by role', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto('/people/all');
    await page.getByRole('heading', { level: 1, name: 'Personregister' }).waitFor();
    await page.getByTestId('people').waitFor();
    await page.getByLabel('Rolle i rådet').selectOption('OBSERVER');
    await page.waitForURL(/role=OBSERVER/);
    await page.getByTestId('people').getByRole('row').nth(1).getByText(/Observatør/).waitFor();
    await expectAccessible(page, 'people register');
    await screenshot(page, 'personregister');
  });

  it('edits a person, and keeps their text when someone else saved first', async (t) => {
    if (needsDemo(t)) return;
    const { people } = await app.gql(secretariatToken, '{ people(role: MEMBER, first: 1) { nodes { id name version } } }');
    const person = people.nodes[0];
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto(`/people/${person.id}`);
    await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
    await page.getByTestId('appointments').waitFor();
    await expectAccessible(page, 'person');
    await screenshot(page, 'person');

    await page.getByRole('button', { name: 'Endre personopplysninger' }).click();
    await page.getByLabel('Tittel', { exact: true }).fill('professor');
    // Someone else saves the person while the form is open.
    await app.gql(secretariatToken, 'mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { version } }', {
      input: { id: person.id, version: person.version, title: 'dekan' },
    });
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    const conflict = page.getByTestId('edit-conflict');
    await conflict.getByRole('cell', { name: 'dekan' }).waitFor();
    assert.equal(await page.getByLabel('Tittel', { exact: true }).inputValue(), 'professor', 'the typed text stays');
    await expectAccessible(page, 'person (edit conflict)');
    await screenshot(page, 'person-konflikt');
    await conflict.getByRole('button', { name: 'Lagre min versjon' }).click();
    await page.getByText('Personopplysningene er lagret.').waitFor();
    await page.getByTestId('person').getByText('professor').first().waitFor();
    const saved = await app.gql(secretariatToken, 'query($id: ID!) { person(id: $id) { title } }', { id: person.id });
    assert.equal(saved.person.title, 'professor');
  });

  it('appoints a person, changes their organisation, and keeps the history', async (t) => {
    if (needsDemo(t)) return;
    const { people } = await app.gql(secretariatToken, '{ people(role: OBSERVER, first: 1) { nodes { id name } } }');
    const person = people.nodes[0];
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto(`/people/${person.id}`);
    await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
    const before = await page.getByTestId('appointments').getByRole('row').count();

    await page.getByRole('button', { name: 'Ny oppnevning' }).click();
    const form = page.getByTestId('appointment-form');
    await form.getByLabel('Rolle', { exact: true }).selectOption('DEPUTY');
    await form.getByLabel('Sektor', { exact: true }).selectOption({ index: 1 });
    await form.getByLabel('Fra og med').fill(dayFromToday(10));
    await form.getByLabel('Til og med').fill(dayFromToday(5));
    await form.getByRole('button', { name: 'Lagre' }).click();
    await form.getByText('Sluttdatoen kan ikke være før startdatoen.').first().waitFor();
    await form.getByLabel('Til og med').fill(dayFromToday(400));
    await expectAccessible(page, 'person (new appointment)');
    await form.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Oppnevningen er lagret.').waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="appointments"] tr').length > n, before);
    await page.getByTestId('appointments').getByRole('cell', { name: 'Vararepresentant', exact: true }).waitFor();

    // Creating the new organisation makes the page refetch the person. On a slow network that
    // answer comes after the move is saved, holding what the server read before it (the CI
    // failure): make it so here, and the table must still show the move.
    let staleRead;
    const read = new Promise((resolve) => (staleRead = resolve));
    let releaseStale;
    const released = new Promise((resolve) => (releaseStale = resolve));
    let created = false;
    await page.route('**/graphql', async (route) => {
      const operation = route.request().postDataJSON()?.operationName;
      if (operation === 'PersonPage' && created) {
        created = false;
        const response = await route.fetch();
        staleRead();
        await released;
        return route.fulfill({ response });
      }
      if (operation === 'ChangeOrganisation') await read;
      if (operation === 'CreateOrganisation') created = true;
      return route.continue();
    });
    await page.getByRole('button', { name: 'Bytt organisasjon' }).click();
    await page.getByLabel('Ny organisasjon').fill('E2E-direktoratet');
    await page.getByRole('button', { name: 'Bytt organisasjon' }).last().click();
    await page.getByText('Personen er nå registrert i E2E-direktoratet.').waitFor();
    releaseStale();
    const history = page.getByTestId('affiliations');
    await history.getByRole('cell', { name: 'E2E-direktoratet', exact: true }).waitFor();
    assert.ok((await history.getByRole('row').count()) >= 3, 'the earlier organisation stays in the history');
  });

  it('registers a new person with their organisation', async () => {
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto('/people');
    await page.getByRole('link', { name: 'Ny person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny person' }).waitFor();
    await page.getByRole('button', { name: 'Registrer personen' }).click();
    await page.getByText('Skriv navnet.').first().waitFor();
    await page.getByLabel('Navn', { exact: true }).fill('Ina Dahlsveen');
    await page.getByLabel('E-post').fill('ikke-en-adresse');
    await page.getByRole('button', { name: 'Registrer personen' }).click();
    await page.getByText('Skriv en gyldig e-postadresse.').first().waitFor();
    await page.getByLabel('E-post').fill('ina.e2e@example.org');
    await page.getByLabel(/^Organisasjon/).fill('Legemiddelindustrien (E2E)');
    await page.getByLabel(/^Tittel i organisasjonen/).fill('fagdirektør');
    await expectAccessible(page, 'new person');
    await page.getByRole('button', { name: 'Registrer personen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ina Dahlsveen' }).waitFor();
    await page.getByTestId('affiliations').getByRole('cell', { name: 'Legemiddelindustrien (E2E)', exact: true }).waitFor();
    await page.getByTestId('affiliations').getByRole('cell', { name: 'fagdirektør', exact: true }).waitFor();
  });

  it('adds an organisation and corrects its name', async () => {
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto('/people/organisations');
    await page.getByRole('heading', { level: 1, name: 'Organisasjoner' }).waitFor();
    const add = page.getByRole('form', { name: 'Ny organisasjon' });
    await add.getByLabel('Navn', { exact: true }).fill('E2E-universitetet');
    await add.getByRole('button', { name: 'Legg til organisasjonen' }).click();
    await page.getByText('«E2E-universitetet» er lagt til').waitFor();
    await page.getByRole('button', { name: 'Endre E2E-universitetet' }).click();
    const edit = page.getByRole('form', { name: 'Endre «E2E-universitetet»' });
    await edit.getByLabel('Navn', { exact: true }).fill('E2E-universitetet i Oslo');
    await edit.getByLabel(/Kortnavn/).fill('E2E');
    await edit.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('«E2E-universitetet i Oslo» er lagret.').waitFor();
    await page.getByTestId('organisations').getByRole('cell', { name: 'E2E-universitetet i Oslo', exact: true }).waitFor();
    await expectAccessible(page, 'organisations');
    await screenshot(page, 'organisasjoner');
  });

  it('sets up a working group from a vedtak, then edits it and adds a member', async (t) => {
    if (needsDemo(t)) return;
    const { meeting } = await app.gql(secretariatToken, '{ meeting(code: "2/2025") { saker { code vedtak standingKind } } }');
    const sak = meeting.saker.find((s) => s.vedtak && !s.standingKind) ?? meeting.saker.find((s) => s.vedtak);
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto(`/working-groups/new?sak=${encodeURIComponent(sak.code)}`);
    await page.getByRole('heading', { level: 1, name: 'Ny arbeidsgruppe' }).waitFor();
    await page.getByTestId('found-sak').waitFor();
    // Nothing named: the form says what is missing, at the field.
    await page.getByRole('button', { name: 'Sett ned gruppen' }).click();
    await page.getByText('Gi gruppen et navn.').first().waitFor();
    await page.getByLabel('Navn', { exact: true }).fill('E2E-gruppen for høringssvar');
    await page.getByRole('group', { name: 'Medlem 2' }).getByLabel('Plassholder').fill('en fra KS');
    await expectAccessible(page, 'new working group');
    await screenshot(page, 'ny-arbeidsgruppe');
    await page.getByRole('button', { name: 'Sett ned gruppen' }).click();
    await page.getByRole('heading', { level: 1, name: 'E2E-gruppen for høringssvar' }).waitFor();
    await page.getByText('«E2E-gruppen for høringssvar» er opprettet.').waitFor();
    await page.getByRole('link', { name: new RegExp(sak.code) }).first().waitFor();

    await page.getByRole('button', { name: 'Endre gruppen' }).click();
    const form = page.getByTestId('edit-group');
    await form.getByLabel('Status').selectOption('ACTIVE');
    await form.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Arbeidsgruppen er lagret.').waitFor();

    await page.getByRole('button', { name: 'Legg til medlem' }).click();
    const add = page.getByTestId('add-member');
    await add.getByLabel('Plassholder').fill('NN');
    await add.getByRole('button', { name: 'Legg til medlem' }).click();
    await page.getByText('NN er lagt til i gruppen.').waitFor();
    await expectAccessible(page, 'working group');
    await screenshot(page, 'arbeidsgruppe');

    await page.goto('/working-groups');
    await page.getByRole('link', { name: 'E2E-gruppen for høringssvar' }).waitFor();
    await expectAccessible(page, 'working groups');
    await screenshot(page, 'arbeidsgrupper');
  });

  it('edits the overview of policy documents in place, filters and sorts it', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto('/consultations');
    await page.getByTestId('overview').waitFor();
    const edit = page.getByRole('button', { name: /^Endre forslag til videre oppfølging for / }).first();
    const title = (await edit.getAttribute('aria-label')).replace('Endre forslag til videre oppfølging for ', '');
    await edit.click();
    await page.getByLabel(`Forslag videre oppfølging for ${title}`).fill('Arbeidsgruppen leverer utkast innen fristen.');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByText(`Endringen i «${title}» er lagret.`).waitFor();
    await page.getByTestId('overview').getByText('Arbeidsgruppen leverer utkast innen fristen.').waitFor();
    await expectAccessible(page, 'overview (secretariat)');
    await screenshot(page, 'oversikt-meldinger-og-strategier');

    await page.getByLabel('Sorter etter').selectOption('deadline');
    await page.waitForURL(/sort=deadline/);
    await page.getByLabel('Søk i tabellen').fill('NOU');
    await page.waitForURL(/q=NOU/);
    // Only rows about a NOU are left, and there is at least one.
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="overview-row"]')];
      return rows.length > 0 && rows.every((r) => /NOU/i.test(r.textContent ?? ''));
    });
  });

  it('adds a consultation round to a document, and the deadline is flagged', async (t) => {
    if (needsDemo(t)) return;
    const { overview } = await app.gql(secretariatToken, '{ overview { document { id title } } }');
    const doc = overview[0].document;
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto(`/consultations/documents/${doc.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(doc.title.slice(0, 20)) }).waitFor();
    await page.getByRole('button', { name: 'Ny runde' }).click();
    const form = page.getByTestId('round-form');
    await form.getByLabel(/Sendt ut/).fill(dayFromToday(0));
    await form.getByLabel('Frist', { exact: true }).fill(dayFromToday(20));
    await form.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Runden er lagret.').waitFor();
    const rounds = page.getByTestId('rounds');
    await rounds.getByTestId('flag-SHORT_DEADLINE').first().waitFor();
    await rounds.getByTestId('flag-NO_WORKING_GROUP').first().waitFor();
    await expectAccessible(page, 'policy document');
    await screenshot(page, 'dokument');

    await page.goto('/consultations/deadlines');
    await page.getByTestId('deadlines').getByRole('link', { name: new RegExp(doc.title.slice(0, 20)) }).first().waitFor();
    await expectAccessible(page, 'deadlines');
    await screenshot(page, 'frister');

    await page.goto('/consultations/documents');
    await page.getByTestId('documents').waitFor();
    await expectAccessible(page, 'all documents');
  });

  it('reads the annual report with charts, and downloads a table as CSV', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto('/annual-report?year=2025');
    await page.getByRole('heading', { level: 1, name: 'Årsrapport 2025' }).waitFor();
    await page.getByTestId('key-figures').waitFor();
    assert.ok((await page.getByRole('img').count()) >= 2, 'charts are images with a text alternative');
    await expectAccessible(page, 'annual report');
    await screenshot(page, 'arsrapport');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Last ned «Møtene» som CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.ok(csv.split('\n').length >= 2, 'a header and rows');
    assert.match(csv, /2\/2025/);

    // The year's events are recorded here, and counted at once.
    const events = page.getByTestId('report-events');
    await events.getByRole('button', { name: 'Nytt arrangement' }).click();
    const form = page.getByTestId('event-form');
    await form.getByLabel('Tittel').fill('Frokostmøte om helsedata (E2E)');
    await form.getByLabel('Type').selectOption('FROKOSTMOTE');
    await form.getByLabel('Dato').fill('2025-10-02');
    await form.getByRole('button', { name: 'Nytt arrangement' }).click();
    await page.getByText('«Frokostmøte om helsedata (E2E)» er lagt til.').waitFor();
    await events.getByRole('cell', { name: 'Frokostmøte om helsedata (E2E)', exact: true }).waitFor();
    await events.getByRole('button', { name: 'Fjern «Frokostmøte om helsedata (E2E)»' }).click();
    await page.getByText('«Frokostmøte om helsedata (E2E)» er fjernet.').waitFor();
    await events.getByRole('cell', { name: 'Frokostmøte om helsedata (E2E)', exact: true }).waitFor({ state: 'detached' });
  });

  it('searches from the header and opens the sak of a highlighted hit', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.getByRole('searchbox', { name: 'Søk i saker, vedtak og dokumenter' }).fill('helsedata');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.waitForURL(/\/search\?q=helsedata/);
    const results = page.getByTestId('search-results');
    await results.waitFor();
    assert.ok((await results.locator('mark').count()) > 0, 'the matching words are marked');
    assert.equal(await results.locator('script').count(), 0);
    await expectAccessible(page, 'search');
    await screenshot(page, 'sok');
    await results.getByRole('link', { name: /^Sak / }).first().click();
    await page.waitForURL(/\/saker\/\d+-\d+-\d{4}/);
  });

  it('finds people and organisations, and loads more hits', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto('/search?q=UiO');
    const results = page.getByTestId('search-results');
    const organisation = results.getByRole('listitem').filter({ has: page.getByText('Organisasjon', { exact: true }) });
    await organisation.getByRole('heading', { name: 'Universitetet i Oslo' }).waitFor();
    assert.equal(await organisation.getByRole('link', { name: /Universitetet i Oslo/ }).count(), 0, 'no page to open');

    // Paging: the first 50 hits, then the rest after the last hit's cursor.
    await page.goto('/search?q=helse');
    await results.waitFor();
    const hits = results.locator(':scope > li');
    assert.equal(await hits.count(), 50);
    await page.getByRole('button', { name: 'Vis flere treff' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="search-results"] > li').length > 50);
    const all = await hits.allInnerTexts();
    assert.equal(new Set(all).size, all.length, 'no hit twice');
    await page.getByRole('button', { name: 'Vis flere treff' }).waitFor({ state: 'detached' });
    await expectAccessible(page, 'search (more hits)');

    await page.goto('/search?q=Rørtveit');
    const person = results.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Guri Rørtveit' }) });
    await person.getByText('Person', { exact: true }).waitFor();
    await person.getByRole('link', { name: 'Guri Rørtveit' }).click();
    await page.waitForURL(/\/people\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: /Guri Rørtveit/ }).waitFor();
    assert.deepEqual(page.errors, []);
  });

  it('creates a user, changes the role, and finds it in the audit log', async () => {
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Brukere og roller' }).click();
    await page.getByRole('heading', { level: 1, name: 'Brukere og roller' }).waitFor();
    await page.getByRole('button', { name: 'Ny bruker' }).click();
    const form = page.getByTestId('create-user');
    await form.getByLabel('Navn').fill('Olga Observatør');
    await form.getByLabel('E-post').fill('e2e-olga@example.org');
    await form.getByLabel('Første passord').fill('kort');
    await form.getByRole('button', { name: 'Lag kontoen' }).click();
    await form.getByText('Passordet må ha minst 8 tegn.').first().waitFor();
    assert.equal(await form.getByLabel('Navn').inputValue(), 'Olga Observatør', 'the form keeps what was typed');
    // The API refuses an e-mail already in use: the error is at the field, the rest stays.
    await form.getByLabel('E-post').fill(MEMBER.email);
    await form.getByLabel('Første passord').fill('et-langt-nok-passord');
    await form.getByRole('button', { name: 'Lag kontoen' }).click();
    await form.getByText('Det finnes allerede en konto med denne e-postadressen.').first().waitFor();
    assert.equal(await form.getByLabel('Første passord').inputValue(), 'et-langt-nok-passord');
    await expectAccessible(page, 'users (server error at the field)');
    await form.getByLabel('E-post').fill('e2e-olga@example.org');
    await form.getByRole('button', { name: 'Lag kontoen' }).click();
    await page.getByText('Kontoen e2e-olga@example.org er laget.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Endre kontoen til Olga Observatør' }).click();
    const manage = page.getByTestId('manage-user');
    await manage.getByLabel('Rolle').selectOption('OBSERVER');
    await manage.getByRole('button', { name: 'Lagre rollen' }).click();
    await page.getByText('Olga Observatør har nå rollen Observatør.', { exact: false }).waitFor();
    await page.getByTestId('users').getByRole('row', { name: /Olga Observatør/ }).getByText('Observatør', { exact: true }).waitFor();

    // The secretariat's stronger password rule: a promotion asks for a new password.
    const rolePassword = manage.getByLabel('Nytt passord for sekretariatet');
    assert.equal(await rolePassword.count(), 0, 'no password field for other roles');
    await manage.getByLabel('Rolle').selectOption('SECRETARIAT');
    await rolePassword.fill('for-kort');
    await manage.getByRole('button', { name: 'Lagre rollen' }).click();
    await manage.getByText('Passordet må ha minst 15 tegn.').first().waitFor();
    assert.equal(await rolePassword.inputValue(), 'for-kort', 'the field keeps what was typed');
    await expectAccessible(page, 'users (secretariat password)');
    await rolePassword.fill('et-passord-for-sekretariatet');
    await manage.getByRole('button', { name: 'Lagre rollen' }).click();
    await page.getByText('Olga Observatør har nå rollen Sekretariatet.', { exact: false }).waitFor();
    await page.getByTestId('users').getByRole('row', { name: /Olga Observatør/ }).getByText('Sekretariatet', { exact: true }).waitFor();
    await expectAccessible(page, 'users');
    await screenshot(page, 'brukere');

    await page.goto('/admin/audit?entity=user_account');
    await page.getByRole('heading', { level: 1, name: 'Endringslogg' }).waitFor();
    const log = page.getByTestId('audit-log');
    await log.getByRole('cell', { name: 'e2e-olga@example.org' }).first().waitFor();
    await log.getByRole('cell', { name: 'observer' }).first().waitFor();
    await expectAccessible(page, 'audit log');
    await screenshot(page, 'endringslogg');
  });
});

describe('a member', () => {
  let meeting;
  let sak;
  let minutesMeeting;

  before(async () => {
    if (!app.demo.loaded) return;
    // The member's account belongs to a council member who has no account yet.
    const data = await app.gql(
      secretariatToken,
      '{ users(first: 100) { nodes { id email version person { id } } } people(role: MEMBER, first: 100) { nodes { id name } } }',
    );
    const linked = new Set(data.users.nodes.map((u) => u.person?.id).filter(Boolean));
    const person = data.people.nodes.find((p) => !linked.has(p.id));
    const account = data.users.nodes.find((u) => u.email === MEMBER.email);
    await app.gql(secretariatToken, 'mutation($id: ID!, $v: Int!, $p: ID) { linkUserToPerson(id: $id, version: $v, personId: $p) { id } }', {
      id: account.id,
      v: account.version,
      p: person.id,
    });
    // A meeting two weeks ahead with its notice out, and one held today with minutes out for comments.
    const created = await app.gql(
      secretariatToken,
      'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id code version } } }',
      { input: { date: dayFromToday(14), format: 'PHYSICAL', startsAt: '10:00:00', endsAt: '15:00:00' } },
    );
    meeting = created.createMeeting.meeting;
    const added = await app.gql(secretariatToken, 'mutation($input: CreateSakInput!) { createSak(input: $input) { sak { id code } } }', {
      input: { meetingId: meeting.id, title: 'E2E: Nasjonal strategi for helsedata', types: ['VEDTAK'] },
    });
    sak = added.createSak.sak;
    const fresh = await app.gql(secretariatToken, 'query($id: ID) { meeting(id: $id) { version } }', { id: meeting.id });
    await app.gql(secretariatToken, 'mutation($id: ID!, $v: Int!) { publishNotice(id: $id, version: $v) { meeting { id } } }', {
      id: meeting.id,
      v: fresh.meeting.version,
    });

    const held = await app.gql(
      secretariatToken,
      'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id code version } } }',
      { input: { date: dayFromToday(0), format: 'DIGITAL' } },
    );
    minutesMeeting = held.createMeeting.meeting;
    const step = async (mutation) => {
      const { meeting: m } = await app.gql(secretariatToken, 'query($id: ID) { meeting(id: $id) { version } }', { id: minutesMeeting.id });
      return app.gql(secretariatToken, mutation, { id: minutesMeeting.id, v: m.version, d: dayFromToday(7) });
    };
    await step('mutation($id: ID!, $v: Int!) { publishNotice(id: $id, version: $v) { meeting { id } } }');
    await step('mutation($id: ID!, $v: Int!) { markMeetingHeld(id: $id, version: $v) { id } }');
    await step('mutation($id: ID!, $v: Int!) { startMinutes(meetingId: $id, version: $v) { id } }');
    await step('mutation($id: ID!, $v: Int!, $d: NaiveDate!) { sendMinutesForComments(meetingId: $id, version: $v, commentDeadline: $d) { id } }');
  });

  it('sees the next meeting’s papers on their page and declares an interest in a sak', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await login(page, MEMBER);
    await page.getByRole('link', { name: 'Min side' }).click();
    await page.getByRole('heading', { level: 1, name: `Hei, ${MEMBER.name}` }).waitFor();
    const next = page.getByTestId('next-meeting');
    await next.getByRole('heading', { name: `Møte ${meeting.code}` }).waitFor();
    await next.getByRole('link', { name: new RegExp(`${sak.code} E2E: Nasjonal strategi`) }).waitFor();
    await expectAccessible(page, 'member page');
    await next.getByRole('button', { name: `Meld interesse i sak ${sak.code}` }).click();
    await page.getByLabel(`Din interesse i sak ${sak.code}`).fill('Jeg sitter i styret for et helsedataprosjekt.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText(`Interessen i sak ${sak.code} er meldt.`, { exact: false }).waitFor();
    await next.getByText('Meldt, ikke vurdert').waitFor();
    await expectAccessible(page, 'member page (declared)');
    await screenshot(page, 'min-side');
  });

  it('comments on draft minutes before the merknadsfrist', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await login(page, MEMBER);
    await page.goto('/my');
    const minutes = page.getByTestId('minutes-for-comments');
    await minutes.getByRole('heading', { name: `Referatutkast fra møte ${minutesMeeting.code}` }).waitFor();
    await minutes.getByLabel('Merknad', { exact: true }).fill('Navnet mitt er stavet feil under sak 1.');
    await minutes.getByRole('button', { name: 'Send merknaden' }).click();
    await minutes.getByText('Takk! Merknaden er sendt til sekretariatet.').waitFor();
    await minutes.getByText('Navnet mitt er stavet feil under sak 1.').waitFor();
    await expectAccessible(page, 'member page (comment sent)');
  });

  it('reads people, groups and documents but is offered nothing to change', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await login(page, MEMBER);
    await page.goto('/people/all');
    await page.getByTestId('people').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Ny person' }).count(), 0);
    await page.getByTestId('people').getByRole('link').first().click();
    await page.getByTestId('person').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Endre personopplysninger' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Ny oppnevning' }).count(), 0);
    await expectAccessible(page, 'person (member)');

    await page.goto('/consultations');
    await page.getByTestId('overview').waitFor();
    assert.equal(await page.getByRole('button', { name: /^Endre/ }).count(), 0);
    await page.goto('/working-groups?mine=1');
    await page.getByRole('checkbox', { name: 'Bare gruppene jeg er med i' }).waitFor();
    await page.goto('/admin/users');
    await page.getByRole('heading', { level: 1, name: 'Ingen tilgang' }).waitFor();
    await page.goto('/annual-report?year=2025');
    await page.getByTestId('key-figures').waitFor();
  });
});
