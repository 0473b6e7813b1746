import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_ITEMS, readRunOptions, startScriptNodeFlags } from '../../bench/run-options';

describe('bench command-line options', () => {
  it('runs every item with no options, the bot started with the node flags of npm start', () => {
    expect(readRunOptions([])).toEqual({ items: new Set(ALL_ITEMS), markdown: false, appNodeOptions: '--max-old-space-size=384 --single-threaded-gc --max-semi-space-size=2' });
  });

  it('reads the node flags of a start script, and none from a plain one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-opts-'));
    const write = (start: string): string => {
      const path = join(dir, `${start.length}.json`);
      writeFileSync(path, JSON.stringify({ scripts: { start } }));
      return path;
    };
    expect(startScriptNodeFlags(write('node --max-old-space-size=384 --no-warnings dist/main.js'))).toBe('--max-old-space-size=384 --no-warnings');
    expect(startScriptNodeFlags(write('node dist/main.js'))).toBeUndefined();
    expect(startScriptNodeFlags(join(dir, 'missing.json'))).toBeUndefined();
  });

  it('reads --only, --markdown, --cpu-prof and --app-node-options', () => {
    expect(readRunOptions(['--only=1,3', '--markdown', '--cpu-prof=/tmp/prof', '--app-node-options=--max-old-space-size=256 --max-semi-space-size=8'])).toEqual({
      items: new Set([1, 3]),
      markdown: true,
      cpuProfDir: '/tmp/prof',
      appNodeOptions: '--max-old-space-size=256 --max-semi-space-size=8',
    });
  });

  it('refuses an unknown option or item instead of quietly running something else', () => {
    expect(() => readRunOptions(['--onyl=1'])).toThrow('unknown option "--onyl=1"');
    expect(() => readRunOptions(['--only=2,19'])).toThrow('--only takes item numbers 1–10, not 19');
    expect(() => readRunOptions(['--cpu-prof'])).toThrow('unknown option');
  });
});
