import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

/** The README's "Benchmarks" table: one row per script, `| \`npm run bench:…\` | what |`. */
const section = README.slice(README.indexOf('\n## Benchmarks'), README.indexOf('\n### Figures'));
const listed = [...section.matchAll(/^\| `npm run (bench:[a-z-]+)` +\| *([^|]*?) *\|$/gm)];

describe('README: benchmarks', () => {
  it('lists every bench script once, with what it measures', () => {
    const benches = Object.keys(scripts).filter((name) => name.startsWith('bench:'));
    const names = listed.map(([, name]) => name);
    expect([...names].sort()).toEqual([...benches].sort());
    expect(listed.filter(([, , what]) => what === '')).toEqual([]);
  });

  it('holds one table', () => {
    expect(section.match(/^\| Command +\|/gm)).toHaveLength(1);
  });
});
