import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const LIBS = readdirSync(path.join(ROOT, 'libs'));

/** Every `*_ERRORS` constant a lib exports from its index, as `[constant, codes]`. */
function exportedCodeSets(lib: string): Array<[string, string[]]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- every lib, found on disk
  const exports = require(`@botdeck/${lib}`) as Record<string, unknown>;
  return Object.entries(exports)
    .filter(([name, value]) => /_ERRORS$/.test(name) && typeof value === 'object' && value)
    .map(([name, value]) => [name, Object.values(value as Record<string, string>)]);
}

function errorFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.errors.ts'),
  );
}

/** The README's "Errors" section: one table row per code, `| \`CODE\` | status | meaning |`. */
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const errorsSection = README.slice(README.indexOf('### Errors'), README.indexOf('\n## Tests'));
const rows = [...errorsSection.matchAll(/^\| `([A-Z0-9_]+)` +\| *([^|]*?) *\| *([^|]*?) *\|$/gm)];
const documented = new Map(
  rows.map(([, code, status, meaning]) => [code, { status: status, meaning: meaning }]),
);

describe('README: error codes', () => {
  it('finds the Errors section and its rows', () => {
    expect(errorsSection.length).toBeGreaterThan(100);
    expect(documented.size).toBeGreaterThan(20);
  });

  it('lists each code once', () => {
    const codes = rows.map(([, code]) => code);
    expect(codes.filter((code, index) => codes.indexOf(code) !== index)).toEqual([]);
  });

  it.each(LIBS)('lists every code libs/%s exports, with a status and a meaning', (lib) => {
    const sets = exportedCodeSets(lib);
    // A lib that declares error codes exports them through its index.
    if (errorFiles(path.join(ROOT, 'libs', lib, 'src')).length > 0) {
      expect(sets.map(([name]) => name)).not.toEqual([]);
    }
    const missing = sets.flatMap(([name, codes]) =>
      codes
        .filter((code) => {
          const row = documented.get(code);
          return !row || row.status === '' || row.meaning === '';
        })
        .map((code) => `${name}.${code}`),
    );
    expect(missing).toEqual([]);
  });
});
