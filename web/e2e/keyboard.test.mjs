// Keyboard-only use (WCAG 2.1.1 keyboard, 2.1.2 no trap, 2.4.7 visible focus), in Chromium
// against the real API with the demo data: every main screen is tabbed through from the top,
// and the secretariat's daily tasks are done without a mouse.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectAccessible, login, SECRETARIAT, start } from './harness.mjs';
import { mainScreens, pagesByAccount, screenReady } from './screens.mjs';

let app;

before(async () => {
  app = await start();
});

after(async () => {
  await app?.stop();
});

/**
 * Marks every control a keyboard user should reach (radio groups count once: arrows move
 * within them) and remembers how each looks unfocused.
 */
function markControls() {
  const looks = (el) => {
    const parts = [getComputedStyle(el), getComputedStyle(el, '::before'), getComputedStyle(el, '::after')];
    const parent = el.parentElement ? getComputedStyle(el.parentElement) : null;
    const props = ['outlineStyle', 'outlineWidth', 'outlineColor', 'boxShadow', 'backgroundColor', 'borderColor', 'textDecorationLine'];
    return JSON.stringify([...parts, parent].filter(Boolean).map((s) => props.map((p) => s[p])));
  };
  window.__looks = looks;
  const describe = (el) => {
    const label = el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent?.trim() || el.id || '';
    return `${el.tagName.toLowerCase()}${el.type && el.tagName === 'INPUT' ? `[${el.type}]` : ''} «${label.trim().slice(0, 50)}»`;
  };
  window.__describe = describe;
  const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex], [contenteditable="true"]';
  const groups = new Set();
  const controls = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.disabled || el.tabIndex < 0 || el.closest('[inert], [hidden], dialog:not([open])')) continue;
    if (!el.checkVisibility({ visibilityProperty: true }) || el.getClientRects().length === 0) continue;
    let key = `c${controls.length}`;
    if (el.type === 'radio' && el.name) {
      key = `radio:${el.form?.id ?? ''}:${el.name}`;
      el.dataset.kb = key;
      el.dataset.kbLooks = looks(el);
      if (groups.has(key)) continue;
      groups.add(key);
    }
    el.dataset.kb = key;
    el.dataset.kbLooks = looks(el);
    controls.push({ key, what: describe(el) });
  }
  // Start from the top of the page, as a keyboard user arriving there does.
  const start = document.createElement('span');
  start.tabIndex = -1;
  document.body.prepend(start);
  start.focus();
  start.remove();
  return controls;
}

/** What has focus now: its mark, whether it looks focused, and whether it is in view. */
function focused() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const rect = el.getBoundingClientRect();
  const unfocused = el.dataset.kbLooks;
  return {
    key: el.dataset.kb ?? null,
    what: window.__describe(el),
    visible: unfocused === undefined || unfocused !== window.__looks(el),
    inView: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < innerHeight,
  };
}

/** Tabs through the page from the top and says what is wrong, if anything. */
async function keyboardProblems(page) {
  const controls = await page.evaluate(markControls);
  const reached = new Set();
  const problems = [];
  let first = null;
  let cycled = false;
  let last = null;
  let stay = 0;
  // Date and time fields take a Tab for each of their parts (day, month, year).
  for (let i = 0; i < controls.length * 4 + 25 && stay < 5; i++) {
    await page.keyboard.press('Tab');
    const now = await page.evaluate(focused);
    if (now === null || (now.key !== null && now.key === first)) {
      cycled = true;
      break;
    }
    first ??= now.key;
    // Further Tabs inside one control move between a date field's parts and its calendar
    // button, which Chromium draws focused itself; the control's own ring is checked once.
    const moved = now.key === null || now.key !== last;
    stay = moved ? 0 : stay + 1;
    last = now.key;
    if (now.key) reached.add(now.key);
    if (moved && !now.visible) problems.push(`no visible focus on ${now.what}`);
    if (!now.inView) problems.push(`${now.what} has focus but is out of view`);
  }
  if (!cycled) problems.push(`Tab did not get through the page: a keyboard trap${stay >= 5 ? ' (stuck on one control)' : ''}`);
  for (const c of controls) if (!reached.has(c.key)) problems.push(`${c.what} is never reached with Tab`);
  return [...new Set(problems)];
}

describe('every main screen', () => {
  it('can be used from the keyboard (every control reached, focus always visible, no trap), with no axe violations', async () => {
    const screens = await mainScreens(app);
    const pageFor = pagesByAccount(app);
    const failures = [];
    for (const screen of screens) {
      const { page, who } = await pageFor(screen);
      await page.goto(screen.path);
      await screenReady(page);
      const problems = await keyboardProblems(page);
      // And axe on every one of them, so no main screen goes unchecked.
      await expectAccessible(page, screen.path).catch((e) => problems.push(e.message));
      if (problems.length) failures.push(`${screen.path} (${who}):\n  ${problems.join('\n  ')}`);
      assert.deepEqual(page.errors, [], `${screen.path}: page errors`);
    }
    assert.ok(screens.length >= 30, `all main screens were checked (${screens.length})`);
    assert.equal(failures.length, 0, `keyboard problems:\n${failures.join('\n')}`);
  });
});

/** Presses Tab until `target` (or one of its matches) has focus, as a user would. */
async function tabTo(page, target, max = 200) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluateAll((els) => els.includes(document.activeElement))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

describe('the secretariat, without a mouse', () => {
  it('logs in, opens a meeting from the menu, records attendance and saves it', async () => {
    const page = await app.newPage();
    await page.goto('/login');
    await tabTo(page, page.getByLabel('E-post'));
    await page.keyboard.type(SECRETARIAT.email);
    await page.keyboard.press('Tab');
    assert.equal(await page.getByLabel('Passord', { exact: true }).evaluate((el) => el === document.activeElement), true);
    await page.keyboard.type(SECRETARIAT.password);
    await page.keyboard.press('Enter');
    await page.getByTestId('account-menu').waitFor();

    const token = await app.tokenFor(SECRETARIAT);
    const { meetings } = await app.gql(token, '{ meetings(status: NOTICE_PUBLISHED, first: 1) { nodes { code year } } }');
    const meeting = meetings.nodes[0];
    assert.ok(meeting, 'the demo data has a meeting whose notice is out');

    await tabTo(page, page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Møter' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/meetings/);
    await page.goto(`/meetings?year=${meeting.year}`);
    const link = page.getByRole('main').getByRole('link', { name: new RegExp(meeting.code.replace('/', '\\/')) }).first();
    await link.waitFor();
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/meetings/${meeting.code.replace('/', '-')}$`));
    const toAttendance = page.getByRole('link', { name: /oppmøte/i }).first();
    await toAttendance.waitFor();
    await tabTo(page, toAttendance);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/attendance$/);

    // The first row: Tab enters its radio group, the arrows choose "Digitalt".
    const row = page.getByTestId('attendance-row').first();
    await row.waitFor();
    const name = await row.getAttribute('data-name');
    await tabTo(page, row.getByRole('radio'));
    const digital = row.getByRole('radio', { name: `Digitalt: ${name}`, exact: true });
    for (let i = 0; i < 4 && !(await digital.isChecked()); i++) await page.keyboard.press('ArrowRight');
    assert.equal(await digital.isChecked(), true);
    assert.equal(await digital.evaluate((el) => el === document.activeElement), true);
    await tabTo(page, page.getByRole('button', { name: 'Lagre oppmøtet' }));
    await page.keyboard.press('Enter');
    await page.getByText(/Oppmøtet er lagret/).waitFor();

    const saved = await app.gql(token, 'query($c: String!) { meeting(code: $c) { attendance { status person { name } } } }', { c: meeting.code });
    assert.equal(saved.meeting.attendance.find((a) => a.person?.name === name)?.status, 'DIGITAL');
    assert.deepEqual(page.errors, []);
  });

  it('opens a confirmation with the keyboard, leaves it with Escape, and comes back to where it was', async () => {
    const page = await app.newPage();
    await login(page, SECRETARIAT);
    await page.goto('/admin/api-tokens');
    const form = page.getByRole('main');
    await form.getByLabel('Navn').fill('Kalenderintegrasjon');
    await tabTo(page, form.getByRole('button', { name: 'Lag nøkkel' }));
    await page.keyboard.press('Enter');
    const revoke = page.getByRole('button', { name: 'Tilbakekall nøkkelen Kalenderintegrasjon' });
    await tabTo(page, revoke);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    assert.equal(await dialog.evaluate((d) => d.contains(document.activeElement)), true, 'focus moves into the dialog');
    // A modal dialog: Tab goes round its controls (and the browser's own), never behind it.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      const where = await dialog.evaluate((d) => (d.contains(document.activeElement) ? 'dialog' : document.activeElement === document.body ? 'browser' : document.activeElement.outerHTML.slice(0, 80)));
      assert.ok(where === 'dialog' || where === 'browser', `Tab reached ${where} behind the open dialog`);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await revoke.evaluate((el) => el === document.activeElement), true, 'focus returns to the button that opened it');

    await page.keyboard.press('Enter');
    await tabTo(page, dialog.getByRole('button', { name: 'Ja, tilbakekall' }));
    await page.keyboard.press('Enter');
    await page.getByText('Nøkkelen «Kalenderintegrasjon» er tilbakekalt.').waitFor();
    assert.deepEqual(page.errors, []);
  });
});
