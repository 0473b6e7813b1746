import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** How the repository holds together: which way the code depends, and that comments point at files it contains. */

const root = join(__dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of a file, as a path from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/from '(\.[^']+)'/g)].map((m) => m[1]);
  return specs.map((spec) => relative(root, join(file, '..', spec)).split(sep).join('/'));
}

function importsFrom(dir: string): Array<{ file: string; target: string }> {
  return tsFiles(join(root, dir)).flatMap((file) => importsOf(file).map((target) => ({ file: relative(root, file), target })));
}

/** The imports from `dir` into any of `folders`. */
function importsInto(dir: string, folders: readonly string[]): Array<{ file: string; target: string }> {
  return importsFrom(dir).filter(({ target }) => folders.some((folder) => target.startsWith(`${folder}/`)));
}

describe('dependency direction', () => {
  it('src/ imports nothing from test/ or bench/', () => {
    expect(importsFrom('src').filter(({ target }) => !target.startsWith('src/'))).toEqual([]);
  });

  // slack → eventlog ← bk: the domain owns its types (records, LookupError, the event-ID rule) and both edges use them.
  it('eventlog/ depends on neither the BlueKing client nor Slack code', () => {
    expect(importsInto('src/eventlog', ['src/bk', 'src/slack', 'src/console', 'src/i18n'])).toEqual([]);
  });

  it('bk/ depends on no Slack code', () => {
    expect(importsInto('src/bk', ['src/slack', 'src/console', 'src/i18n'])).toEqual([]);
  });

  it('slack/ depends on the domain, not on the BlueKing client', () => {
    expect(importsInto('src/slack', ['src/bk', 'src/console'])).toEqual([]);
  });
});

describe('references in comments', () => {
  it('every docs/… file a comment names is in the repository', () => {
    const named = ['src', 'test', 'bench'].flatMap((dir) =>
      tsFiles(join(root, dir)).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bdocs\/[\w.-]+\.md\b/g)].map((m) => m[0])),
    );
    expect(named.length).toBeGreaterThan(0);
    expect([...new Set(named)].filter((doc) => !existsSync(join(root, doc)))).toEqual([]);
  });
});
