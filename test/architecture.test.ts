import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { findImportCircles, layerViolations, type Import, type LayerRule } from './helpers/import-graph';

/**
 * How the repository holds together: every import points down the path of a
 * request (docs/architecture.md), no import closes a circle, and comments
 * point at files the repository contains.
 */

const root = join(__dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import (`from`, `import type`, `export … from`, `import('…')`) of a file, as paths from the repository root. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]);
  const from = relative(root, file).split(sep).join('/');
  return specs.map((spec) => ({ from, to: resolveTs(join(file, '..', spec)) }));
}

function resolveTs(path: string): string {
  const candidates = [`${path}.ts`, join(path, 'index.ts'), path];
  const found = candidates.find((c) => existsSync(c)) ?? path;
  return relative(root, found).split(sep).join('/');
}

const srcImports = tsFiles(join(root, 'src')).flatMap(importsOf);

/** The files at the top of src/ that everything may use: they import no folder of src/. */
const BASE_FILES = ['config', 'log', 'metrics', 'metrics-prometheus', 'redact', 'secret-fragments', 'thread-bytes', 'unknown-settings', 'yield-to-event-loop'].map((f) => `src/${f}.ts`);

/**
 * Each layer, with what it may import besides itself and the base files. Read
 * top-down it is the path of a request: entry points → use cases → rendering →
 * the domain ← the BlueKing client; the store beneath all.
 */
const LAYERS: readonly LayerRule[] = [
  { layer: 'src/store', may: [] },
  { layer: 'src/eventlog/model', may: [] },
  { layer: 'src/eventlog/deliveries', may: ['src/eventlog/model'] },
  { layer: 'src/eventlog/summary', may: ['src/eventlog/model', 'src/eventlog/deliveries'] },
  { layer: 'src/eventlog/answers', may: ['src/eventlog/model', 'src/eventlog/deliveries', 'src/store'] },
  { layer: 'src/eventlog/service', may: ['src/eventlog/model', 'src/eventlog/deliveries', 'src/eventlog/answers', 'src/store'] },
  { layer: 'src/eventlog/triage', may: ['src/eventlog/model', 'src/eventlog/service', 'src/store'] },
  { layer: 'src/bk', may: ['src/eventlog/model'] },
  { layer: 'src/i18n', may: ['src/eventlog'] },
  { layer: 'src/ids', may: ['src/eventlog/model'] },
  { layer: 'src/render', may: ['src/eventlog', 'src/i18n'] },
  { layer: 'src/lookup', may: ['src/eventlog', 'src/i18n', 'src/render'] },
  { layer: 'src/watch/slack', may: ['src/watch', 'src/lookup', 'src/render', 'src/i18n', 'src/eventlog', 'src/store', 'src/slack', 'src/ids'], except: ['src/slack/listeners'] },
  { layer: 'src/watch', may: ['src/lookup', 'src/render', 'src/i18n', 'src/eventlog', 'src/store'] },
  { layer: 'src/offload', may: ['src/watch', 'src/lookup', 'src/render', 'src/i18n', 'src/bk', 'src/eventlog'], except: ['src/watch/slack'] },
  { layer: 'src/slack', may: ['src/watch', 'src/lookup', 'src/render', 'src/ids', 'src/i18n', 'src/eventlog', 'src/store'] },
  { layer: 'src/console', may: ['src/watch', 'src/lookup', 'src/render', 'src/ids', 'src/i18n', 'src/eventlog', 'src/store', 'src/bk'], except: ['src/watch/slack'] },
];

describe('dependency direction', () => {
  it('src/ imports nothing from test/ or bench/', () => {
    expect(srcImports.filter(({ to }) => !to.startsWith('src/'))).toEqual([]);
  });

  it('the base files import no folder of src/', () => {
    expect(srcImports.filter(({ from, to }) => BASE_FILES.includes(from) && !BASE_FILES.includes(to))).toEqual([]);
  });

  it.each(LAYERS.map((rule) => [rule.layer, rule] as const))('%s imports only the layers beneath it', (_layer, rule) => {
    expect(layerViolations(srcImports, rule, LAYERS, BASE_FILES)).toEqual([]);
  });

  it('every folder of src/ has a layer rule (a new folder must say where it sits)', () => {
    const folders = new Set(srcImports.map(({ from }) => from.split('/').slice(0, -1).join('/')).filter((dir) => dir !== 'src'));
    const unruled = [...folders].filter((dir) => !LAYERS.some(({ layer }) => dir === layer || dir.startsWith(`${layer}/`)));
    expect(unruled).toEqual([]);
  });

  it('no import closes a circle anywhere in src/', () => {
    expect(findImportCircles(srcImports)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const rule: LayerRule = { layer: 'src/render', may: ['src/eventlog'] };

  it('catch an import that climbs', () => {
    const climbing: Import[] = [{ from: 'src/render/footer.ts', to: 'src/slack/context.ts' }];
    expect(layerViolations(climbing, rule, LAYERS, BASE_FILES)).toEqual(['src/render/footer.ts → src/slack/context.ts']);
  });

  it('catch a circle through three files', () => {
    const circle: Import[] = [
      { from: 'src/a.ts', to: 'src/b.ts' },
      { from: 'src/b.ts', to: 'src/c.ts' },
      { from: 'src/c.ts', to: 'src/a.ts' },
    ];
    expect(findImportCircles(circle)).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts']]);
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

  it('every src/… file a comment names is in the repository', () => {
    const named = ['src', 'test', 'bench'].flatMap((dir) =>
      tsFiles(join(root, dir))
        .filter((file) => file !== __filename)
        .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bsrc\/[\w./-]+\.ts\b/g)].map((m) => m[0])),
    );
    expect([...new Set(named)].filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });
});
