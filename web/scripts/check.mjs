// The web app's CI gate, step by step; stops at the first failure.
//   1. src/gql/ is what codegen makes from the committed schema (no stale types)
//   2. tsc --noEmit   3. eslint   4. vitest run   5. vite build
//   6. the initial JavaScript (entry + what index.html preloads) is under 250 KB gzip
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateFiles, OUT, WEB } from './codegen.mjs';

const BUDGET = 250 * 1024;

function step(name) {
  console.log(`\n==> ${name}`);
}

function fail(message) {
  console.error(`\ncheck: FAILED: ${message}`);
  process.exit(1);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: WEB, stdio: 'inherit', shell: false });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

step('GraphQL types are up to date (codegen)');
const expected = await generateFiles();
const stale = [];
for (const file of expected) {
  const path = join(WEB, file.path);
  if (!existsSync(path) || readFileSync(path, 'utf8') !== file.content) stale.push(file.path);
}
const expectedPaths = new Set(expected.map((f) => join(WEB, f.path)));
for (const path of listFiles(join(WEB, OUT))) {
  if (!expectedPaths.has(path)) stale.push(relative(WEB, path));
}
if (stale.length > 0) {
  fail(`generated GraphQL types differ from the schema and operations: ${stale.join(', ')}. Run npm run codegen.`);
}
console.log(`${expected.length} generated files match`);

const bin = (name) => join(WEB, 'node_modules', '.bin', name);
step('Type check (tsc --noEmit)');
run(bin('tsc'), ['--noEmit', '-p', '.']);
step('Lint (eslint)');
run(bin('eslint'), ['.', '--max-warnings=0']);
step('Unit tests (vitest run)');
run(bin('vitest'), ['run']);
step('Build (vite build)');
run(bin('vite'), ['build']);

step('Initial JavaScript size');
const dist = join(WEB, 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [
  ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
].map((m) => m[1]);
if (initial.length === 0) fail('found no scripts in dist/index.html');
let total = 0;
for (const src of initial) {
  const size = gzipSync(readFileSync(join(dist, src.replace(/^\//, '')))).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} KB gzip  ${src}`);
}
console.log(`${(total / 1024).toFixed(1).padStart(7)} KB gzip  initial JavaScript (budget ${BUDGET / 1024} KB)`);
if (total > BUDGET) fail(`initial JavaScript is ${(total / 1024).toFixed(1)} KB gzip, over the ${BUDGET / 1024} KB budget`);

console.log('\ncheck: all passed');
