// End-to-end: a meeting's whole life in the browser, as the secretariat runs it and as a
// member and the public see it. The steps build on each other, in order.
//   secretariat: create from the skeleton, add a sak, reorder by keyboard, time slots,
//   saksfremlegg with attachment, reference, follow-up and an edit conflict, publish the
//   notice, attendance, habilitet, held, minutes, send for comments;
//   member: sees the draft minutes and comments; secretariat: marks it handled, approves
//   the minutes in the next meeting, publishes them, downloads the referat;
//   public: sees only what is published.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { expectAccessible, login, MEMBER, retry, screenshot, SECRETARIAT, start } from './harness.mjs';

let app;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const year = today.slice(0, 4);
const plusDays = (n) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const NEW_SAK = 'Tilgang til helsedata for forskning';
/** What the steps learn about the meeting as they go. */
const state = { code: null, slug: null, sakCode: null, memberPerson: null };

before(async () => {
  app = await start();
  // The member account belongs to a council member, as a real member's does.
  const token = await app.tokenFor(SECRETARIAT);
  const { council } = await app.gql(token, 'query($d: NaiveDate) { council(date: $d) { sectors { members { person { id name } } } } }', {
    d: today,
  });
  // Not the first member: the steps below find the first one inhabil in the new sak.
  const person = council.sectors.flatMap((s) => s.members).map((m) => m.person).filter(Boolean).at(-1);
  if (person) {
    const { users } = await app.gql(token, '{ users(role: MEMBER, first: 100) { nodes { id email version } } }');
    const user = users.nodes.find((u) => u.email === MEMBER.email);
    await app.gql(token, 'mutation($id: ID!, $v: Int!, $p: ID) { linkUserToPerson(id: $id, version: $v, personId: $p) { id } }', {
      id: user.id,
      v: user.version,
      p: person.id,
    });
    state.memberPerson = person;
  }
});

after(async () => {
  await app?.stop();
});

/** Attendance, habilitet and the member's steps need the council of the demo data. */
function needsDemo(t) {
  if (app.demo.loaded) return false;
  t.skip(`demo data not loaded (${app.demo.reason})`);
  return true;
}

describe('a meeting from the first draft agenda to published minutes', () => {
  it('the secretariat creates a meeting from the standing skeleton', async () => {
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto('/meetings');
    await page.getByRole('link', { name: 'Nytt møte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt møte' }).waitFor();
    // Nothing typed: the error is shown at the field, and the summary links to it.
    await page.getByRole('button', { name: 'Lag møtet' }).click();
    await page.getByText('Velg datoen for møtet.').first().waitFor();
    await expectAccessible(page, 'new meeting (with errors)');
    await page.getByLabel('Dato').fill(today);
    await screenshot(page, 'nytt-mote');
    await page.getByRole('button', { name: 'Lag møtet' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Saksliste for møte \d+\/\d{4}$/ });
    await heading.waitFor();
    state.code = (await heading.innerText()).replace('Saksliste for møte ', '');
    state.slug = state.code.replace('/', '-');
    assert.ok(state.code.endsWith(`/${year}`));
    await page.getByTestId('meeting-created').waitFor();
    const rows = page.getByTestId('agenda-row');
    assert.ok((await rows.count()) >= 6, 'the standing skeleton is on the agenda');
    assert.match(await rows.first().innerText(), /Godkjenning av innkalling og saksliste/);
    assert.match(await rows.nth(1).innerText(), /Spørsmål om habilitet/);
    assert.deepEqual(page.errors, []);
  });

  it('adds a sak, reorders it by keyboard (numbers follow), and warns about time slots', async () => {
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto(`/meetings/${state.slug}/agenda`);
    const form = page.getByTestId('add-sak');
    await form.getByLabel('Tittel').fill(NEW_SAK);
    await form.getByLabel('Vedtakssak').check();
    await form.getByRole('button', { name: 'Legg til saken' }).click();
    await page.getByTestId('agenda-notice').getByText(`«${NEW_SAK}» er lagt til`).waitFor();
    const rows = page.getByTestId('agenda-row');
    const row = rows.filter({ hasText: NEW_SAK });
    await row.waitFor();
    const before = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    const index = (await rows.allInnerTexts()).findIndex((t) => t.includes(NEW_SAK));
    assert.ok(index > 2, 'the new sak comes after the opening items');
    assert.match(await rows.nth(index + 1).innerText(), /Eventuelt/, 'and before Eventuelt');
    await expectAccessible(page, 'agenda builder');

    // Keyboard: focus the handle, pick up with space, one up, drop with space.
    const handle = row.getByRole('button', { name: new RegExp(`^Flytt sak .*${NEW_SAK}`) });
    // Each key waits for dnd-kit's announcement, as a screen reader user hears it.
    const live = page.locator('[id^="DndLiveRegion"]');
    const total = await rows.count();
    await handle.focus();
    await page.keyboard.press('Space');
    await live.getByText(`er flyttet til plass ${index + 1} av ${total}`).waitFor();
    await page.keyboard.press('ArrowUp');
    await live.getByText(`er flyttet til plass ${index} av ${total}`).waitFor();
    await page.keyboard.press('Space');
    await live.getByText(`er sluppet på plass ${index} av ${total}`).waitFor();
    await page.getByTestId('agenda-notice').getByText('Rekkefølgen er lagret, og sakene er nummerert etter den.').waitFor();
    // Renumbered in agenda order: the moved sak takes the number of the place it moved to.
    await page.waitForFunction(
      ([title, i, code]) => {
        const row = [...document.querySelectorAll('[data-testid="agenda-row"]')][i];
        return row?.textContent?.includes(title) && row.getAttribute('data-code') === code;
      },
      [NEW_SAK, index - 1, before[index - 1]],
    );

    // Without the switch a move keeps the numbers; the action numbers them in one call.
    await page.getByLabel('Nummerer sakene etter rekkefølgen').uncheck();
    await handle.focus();
    await page.keyboard.press('Space');
    await live.getByText(`er flyttet til plass ${index} av ${total}`).waitFor();
    await page.keyboard.press('ArrowDown');
    await live.getByText(`er flyttet til plass ${index + 1} av ${total}`).waitFor();
    await page.keyboard.press('Space');
    await live.getByText(`er sluppet på plass ${index + 1} av ${total}`).waitFor();
    await page.getByTestId('agenda-notice').getByText('Rekkefølgen er lagret.', { exact: true }).waitFor();
    const codeAt = (i) => rows.nth(i).getAttribute('data-code');
    await page.waitForFunction(
      ([title, i]) => [...document.querySelectorAll('[data-testid="agenda-row"]')][i]?.textContent?.includes(title),
      [NEW_SAK, index],
    );
    assert.equal(await codeAt(index), before[index - 1], 'the moved sak keeps its number');
    await page.getByRole('button', { name: 'Nummerer sakene i sakslisterekkefølge nå' }).click();
    await page.getByTestId('agenda-notice').getByText('Rekkefølgen er lagret, og sakene er nummerert etter den.').waitFor();
    // The numbers now rise with the places, from the first one.
    const numberOf = (code) => Number(code.split('/')[0]);
    await page.waitForFunction(() => {
      const codes = [...document.querySelectorAll('[data-testid="agenda-row"]')].map((e) => Number(e.getAttribute('data-code')?.split('/')[0]));
      return codes.every((n, i) => i === 0 || n === codes[i - 1] + 1);
    });
    const after = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    assert.equal(numberOf(after[0]), Math.min(...before.map(numberOf)), 'numbered from the first number');
    state.sakCode = after[index];
    assert.ok(state.sakCode, 'the moved sak has a code');

    // The mouse: drag the handle onto the next row and back; the API has each order.
    const dragOnto = async (to) => {
      await handle.evaluate((el) => el.scrollIntoView({ block: 'center' })); // the mouse acts within the viewport
      const a = await handle.boundingBox();
      const b = await rows.nth(to).boundingBox();
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
      await page.mouse.down();
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 + 8, { steps: 4 }); // past the 4 px to pick up
      await page.mouse.move(a.x + a.width / 2, b.y + b.height / 2, { steps: 12 });
      await page.mouse.up();
    };
    const apiPlace = async () => {
      const token = await app.tokenFor(SECRETARIAT);
      const { meeting } = await app.gql(token, 'query($c: String!) { meeting(code: $c) { saker { title } } }', { c: state.code });
      return meeting.saker.findIndex((s) => s.title === NEW_SAK);
    };
    for (const to of [index + 1, index]) {
      await dragOnto(to);
      await page.waitForFunction(
        ([title, i]) => [...document.querySelectorAll('[data-testid="agenda-row"]')][i]?.textContent?.includes(title),
        [NEW_SAK, to],
      );
      await retry(async () => assert.equal(await apiPlace(), to), { timeoutMs: 5_000 });
    }

    // Time slots that overlap are pointed out as they are saved.
    const moved = rows.filter({ hasText: NEW_SAK });
    await moved.getByLabel(`Starttid for sak ${state.sakCode}`).fill('10:30');
    await moved.getByLabel(`Sluttid for sak ${state.sakCode}`).fill('11:30');
    await moved.getByLabel(`Sluttid for sak ${state.sakCode}`).blur();
    const other = rows.nth(0);
    const otherCode = await other.getAttribute('data-code');
    await other.getByLabel(`Starttid for sak ${otherCode}`).fill('11:00');
    await other.getByLabel(`Sluttid for sak ${otherCode}`).fill('11:15');
    await other.getByLabel(`Sluttid for sak ${otherCode}`).blur();
    await other.getByTestId('slot-warnings').getByText(`Overlapper med sak ${state.sakCode}.`).waitFor();
    await page.getByTestId('slot-summary').getByText(/Satt opp tid: 1 t 15 min av møtets 5 t\./).waitFor();
    await expectAccessible(page, 'agenda builder (warnings)');
    await screenshot(page, 'saksliste-bygger');
    assert.deepEqual(page.errors, []);
  });

  it('writes the saksfremlegg with an attachment, a reference and a follow-up, and resolves an edit conflict', async () => {
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto(`/saker/${state.sakCode.replaceAll('/', '-')}`);
    await page.getByRole('heading', { level: 1, name: `Sak ${state.sakCode} ${NEW_SAK}` }).waitFor();
    const form = page.getByTestId('sak-form');
    await form.getByLabel('Bakgrunn').fill('Rådet har fulgt arbeidet med tilgang til helsedata siden 2023.');
    await form.getByLabel('Hvorfor saken fremmes').fill('Rådet bes gi innspill til videre arbeid.');
    await form.getByLabel('Forslag til vedtak').fill('Rådet tar orienteringen til etterretning.\n\n[ ] deltar i arbeidsgruppen.');
    await form.getByRole('button', { name: 'Lagre saksfremlegget' }).click();
    await page.getByTestId('sak-saved').waitFor();

    // Someone else saves the same sak meanwhile: the form explains it and keeps the text.
    const token = await app.tokenFor(SECRETARIAT);
    const { sak } = await app.gql(token, 'query($c: String!) { sak(code: $c) { id version } }', { c: state.sakCode });
    await app.gql(token, 'mutation($i: UpdateSakInput!) { updateSak(input: $i) { sak { id } } }', {
      i: { id: sak.id, version: sak.version, keyPoints: 'Skrevet av en kollega.' },
    });
    await form.getByLabel('Hovedpunkter').fill('Mine hovedpunkter.');
    await form.getByRole('button', { name: 'Lagre saksfremlegget' }).click();
    const conflict = page.getByTestId('edit-conflict');
    await conflict.getByText('Skrevet av en kollega.').waitFor();
    await expectAccessible(page, 'sak (edit conflict)');
    await screenshot(page, 'sak-konflikt');
    await conflict.getByRole('button', { name: 'Lagre min versjon' }).click();
    await page.getByTestId('sak-saved').waitFor();
    await conflict.waitFor({ state: 'detached' });
    assert.equal(await form.getByLabel('Hovedpunkter').inputValue(), 'Mine hovedpunkter.');

    // A file, uploaded with progress, becomes vedlegg 1.
    const attachments = page.getByTestId('attachments');
    const upload = attachments.getByRole('form', { name: 'Last opp en fil' });
    await upload.getByLabel('Fil', { exact: true }).setInputFiles({
      name: 'notat.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Notat om helsedata.\n'),
    });
    await upload.getByLabel('Tittel på vedlegget').fill('Notat om helsedata');
    await upload.getByRole('button', { name: 'Last opp' }).click();
    await page.getByTestId('upload-done').waitFor();
    await attachments.getByRole('link', { name: 'Notat om helsedata' }).waitFor();

    // A reference to an earlier sak, found by its number.
    const references = page.getByTestId('references');
    await references.getByLabel('Finn en sak å henvise til').fill(app.demo.loaded ? '38/3/2025' : state.sakCode);
    await references.getByRole('button', { name: 'Søk' }).click();
    const found = page.getByTestId('found-saker');
    await found.waitFor();
    await found.getByRole('button', { name: /^Henvis til sak / }).first().click();
    await references.getByText('Tidligere behandlet:').waitFor();

    // A follow-up item.
    const followUps = page.getByTestId('follow-ups');
    await followUps.getByLabel('Hva skal følges opp').fill('Sekretariatet følger opp innspillet til departementet.');
    await followUps.getByLabel('Ansvarlig').fill('Sekretariatet');
    await followUps.getByRole('button', { name: 'Legg til' }).click();
    await followUps.getByRole('cell', { name: 'Sekretariatet følger opp innspillet til departementet.', exact: true }).waitFor();
    await expectAccessible(page, 'sak page');
    await screenshot(page, 'sak-saksfremlegg');
    assert.deepEqual(page.errors, []);
  });

  it('the public cannot see a meeting that is only planned', async () => {
    const page = await app.newPage();
    await page.goto(`/meetings/${state.slug}`);
    await page.getByRole('heading', { level: 1, name: 'Møtet finnes ikke' }).waitFor();
  });

  it('publishes the notice (with the short-notice warning), records attendance and habilitet', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto(`/meetings/${state.slug}`);
    const workflow = page.getByTestId('workflow');
    await workflow.getByRole('button', { name: 'Publiser innkalling og saksliste' }).click();
    await workflow.getByTestId('workflow-warnings').getByText(/mindre enn sju dager før møtet/).waitFor();
    await expectAccessible(page, 'meeting (notice published, warning)');
    await screenshot(page, 'mote-arbeidsflyt');

    await page.getByRole('navigation', { name: `Verktøy for møte ${state.code}` }).getByRole('link', { name: 'Oppmøte' }).click();
    await page.getByRole('heading', { level: 1, name: `Oppmøte på møte ${state.code}` }).waitFor();
    const grid = page.getByTestId('attendance-grid-members');
    const first = grid.getByTestId('attendance-row').first();
    const firstName = await first.getAttribute('data-name');
    await first.getByRole('radio', { name: `Forfall: ${firstName}` }).check();
    const second = grid.getByTestId('attendance-row').nth(1);
    const secondName = await second.getAttribute('data-name');
    await second.getByRole('radio', { name: `Digitalt: ${secondName}` }).check();
    await second.getByRole('checkbox', { name: /Delvis/ }).check();
    await second.getByLabel(`Til stede fra sak: ${secondName}`).selectOption({ label: state.sakCode });
    await page.getByRole('button', { name: 'Sett resten til stede' }).first().click();
    await page.getByRole('button', { name: 'Legg til gjest' }).click();
    await page.getByLabel('Navn, gjest 1').fill('Martin Ingvar');
    await page.getByLabel('Organisasjon').fill('Karolinska Institutet');
    await page.getByLabel('Til stede for').selectOption({ label: `Sak ${state.sakCode} ${NEW_SAK}` });
    await expectAccessible(page, 'attendance grid');
    await page.getByRole('button', { name: 'Lagre oppmøtet' }).click();
    await page.getByTestId('attendance-saved').waitFor();
    await screenshot(page, 'oppmote');

    await page.getByRole('navigation', { name: `Verktøy for møte ${state.code}` }).getByRole('link', { name: 'Habilitet' }).click();
    const assess = page.getByTestId('assess-form');
    await assess.getByLabel('Sak', { exact: true }).selectOption({ label: `Sak ${state.sakCode} ${NEW_SAK}` });
    await assess.getByLabel('Medlem').selectOption({ label: firstName });
    await assess.getByLabel('Inhabil: deltar ikke i behandlingen').check();
    await assess.getByLabel('Begrunnelse').fill('Leder et prosjekt som søker tilgang til dataene.');
    await assess.getByRole('button', { name: 'Lagre vurderingen' }).click();
    await page.getByTestId('assessed').waitFor();
    await page.getByText(`${firstName} er inhabil for sak ${state.sakCode} og forlater møtet under diskusjonen av saken.`).first().waitFor();
    await expectAccessible(page, 'habilitet');
    await screenshot(page, 'habilitet');
    assert.deepEqual(page.errors, []);
  });

  it('holds the meeting, writes the minutes and sends them for comments', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto(`/meetings/${state.slug}`);
    const workflow = page.getByTestId('workflow');
    await workflow.getByRole('button', { name: 'Marker møtet som avholdt' }).click();
    await workflow.getByText('Møtet er markert som avholdt.', { exact: false }).waitFor();
    await workflow.getByRole('button', { name: 'Start referatet' }).click();
    await workflow.getByText('Referatutkastet er startet.', { exact: false }).waitFor();

    await page.goto(`/meetings/${state.slug}/minutes`);
    await page.getByRole('heading', { level: 1, name: `Referat fra møte ${state.code}` }).waitFor();
    const sak = page.locator(`[data-testid="minutes-sak"][data-code="${state.sakCode}"]`);
    assert.match(await sak.getByLabel('Vedtak').inputValue(), /Rådet tar orienteringen til etterretning/, 'the vedtak starts as the forslag');
    await sak.getByLabel('Diskusjon').fill('Martin Ingvar la frem hovedresultatene. Rådet diskuterte tilgangen til data.');
    await sak.getByLabel('Vedtak').fill('Rådet tar orienteringen til etterretning.\n\nRådet ber sekretariatet følge opp innspillet.');
    await sak.getByRole('button', { name: 'Lagre saken' }).click();
    await sak.getByText(`Sak ${state.sakCode} er lagret.`).waitFor();
    await expectAccessible(page, 'minutes editor');
    await screenshot(page, 'referat-editor');

    await page.goto(`/meetings/${state.slug}`);
    await workflow.getByRole('button', { name: 'Send referatet til merknader' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Merknadsfrist').fill(plusDays(7));
    await expectAccessible(page, 'send for comments dialog');
    await dialog.getByRole('button', { name: 'Send referatet' }).click();
    await workflow.getByText('Referatet er sendt til medlemmene', { exact: false }).waitFor();
    assert.deepEqual(page.errors, []);
  });

  it('the public does not see draft minutes sent for comments', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await page.goto(`/meetings/${state.slug}`);
    await page.getByRole('heading', { level: 1, name: `Møte ${state.code}` }).waitFor();
    await page.getByText('Oppmøtet vises sammen med referatet når det er klart for deg.').waitFor();
    assert.equal(await page.getByTestId('vedtak').count(), 0, 'no vedtak before the minutes are published');
    assert.equal(await page.getByRole('link', { name: 'Referat som PDF' }).count(), 0);
    const [number] = state.code.split('/');
    const res = await fetch(`${app.base}/documents/meetings/${year}/${number}/referat.pdf`);
    assert.equal(res.status, 404, 'the draft referat is not public');
  });

  it('a member sees the draft minutes sent for comments and comments on a sak', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await login(page, MEMBER);
    await page.getByTestId('minutes-waiting').getByRole('link', { name: `Referat fra møte ${state.code}` }).waitFor();
    await expectAccessible(page, 'overview (member)');
    await screenshot(page, 'oversikt-medlem');
    await page.goto(`/meetings/${state.slug}`);
    await page.getByTestId('comments-invite').waitFor();
    assert.equal(await page.getByTestId('workflow').count(), 0, 'a member gets no workflow buttons');
    const form = page.getByTestId('comment-form');
    // The inhabil member may not comment on that sak; this member is not the inhabil one.
    await form.getByLabel('Merknaden gjelder').selectOption({ label: `Sak ${state.sakCode} ${NEW_SAK}` });
    await form.getByLabel('Merknad', { exact: true }).fill('Skriv «Karolinska Institutet» fullt ut i referatet.');
    await form.getByRole('button', { name: 'Send merknaden' }).click();
    await form.getByText('Takk! Merknaden er sendt til sekretariatet.').waitFor();
    await page.getByTestId('comments').getByText('Skriv «Karolinska Institutet» fullt ut i referatet.').waitFor();
    await expectAccessible(page, 'meeting (member, comments)');
    await screenshot(page, 'merknader-medlem');
    assert.deepEqual(page.errors, []);
  });

  it('the secretariat marks the comment handled, approves the minutes in the next meeting and publishes them', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto(`/meetings/${state.slug}/minutes`);
    const sak = page.locator(`[data-testid="minutes-sak"][data-code="${state.sakCode}"]`);
    await sak.getByText('Skriv «Karolinska Institutet» fullt ut i referatet.').waitFor();
    await sak.getByRole('button', { name: 'Merk som behandlet' }).click();
    await sak.getByText('Behandlet', { exact: true }).waitFor();

    // The next meeting approves these minutes under its "Godkjenning av referat" sak.
    await page.goto('/meetings/new');
    await page.getByLabel('Dato').fill(plusDays(14));
    await page.getByRole('button', { name: 'Lag møtet' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Saksliste for møte / });
    await heading.waitFor();
    const next = (await heading.innerText()).replace('Saksliste for møte ', '');
    await page.getByTestId('agenda-row').filter({ hasText: `Godkjenning av referat fra møte ${state.code}` }).waitFor();
    const add = page.getByTestId('add-sak');
    await add.getByLabel('Tittel').fill('Strategi for helsedata 2027');
    await add.getByLabel('Diskusjonssak').check();
    await add.getByRole('button', { name: 'Legg til saken' }).click();
    await page.getByTestId('agenda-row').filter({ hasText: 'Strategi for helsedata 2027' }).waitFor();
    await page.goto(`/meetings/${next.replace('/', '-')}`);
    const workflow = page.getByTestId('workflow');
    await workflow.getByRole('button', { name: 'Publiser innkalling og saksliste' }).click();
    await workflow.getByTestId('workflow-done').waitFor();
    await workflow.getByRole('button', { name: `Godkjenn referatet fra møte ${state.code}` }).click();
    await workflow.getByText(`Referatet fra møte ${state.code} er godkjent og låst.`).waitFor();

    await page.goto(`/meetings/${state.slug}`);
    // The sak of the next meeting that approved them, linked.
    const approval = page.getByRole('link', { name: new RegExp(`^Godkjent i sak \\d+/${next.replace('/', '\\/')}$`) });
    await approval.waitFor();
    assert.match(await approval.getAttribute('href'), /^\/saker\/\d+-\d+-\d{4}$/);
    await page.getByTestId('workflow').getByRole('button', { name: 'Publiser referatet' }).click();
    await page.getByTestId('workflow').getByText('Referatet er publisert.', { exact: false }).waitFor();
    await expectAccessible(page, 'meeting (minutes published)');
    await screenshot(page, 'mote-publisert-referat');

    // The referat as PDF, fetched with the login and handed over as a download.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Referat som PDF' }).click(),
    ]);
    const file = await download.path();
    const bytes = readFileSync(file);
    assert.equal(bytes.subarray(0, 4).toString(), '%PDF', 'the referat is a PDF');
    assert.match(download.suggestedFilename(), /\.pdf$/);
    assert.deepEqual(page.errors, []);
  });

  it('the public sees the published minutes, but no draft papers of later meetings', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await page.goto(`/meetings/${state.slug}`);
    await page.getByRole('heading', { level: 1, name: `Møte ${state.code}` }).waitFor();
    await page.getByTestId('vedtak').filter({ hasText: 'Rådet ber sekretariatet følge opp innspillet.' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Til stede', exact: true }).waitFor();
    assert.equal(await page.getByTestId('workflow').count(), 0);
    assert.equal(await page.getByTestId('comment-form').count(), 0);
    await page.getByRole('link', { name: 'Referat som PDF' }).waitFor();
    await expectAccessible(page, 'meeting (public, published minutes)');
    await screenshot(page, 'mote-offentlig');

    // The referat document itself is public now; draft minutes elsewhere are not.
    const [number] = state.code.split('/');
    const res = await fetch(`${app.base}/documents/meetings/${year}/${number}/referat.pdf`);
    assert.equal(res.status, 200);

    // The sak is found by words of its title and by its number.
    await page.goto('/saker');
    const search = page.getByRole('search', { name: 'Søk etter saker' });
    await search.getByLabel('Saksnummer eller ord fra tittelen').fill('helsedata forskning');
    await search.getByRole('button', { name: 'Søk' }).click();
    await page.getByTestId('sak-results').getByRole('link', { name: `Sak ${state.sakCode} ${NEW_SAK}` }).waitFor();
    await expectAccessible(page, 'saker (search)');
    await screenshot(page, 'saker');
    await search.getByLabel('Saksnummer eller ord fra tittelen').fill(state.sakCode);
    await search.getByRole('button', { name: 'Søk' }).click();
    await page.getByRole('link', { name: `Sak ${state.sakCode}`, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Sak ${state.sakCode} ${NEW_SAK}` }).waitFor();
    await expectAccessible(page, 'sak (public)');
  });

  it('a member declares an interest in a sak of the next meeting, and the secretariat sees it to assess', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await login(page, MEMBER);
    await page.getByTestId('next-meeting').getByRole('link', { name: 'Meld interesser (habilitet) for sakene' }).click();
    const sak = page.getByTestId('habilitet-sak').filter({ hasText: 'Strategi for helsedata 2027' });
    await sak.getByRole('button', { name: /^Din interesse i sak / }).click();
    await sak.getByRole('textbox').fill('Jeg sitter i styret for en organisasjon som omtales i saken.');
    await sak.getByRole('button', { name: 'Meld interessen' }).click();
    await sak.getByText(/har meldt en mulig interesse/).waitFor();
    await expectAccessible(page, 'habilitet (member)');
    await screenshot(page, 'habilitet-medlem');

    const secretariat = await app.newPage();
    await login(secretariat, SECRETARIAT);
    await secretariat.goto(page.url());
    await secretariat.getByText('Ikke vurdert').first().waitFor();
    await secretariat.getByText('Jeg sitter i styret for en organisasjon som omtales i saken.', { exact: false }).first().waitFor();
    assert.deepEqual(page.errors, []);
  });

  it('the secretariat’s overview shows what is missing for the next meeting', async (t) => {
    if (needsDemo(t)) return;
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    const next = page.getByTestId('next-meeting');
    await next.waitFor();
    await next.getByTestId('missing').waitFor();
    await expectAccessible(page, 'overview (secretariat, with meetings)');
    await screenshot(page, 'oversikt-sekretariat');
    assert.deepEqual(page.errors, []);
  });
});
