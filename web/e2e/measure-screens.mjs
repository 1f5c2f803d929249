// How soon each main screen is usable when its address is opened, against the real API with
// the demo data in Chromium: the time from navigation start until the screen has its heading
// and nothing on it is loading. A measurement, not a test (PERFORMANCE: not in timed tests);
// the target is one second. Run by scripts/bench.sh, or alone:
//   npm run build && node e2e/measure-screens.mjs [out.md]      (MOTEBOK_BIN picks the binary)
import { writeFileSync } from 'node:fs';
import { start } from './harness.mjs';
import { mainScreens, pagesByAccount, screenReady } from './screens.mjs';

const RUNS = Number(process.env.SCREEN_RUNS ?? 5);
const TARGET_MS = 1000;
const out = process.argv[2];

const app = await start();
try {
  if (!app.demo.loaded) throw new Error(`the demo data did not load: ${app.demo.reason}`);
  const pageFor = pagesByAccount(app);
  const rows = [];
  for (const screen of await mainScreens(app)) {
    const { page, who } = await pageFor(screen);
    const times = [];
    // One load first, unmeasured, so each screen is measured with its code in the HTTP cache
    // as a returning user has it.
    for (let run = 0; run <= RUNS; run++) {
      await page.goto(screen.path, { waitUntil: 'commit' });
      await screenReady(page);
      const ms = await page.evaluate(() => performance.now());
      if (run > 0) times.push(ms);
    }
    times.sort((a, b) => a - b);
    rows.push({ ...screen, who, median: times[Math.floor(times.length / 2)], worst: times.at(-1) });
    console.log(`${screen.path.padEnd(48)} ${who.padEnd(28)} median ${times[Math.floor(times.length / 2)].toFixed(0)} ms`);
  }
  const within = rows.filter((r) => r.worst < TARGET_MS).length;
  const table = [
    `# Screens: time until usable (${RUNS} loads each, after one warm-up)`,
    '',
    `Binary: ${process.env.MOTEBOK_BIN ?? '../target/debug/motebok'} on SQLite with the demo data; Chromium headless, 1280×900.`,
    `From navigation start to: the level-1 heading shown and no loading state left. Target: under ${TARGET_MS} ms.`,
    '',
    '| screen | address | as | median ms | worst ms | under 1 s |',
    '|---|---|---|---:|---:|---|',
    ...rows.map(
      (r) => `| ${r.name} | \`${r.path}\` | ${r.as ? r.as.role : 'public'} | ${r.median.toFixed(0)} | ${r.worst.toFixed(0)} | ${r.worst < TARGET_MS ? 'yes' : '**no**'} |`,
    ),
    '',
    `${within} of ${rows.length} screens under ${TARGET_MS} ms in every load.`,
    '',
  ].join('\n');
  if (out) writeFileSync(out, table);
  console.log(`\n${within} of ${rows.length} screens under ${TARGET_MS} ms in every load.`);
} finally {
  await app.stop();
}
