// Starts the real API (serving the built app) on a fresh SQLite database and a free port,
// and drives Debian's Chromium against it. Nothing here downloads a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const WEB = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = resolve(WEB, process.env.MOTEBOK_BIN ?? '../target/debug/motebok');
// MOTEBOK_WEB_DIST: another build of the app (so a test run need not share web/dist).
export const DIST = process.env.MOTEBOK_WEB_DIST ? resolve(process.env.MOTEBOK_WEB_DIST) : join(WEB, 'dist');
export const SCREENSHOTS = resolve(WEB, '../artifacts/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_NB = '/usr/lib/chromium/locales/nb.pak';

export const SECRETARIAT = {
  email: 'e2e-sekretariat@example.org',
  name: 'Sara Sekretær',
  role: 'secretariat',
  password: 'e2e-sekretariat-passord-lang-nok',
};
export const MEMBER = {
  email: 'e2e-medlem@example.org',
  name: 'Mats Medlem',
  role: 'member',
  password: 'e2e-medlem-passord-2025',
};

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** The API refuses unknown MOTEBOK_* variables, so it gets only the ones set here. */
function apiEnv(extra) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MOTEBOK_')));
  return { ...env, RUST_LOG: env.RUST_LOG ?? 'warn', ...extra };
}

function runBin(args, env, input) {
  const result = spawnSync(BIN, args, { env, input, encoding: 'utf8', timeout: 120_000 });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/**
 * Runs `attempt` until it resolves, waiting 25 ms, 50 ms … (at most 1 s) between tries. Gives up
 * with the last failure once `timeoutMs` has passed, or at once when `signal` aborts.
 */
export async function retry(attempt, { timeoutMs, signal }) {
  const deadline = Date.now() + timeoutMs;
  let delay = 25;
  for (;;) {
    signal?.throwIfAborted();
    try {
      return await attempt();
    } catch (error) {
      signal?.throwIfAborted();
      if (Date.now() + delay > deadline) {
        throw new Error(`gave up after ${timeoutMs / 1000} s: ${error.message}`, { cause: error });
      }
    }
    await sleep(delay, undefined, { signal }).catch(() => signal.throwIfAborted());
    delay = Math.min(delay * 2, 1000);
  }
}

/** Waits until GET /ready answers 200 (the database is reachable), or the server dies. */
async function waitForReady(base, server, stderr) {
  const died = new AbortController();
  const onExit = (code, signal) =>
    died.abort(new Error(`the API exited (${code ?? signal}) before it was ready. Its stderr:\n${stderr()}`));
  server.once('exit', onExit);
  try {
    await retry(
      async () => {
        const res = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(2_000) });
        if (!res.ok) throw new Error(`GET /ready answered ${res.status}`);
      },
      { timeoutMs: 30_000, signal: died.signal },
    );
  } catch (error) {
    if (died.signal.aborted) throw died.signal.reason;
    throw new Error(`the API at ${base} was not ready: ${error.message}. Its stderr:\n${stderr()}`, { cause: error });
  } finally {
    server.off('exit', onExit);
  }
}

/**
 * Everything a test run needs: the API with the app, demo data if the binary can load it,
 * two accounts, and a browser. `demo` says whether the demo data loaded (and why not).
 */
export async function start() {
  if (!existsSync(BIN)) {
    throw new Error(
      `The API binary ${BIN} does not exist. Build it (cargo build -p motebok) or point MOTEBOK_BIN at it.`,
    );
  }
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`The web app is not built (${DIST}/index.html is missing). Run npm run build first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. Install it: apt-get install -y chromium chromium-l10n`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });

  const dir = mkdtempSync(join(tmpdir(), 'motebok-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = apiEnv({
    DATABASE_URL: `sqlite://${join(dir, 'motebok.db')}?mode=rwc`,
    MOTEBOK_BIND: `127.0.0.1:${port}`,
    MOTEBOK_WEB_DIR: DIST,
    MOTEBOK_FILES_DIR: join(dir, 'files'),
    MOTEBOK_LOG: 'json',
  });

  const migrate = runBin(['migrate', 'up'], env);
  if (!migrate.ok) throw new Error(`motebok migrate up failed:\n${migrate.output}`);
  const demo = runBin(['demo'], env);
  for (const account of [SECRETARIAT, MEMBER]) {
    const created = runBin(
      ['user', 'create', '--email', account.email, '--name', account.name, '--role', account.role],
      env,
      account.password,
    );
    if (!created.ok) throw new Error(`motebok user create ${account.email} failed:\n${created.output}`);
  }

  let output = '';
  let errors = '';
  const server = spawn(BIN, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => {
    output += d;
    errors += d;
  });
  const log = () => output.slice(-4000);
  try {
    await waitForReady(base, server, () => errors.slice(-4000) || '(empty)');
  } catch (error) {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  // Native date and time fields follow the browser's own language (LANGUAGE on Linux), not the
  // page's: Norwegian ones (13:30, 21.05.2025) need Debian's chromium-l10n as well.
  if (!existsSync(CHROMIUM_NB)) console.warn(`${CHROMIUM_NB} is missing: date and time fields show in US format (apt-get install -y chromium-l10n)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    env: { ...process.env, LANGUAGE: 'nb' },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });

  return {
    base,
    /** An access token for `account`, logged in through the API. */
    async tokenFor(account) {
      const res = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: base },
        body: JSON.stringify({ email: account.email, password: account.password }),
      });
      if (res.status !== 200) throw new Error(`API login as ${account.email} answered ${res.status}`);
      return (await res.json()).accessToken;
    },
    /** A GraphQL call as `token` (or the public when null); fails on errors. */
    async gql(token, query, variables = {}) {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = await res.json();
      if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    demo: { loaded: demo.ok, reason: demo.ok ? '' : demo.output.split('\n').slice(-3).join(' ') },
    browser,
    log,
    /** A fresh browser context (own cookies), Norwegian by default. */
    async newPage() {
      const context = await browser.newContext({
        baseURL: base,
        locale: 'nb-NO',
        viewport: { width: 1280, height: 900 },
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.errors = errors;
      return page;
    },
    async stop() {
      await browser.close().catch(() => {});
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fails with the violations listed when axe finds any (WCAG 2.1 A and AA). */
export async function expectAccessible(page, what) {
  // Colours are only final once transitions (a dialog fading in) have run.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity) // not spinners
        .map((a) => a.finished.catch(() => {})),
    ),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  if (results.violations.length > 0) {
    const lines = results.violations.map(
      (v) => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`,
    );
    throw new Error(`${what}: ${results.violations.length} accessibility violations\n${lines.join('\n')}`);
  }
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function login(page, account) {
  await page.goto('/login');
  await page.getByLabel('E-post').fill(account.email);
  await page.getByLabel('Passord', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByTestId('account-menu').waitFor();
}
