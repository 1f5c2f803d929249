// End-to-end: the built app served by the real API, in Chromium, checked with axe.
// Run with `npm run e2e` (after `npm run build`); MOTEBOK_BIN points at the API binary.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectAccessible, login, MEMBER, screenshot, SECRETARIAT, start } from './harness.mjs';

let app;

before(async () => {
  app = await start();
  if (!app.demo.loaded) console.log(`demo data not loaded, so the tests that need it are skipped: ${app.demo.reason}`);
});

after(async () => {
  await app?.stop();
});

describe('the public', () => {
  it('sees the overview in Norwegian, with landmarks and no accessibility violations', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Oversikt' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'nb');
    assert.equal(await page.getByRole('banner').count(), 1);
    assert.equal(await page.getByRole('main').count(), 1);
    assert.equal(await page.getByRole('navigation', { name: 'Hovedmeny' }).count(), 1);
    assert.equal(await page.getByRole('search').count(), 1);
    // Screens the public cannot use are not offered.
    assert.equal(await page.getByRole('link', { name: 'Admin' }).count(), 0);
    // The council's name is its settings in the API: the app has none built in.
    const res = await fetch(`${app.base}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ council { settings { name } } }' }),
    });
    const name = (await res.json()).data.council.settings?.name;
    if (name) {
      await page.getByRole('banner').getByText(name, { exact: true }).waitFor();
      await page.getByRole('contentinfo').getByText(name, { exact: false }).waitFor();
    }
    await expectAccessible(page, 'overview (public)');
    await screenshot(page, 'oversikt-offentlig');
    assert.deepEqual(page.errors, []);
  });

  it('can skip to the main content with the keyboard', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hopp til hovedinnholdet' });
    assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  });

  it('switches the language, and the page declares it', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await expectAccessible(page, 'overview (English)');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.getByRole('button', { name: 'Norsk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Oversikt' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'nb');
  });

  it('browses the published meetings by year', async () => {
    const page = await app.newPage();
    await page.goto('/meetings');
    await page.getByRole('heading', { level: 1, name: 'Møter' }).waitFor();
    await page.getByLabel('År').waitFor();
    if (app.demo.loaded) {
      await page.getByLabel('År').selectOption('2025');
      await page.getByRole('link', { name: 'Møte 2/2025' }).waitFor();
    } else {
      // A fresh database: the empty state, not an error.
      await page.getByTestId('empty').waitFor();
    }
    await expectAccessible(page, 'meetings list');
    await screenshot(page, 'moter');
  });

  it('gets a clear page for a meeting that does not exist', async () => {
    const page = await app.newPage();
    await page.goto('/meetings/9-1999');
    await page.getByRole('heading', { level: 1, name: 'Møtet finnes ikke' }).waitFor();
    await expectAccessible(page, 'meeting not found');
  });

  it('is asked to log in for screens that need an account, and comes back after', async () => {
    const page = await app.newPage();
    await page.goto('/admin/api-tokens');
    await page.waitForURL(/\/login\?next=%2Fadmin%2Fapi-tokens$/);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await expectAccessible(page, 'login page');
    await screenshot(page, 'logg-inn');
    await page.getByLabel('E-post').fill(SECRETARIAT.email);
    await page.getByLabel('Passord', { exact: true }).fill(SECRETARIAT.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL(/\/admin\/api-tokens$/);
    await page.getByRole('heading', { level: 1, name: 'API-nøkler' }).waitFor();
  });

  it('is told plainly when the password is wrong, and what is missing', async () => {
    const page = await app.newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Skriv e-postadressen din.').first().waitFor();
    await expectAccessible(page, 'login with missing fields');
    await page.getByLabel('E-post').fill(SECRETARIAT.email);
    await page.getByLabel('Passord', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Feil e-post eller passord.').waitFor();
    await expectAccessible(page, 'login failed');
  });

  it('searches: sak numbers are looked up, and nothing is made up', async () => {
    const page = await app.newPage();
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Søk i saker, vedtak og dokumenter' }).fill('sak 19/2/2026');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.waitForURL(/\/search\?q=sak\+19%2F2%2F2026|\/search\?q=sak%2019%2F2%2F2026/);
    await page.getByText(/Fant saken|Fant ingen sak med nummer 19\/2\/2026/).first().waitFor();
    if (!app.demo.loaded) await page.getByText('Fant ingen sak med nummer 19/2/2026').waitFor();
    await expectAccessible(page, 'search');
    await screenshot(page, 'sok-saksnummer');
  });

  it('gets a not-found page for an unknown address', async () => {
    const page = await app.newPage();
    await page.goto('/no/such/page');
    await page.getByRole('heading', { level: 1, name: 'Siden finnes ikke' }).waitFor();
    await expectAccessible(page, 'not found');
  });
});

describe('the secretariat', () => {
  it('logs in and stays logged in across a reload (silent refresh)', async () => {
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.getByRole('heading', { level: 1, name: `Velkommen, ${SECRETARIAT.name}` }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Admin' }).count(), 1);
    await expectAccessible(page, 'overview (secretariat)');
    await screenshot(page, 'oversikt-sekretariatet');
    await page.reload();
    await page.getByTestId('account-menu').waitFor();
    await page.getByRole('heading', { level: 1, name: `Velkommen, ${SECRETARIAT.name}` }).waitFor();
  });

  it('gets a new access token when the API says the old one is no longer valid', async () => {
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    let refreshes = 0;
    page.on('request', (r) => r.url().endsWith('/auth/refresh') && refreshes++);
    let refused = false;
    await page.route('**/graphql', async (route) => {
      if (!refused && route.request().headers().authorization) {
        refused = true;
        await route.fulfill({
          status: 401,
          contentType: 'application/json',
          body: JSON.stringify({ errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] }),
        });
        return;
      }
      await route.continue();
    });
    await page.goto('/admin/api-tokens');
    await page.getByRole('heading', { level: 2, name: 'Nøklene dine' }).waitFor();
    await page.getByTestId('empty').or(page.getByTestId('api-tokens')).waitFor();
    assert.equal(refused, true);
    assert.ok(refreshes >= 1, 'the app refreshed its token');
    assert.equal(await page.getByRole('alert').count(), 0, 'no error is shown');
  });

  it('creates an API token, sees it once, and revokes it', async () => {
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto('/admin/api-tokens');
    await page.getByRole('heading', { level: 1, name: 'API-nøkler' }).waitFor();
    await page.getByTestId('empty').waitFor();
    await expectAccessible(page, 'API tokens (empty)');

    // The server's own validation, shown at the field, keeps what was typed.
    await page.getByRole('button', { name: 'Lag nøkkel' }).click();
    await page.getByText('Gi nøkkelen et navn.').first().waitFor();

    await page.getByLabel('Navn').fill('Kalender');
    await page.getByLabel(/Lese frister for høringer/).check();
    await page.getByRole('button', { name: 'Lag nøkkel' }).click();
    const created = page.getByTestId('created-token');
    await created.getByRole('heading', { name: 'Nøkkelen «Kalender» er laget' }).waitFor();
    const token = await created.getByLabel('Nøkkelen').inputValue();
    assert.ok(token.length >= 20, 'the secret is shown');
    const row = page.getByTestId('api-tokens').getByRole('row', { name: /Kalender/ });
    await row.waitFor();
    assert.match(await row.innerText(), /read, deadlines:read/);
    await expectAccessible(page, 'API tokens (created)');
    await screenshot(page, 'api-nokler');

    // The token works against the API.
    const me = await fetch(`${app.base}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { email scopes } }' }),
    }).then((r) => r.json());
    assert.equal(me.data.me.email, SECRETARIAT.email);

    await created.getByRole('button', { name: 'Jeg har lagret nøkkelen' }).click();
    await created.waitFor({ state: 'detached' }); // the secret is gone once dismissed

    await row.getByRole('button', { name: 'Tilbakekall nøkkelen Kalender' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Tilbakekalle «Kalender»?' }).waitFor();
    await expectAccessible(page, 'API tokens (revoke dialog)');
    await dialog.getByRole('button', { name: 'Ja, tilbakekall' }).click();
    await page.getByText('Nøkkelen «Kalender» er tilbakekalt.').waitFor();
    await row.getByText('Tilbakekalt').waitFor();

    const after = await fetch(`${app.base}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    assert.equal(after.status, 401, 'a revoked token no longer works');
  });

  it('opens the admin section', async () => {
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
    await expectAccessible(page, 'admin');
    await screenshot(page, 'admin');
  });

  it('reads a meeting: agenda, papers, attendance and habilitet', async (t) => {
    if (!app.demo.loaded) {
      t.skip(`demo data not loaded (${app.demo.reason})`);
      return;
    }
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto('/meetings/2-2025');
    await page.getByRole('heading', { level: 1, name: 'Møte 2/2025' }).waitFor();
    await page.getByText('Onsdag 21. mai 2025, kl. 10–15').waitFor();
    await page.getByTestId('agenda').waitFor();
    for (const list of ['Til stede', 'Observatører', 'Forfall', 'Til stede fra sekretariatet']) {
      await page.getByRole('heading', { level: 3, name: list, exact: true }).waitFor();
    }
    await page.getByRole('heading', { level: 2, name: 'Habilitet' }).waitFor();
    await expectAccessible(page, 'meeting 2/2025');
    await screenshot(page, 'mote-2-2025');
  });

  it('logs out, and the session does not come back on reload', async () => {
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.getByTestId('account-menu').click();
    await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
    await page.getByRole('link', { name: 'Logg inn' }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Logg inn' }).waitFor();
    assert.equal(await page.getByTestId('account-menu').count(), 0);
  });
});

describe('a member', () => {
  it('is told there is no access to the admin section', async () => {
    const page = await app.newPage();
    await login(page, MEMBER);
    assert.equal(await page.getByRole('link', { name: 'Admin' }).count(), 0, 'admin is not offered');
    await page.goto('/admin');
    await page.getByRole('heading', { level: 1, name: 'Ingen tilgang' }).waitFor();
    await page.getByText(`Du er logget inn som ${MEMBER.name} (rådsmedlem).`).waitFor();
    await expectAccessible(page, 'no access');
    await screenshot(page, 'ingen-tilgang');
  });

  it('manages their own API tokens from the account menu', async () => {
    const page = await app.newPage();
    await login(page, MEMBER);
    await page.getByTestId('account-menu').click();
    await expectAccessible(page, 'account menu (open)');
    await page.getByRole('link', { name: 'API-nøkler' }).click();
    await page.getByRole('heading', { level: 1, name: 'API-nøkler' }).waitFor();
    await page.getByTestId('empty').waitFor();
  });
});
