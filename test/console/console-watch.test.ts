import { createDemoSource } from '../../src/console/demo-data';
import { runConsoleLines } from '../helpers/console-run';

/** `watch <id>` in the console: the real watcher against the demo data, Slack played by the terminal. */

function consoleOutput(line: string): Promise<string> {
  return runConsoleLines([line], {
    source: createDemoSource('Asia/Shanghai'),
    sourceLabel: 'built-in demo data',
    lang: 'en',
    timezone: 'Asia/Shanghai',
    monitorUrl: null,
    now: () => Date.parse('2024-08-01T12:00:00Z'),
    isTTY: false,
    watchPauseMs: 0,
  });
}

describe('console: watch <id>', () => {
  it('follows the evolving demo incident to its close, printing every Slack call the watch makes', async () => {
    const out = await consoleOutput('watch 8001');
    const calls = out.split('\n').filter((l) => l.startsWith('Slack ←'));
    expect(calls).toEqual([
      'Slack ← chat.postMessage (the watching message)',
      'Slack ← chat.update (the same message, kept current)',
      'Slack ← chat.postMessage in its thread: Event 8001: 🚨 a notification failed: 通知人为空 (no receivers)',
      'Slack ← chat.update (the same message, kept current)',
      'Slack ← chat.postMessage in its thread: Event 8001: 🟠 acknowledged by lisi: “正在清理 /data 日志”',
      'Slack ← chat.update (the same message, kept current)',
      'Slack ← chat.postMessage in its thread: Event 8001: 🟢 recovered',
      'Slack ← chat.update (the same message, kept current)',
      'Slack ← chat.postMessage in its thread: Event 8001: ⚪ closed · 👁 watch ended: the event was closed',
    ]);
    expect(out).toContain('👁 Watching · updated');
    expect(out).toContain('[Stop watching]');
    expect(out).toContain('👁 Stopped watching: the event was closed');
    expect(out).toContain('Watch ended: 4 chat.update, 4 thread replies.');
  });

  it('/eventlog <id> watch is the same command', async () => {
    expect(await consoleOutput('/eventlog 8001 watch')).toContain('Watch ended: 4 chat.update, 4 thread replies.');
  });

  it('stops an event that does not change after a few quiet polls, saying Slack would go on', async () => {
    const out = await consoleOutput('watch 1');
    expect(out).toContain('Nothing changed in 5 polls, so the console stops here');
    expect(out).toContain('Event 1: 👁 watch ended: stopped');
    expect(out).toContain('Watch ended: 1 chat.update, 1 thread reply.');
  });

  it('does not watch an event that is closed already', async () => {
    const out = await consoleOutput('watch 5310');
    expect(out).toContain('Event 5310 is already closed');
    expect(out).not.toContain('Slack ←');
  });

  it('says what BlueKing said for an event it cannot look up', async () => {
    const out = await consoleOutput('watch 9403');
    expect(out).toContain('9403');
    expect(out).not.toContain('Slack ←');
  });
});
