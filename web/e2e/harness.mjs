// Starts the real API (serving the built app) on a fresh SQLite database and a free port,
// and drives Debian's Chromium against it. Nothing here downloads a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const WEB = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = resolve(WEB, process.env.MOTEBOK_BIN ?? '../target/debug/motebok');
// MOTEBOK_WEB_DIST: another build of the app (so a test run need not share web/dist).
export const DIST = process.env.MOTEBOK_WEB_DIST ? resolve(process.env.MOTEBOK_WEB_DIST) : join(WEB, 'dist');
export const SCREENSHOTS = resolve(WEB, '../artifacts/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

async function waitForHealth(base, server, log) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the API exited with ${server.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the API did not answer ${base}/health within 30 s:\n${log()}`);
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
    throw new Error(`Chromium is not installed at ${CHROMIUM}. Install it: apt-get install -y chromium`);
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
  const server = spawn(BIN, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const log = () => output.slice(-4000);
  await waitForHealth(base, server, log);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });

  return {
    base,
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
