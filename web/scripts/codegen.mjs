// Generates the typed GraphQL documents in src/gql/ from the API's schema.
//
//   npm run codegen            write src/gql/
//   (scripts/check.mjs imports generateFiles() to test that src/gql/ is up to date)
//
// The schema is the committed SDL, ../schema.graphql. Before that file exists, the SDL
// printed by the built API (`$MOTEBOK_BIN schema`) is used instead, with a warning.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';

export const WEB = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = 'src/gql/';
const SCHEMA = resolve(WEB, '../schema.graphql');

function schemaPath() {
  // MOTEBOK_SCHEMA: another SDL file, to try operations against an API not yet committed.
  if (process.env.MOTEBOK_SCHEMA) return resolve(process.env.MOTEBOK_SCHEMA);
  if (existsSync(SCHEMA)) return SCHEMA;
  const bin = resolve(WEB, process.env.MOTEBOK_BIN ?? '../target/debug/motebok');
  if (existsSync(bin)) {
    console.warn(`codegen: ${SCHEMA} is missing; using the SDL printed by ${bin} schema`);
    const dir = mkdtempSync(join(tmpdir(), 'motebok-sdl-'));
    const file = join(dir, 'schema.graphql');
    writeFileSync(file, execFileSync(bin, ['schema'], { encoding: 'utf8' }));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    return file;
  }
  throw new Error(`codegen: no schema: neither ${SCHEMA} nor the API binary ${bin} exists`);
}

function config() {
  return {
    cwd: WEB,
    schema: schemaPath(),
    // Unit tests write made-up operations against fake networks: they are not the API's.
    documents: ['src/**/*.{ts,tsx}', '!src/gql/**', '!src/**/*.test.{ts,tsx}'],
    ignoreNoDocuments: true,
    silent: true,
    generates: {
      [OUT]: {
        preset: 'client',
        presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
        config: {
          useTypeImports: true,
          enumsAsTypes: true,
          strictScalars: true,
          // The API's scalars travel as ISO 8601 strings.
          scalars: {
            ID: 'string',
            NaiveDate: 'string',
            NaiveTime: 'string',
            DateTime: 'string',
          },
        },
      },
    },
  };
}

/** The generated files as { path relative to web/, content }, without writing them. */
export async function generateFiles() {
  const files = await generate(config(), false);
  return files.map((f) => ({ path: f.filename, content: f.content }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await generateFiles();
  rmSync(join(WEB, OUT), { recursive: true, force: true });
  for (const f of files) {
    const target = join(WEB, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.content);
  }
  console.log(`codegen: wrote ${files.length} files to ${OUT}`);
}
