import { PassThrough } from 'node:stream';
import { LookupError } from '../../src/eventlog/model/lookup-error';
import { runConsole } from '../../src/console/console';
import { consoleDeps, runConsoleLines, type ConsoleOptions } from '../helpers/console-run';
import { createDemoSource, DEMO_EVENTS } from '../../src/console/demo-data';
import { messagesFor } from '../../src/i18n/catalog';
import type { EventLogSource } from '../../src/eventlog/model/source';
import { checkMessageLimits, checkModalLimits } from '../helpers/check-limits';
import type { SlackMessage } from '../../src/render/types';

/** 2024-08-01 12:00:00 UTC: after every demo event, so "ago" wording is stable. */
const NOW = Date.parse('2024-08-01T12:00:00Z');
const demoSource = createDemoSource('Asia/Shanghai', NOW);

/** Run the console over the given lines (then end of input) and return everything it printed. */
/** The console as `npm start` runs it on demo data, less its streams. */
const BASE_DEPS: ConsoleOptions = {
  source: demoSource,
  sourceLabel: 'built-in demo data',
  lang: 'en',
  timezone: 'Asia/Shanghai',
  monitorUrl: 'https://bk.example.com/o/bk_monitorv3',
  now: () => NOW,
  isTTY: false,
};

function runLines(lines: readonly string[], overrides: Partial<ConsoleOptions> = {}): Promise<string> {
  return runConsoleLines(lines, { ...BASE_DEPS, ...overrides });
}

/** What the console printed for the lines, without the welcome it prints first. */
async function answerTo(lines: readonly string[], overrides: Partial<ConsoleOptions> = {}): Promise<string> {
  const welcome = await runLines([], overrides);
  const all = await runLines(lines, overrides);
  expect(all.startsWith(welcome)).toBe(true);
  return all.slice(welcome.length);
}

/** The Block Kit message the console would send for an ID, read back from `json <id>`. */
async function messageFor(id: string): Promise<SlackMessage> {
  return JSON.parse(await answerTo([`json ${id}`])) as SlackMessage;
}

describe('the local console', () => {
  it('welcomes, lists every demo event with its description, and resolves at end of input', async () => {
    const printed = await runLines([]);
    expect(printed.split('\n')[0]).toBe('Type an event ID to see its log as the bot would answer it in Slack.');
    for (const event of DEMO_EVENTS) {
      expect(printed).toContain(`/eventlog ${event.id}`);
      expect(printed).toContain(messagesFor('en').console.demos[event.name]);
    }
  });

  it('answers /eventlog 1 with the sheet example, failed notice included', async () => {
    const answer = await answerTo(['/eventlog 1']);
    const lines = answer.split('\n');
    expect(lines[0]).toBe('🔴 Event 1 · Firing');
    expect(lines).toContain('⚠️ Nobody was paged: every notice found 通知人为空 (no receivers)');
    expect(lines.some((line) => /^🚨 \d\d:\d\d  Anomaly notice · 通知人为空 \(no receivers\)$/.test(line))).toBe(true);
    // Dated a few minutes ago, not on the API sheet's 2020-01-01: a newcomer's first look is not an event open for years.
    expect(lines[3]).toBe('Firing for 7 min · not acknowledged');
    expect(answer).not.toContain('\u001b[');
  });

  it('answers a bare ID exactly as /eventlog <id>', async () => {
    expect(await answerTo(['1'])).toBe(await answerTo(['/eventlog 1']));
  });

  it('folds a long demo log to one screen, and pages through every record of it in the Full log with --page', async () => {
    const message = await answerTo(['/eventlog 7001']);
    expect(message).toContain('▫️ ×258 ');
    expect(message).toContain(' 521 records');
    expect(message.split('\n').length).toBeLessThanOrEqual(45);
    const first = await answerTo(['/eventlog 7001 --all']);
    const older = await answerTo(['/eventlog 7001 --all --page=1']);
    expect(first).toContain('records 1, 498–521 of 521');
    expect(older).toContain('records 473–497 of 521');
    expect(older).not.toBe(first);
  });

  it('lists every demo event for help and for /eventlog help', async () => {
    for (const line of ['help', '/eventlog help']) {
      const answer = await answerTo([line]);
      for (const event of DEMO_EVENTS) expect(answer).toContain(`/eventlog ${event.id}`);
      expect(answer).toContain('Lookups go to built-in demo data.');
    }
  });

  it('lists no demo events when a real BlueKing answers', async () => {
    const real: EventLogSource = { fetchEventLog: demoSource.fetchEventLog };
    const printed = await runLines(['help'], { source: real, sourceLabel: 'BlueKing at paas.example.com (header auth)' });
    expect(printed).not.toContain('Demo events:');
    expect(printed).toContain('Lookups go to BlueKing at paas.example.com (header auth).');
  });

  it('prints the exact Block Kit payload for json <id> and for /eventlog <id> --json', async () => {
    const viaWord = await answerTo(['json 5310']);
    expect(await answerTo(['/eventlog 5310 --json'])).toBe(viaWord);
    const message = JSON.parse(viaWord) as Record<string, unknown>;
    expect(Object.keys(message)).toEqual(['text', 'blocks']);
  });

  it('prints a Block Kit Builder link holding the blocks', async () => {
    const answer = await answerTo(['builder 5310']);
    const url = answer.split('\n').find((line) => line.startsWith('https://')) ?? '';
    expect(url.startsWith('https://app.slack.com/block-kit-builder#')).toBe(true);
    const message = await messageFor('5310');
    expect(JSON.parse(decodeURIComponent(url.slice(url.indexOf('#') + 1)))).toEqual({ blocks: message.blocks });
  });

  it('prints the Full log modal’s exact view for json <id> --modal, within Slack’s modal limits', async () => {
    const view = JSON.parse(await answerTo(['json 7001 --modal'])) as Record<string, unknown>;
    expect(view).toMatchObject({ type: 'modal', callback_id: 'eventlog_full_log', title: { type: 'plain_text', text: 'Event log' } });
    expect(JSON.parse(String(view.private_metadata))).toEqual({ id: '7001', p: 0, f: 'all', c: null });
    expect(checkModalLimits(view)).toEqual([]);
    const builder = (await answerTo(['builder 7001 --modal'])).split('\n').find((line) => line.startsWith('https://')) ?? '';
    expect(JSON.parse(decodeURIComponent(builder.slice(builder.indexOf('#') + 1)))).toEqual(view);
  });

  it('shows the Full log for /eventlog <id> --all, with --page and --filter as the modal pages and filters', async () => {
    const all = await answerTo(['/eventlog 7001 --all']);
    expect(all.split('\n')[0]).toBe('▣ Event log');
    expect(all).toContain('records 1,');
    const failures = JSON.parse(await answerTo(['json 7001 --filter=failures --page=1'])) as { private_metadata: string; blocks: unknown[] };
    expect(JSON.parse(failures.private_metadata)).toMatchObject({ f: 'failures' });
    expect(JSON.stringify(failures.blocks)).toContain('Failures only:');
  });

  it('lists --all and json <id> --modal in help', async () => {
    const help = await answerTo(['help']);
    expect(help).toContain('/eventlog <id> --all');
    expect(help).toContain('json <id> --modal');
  });

  it('renders every demo ID within Slack limits', async () => {
    for (const event of DEMO_EVENTS) {
      const message = await messageFor(event.id);
      expect([event.id, checkMessageLimits(message)]).toEqual([event.id, []]);
    }
  });

  it('gives each demo event its exact top-level (push notification) text', async () => {
    const texts: Record<string, string> = {};
    for (const event of DEMO_EVENTS) texts[event.id] = (await messageFor(event.id)).text;
    expect(texts).toEqual({
      '1': '🔴 Event 1 · Firing — Nobody was paged: every notice found 通知人为空 (no receivers)',
      '5310': '⚪ Event 5310 · 主机 10.0.1.23 · Closed — 19 of 22 notices failed: 通知人为空 (no receivers)',
      '4821': '⚪ Event 4821 · 主机 10.0.3.8 · Closed',
      '164239028644167': '🟢 Fatal · CPU使用率告警 · 10.0.3.8 · Recovered — Paging failed: 2 of 6 pages (voice → lisi, SMS → zhangsan)',
      '164239612345678': '🔴 Fatal · CPU使用率告警 · 10.0.7.77 · Firing — Paging failed: 20 of 40 pages (voice → lisi)',
      '164239745612301': '🔕 Warning · 磁盘IO使用率告警 · 10.0.8.12 · Shielded',
      '164239888800017': '⚪ Reminder · 进程端口探测告警 · nginx, 80 · Closed — Nobody was paged: every notice found 通知人为空 (no receivers)',
      '164239311052213': '🔴 Fatal · 磁盘使用率告警 · 10.0.5.21 · Firing — not acknowledged',
      // 8001 moves a stage on with every lookup of this shared source (for `watch 8001`).
      '8001': expect.stringMatching(/^\S+ Event 8001 · 主机 10\.0\.4\.17 · /),
      '7001': '⚪ Event 7001 · Closed — 28 of 259 notices failed: 通知人为空 (no receivers)',
      '9002': '⚪ Event 9002 · Closed — The escalation paged nobody: 未配置升级用户组 (no escalation group configured)',
      '9403': '⚠️ Event 9403: The app may not call the event-log API',
    });
  });

  it('answers an unknown ID with the not-found message, upstream words and code included', async () => {
    const answer = await answerTo(['/eventlog 42']);
    expect(answer).toContain('No such event or alert');
    expect(answer).toContain('告警ID (42) 对应的告警信息不存在');
    expect(answer).toContain('code 3324002');
    expect((await messageFor('42')).text).toBe('⚠️ Event 42: No such event or alert');
  });

  it('shows unknown operates raw and unreadable records in place', async () => {
    const answer = await answerTo(['/eventlog 9002']);
    expect(answer).toContain('UPGRADE_NOTICE');
    expect(answer).toContain('unreadable record: not an object (got null)');
  });

  it('says where a public answer would have gone', async () => {
    expect(await answerTo(['/eventlog 1 public'])).toContain('In Slack this answer would be posted to the channel for everyone.');
    expect(await answerTo(['/eventlog 1'])).not.toContain('posted to the channel');
  });

  it('answers garbage with the specific reason Slack would give', async () => {
    expect(await answerTo(['/eventlog 1.5'])).toContain('Event IDs are whole numbers. Type the ID without a decimal point');
    expect(await answerTo(['abc'])).toContain('That is not an event ID. Type the ID as digits');
  });

  it('names an unknown slash command instead of looking anything up', async () => {
    expect(await answerTo(['/evenlog 1'])).toBe('/evenlog is not a command here. Type /eventlog <id>, or help.\n\n');
  });

  it('stops reading at quit', async () => {
    expect(await answerTo(['quit', '/eventlog 1'])).toBe('');
    expect(await answerTo(['exit'])).toBe('');
  });

  it('answers a source that throws something that is not a LookupError as Slack does (an internal error), without its message, and keeps going', async () => {
    let calls = 0;
    const flaky: EventLogSource = {
      async fetchEventLog(id, identity) {
        calls += 1;
        if (calls === 1) throw new TypeError('fetch https://paas.example.com/?bk_app_secret=s3cr3t failed');
        return demoSource.fetchEventLog(id, identity);
      },
    };
    const answer = await answerTo(['/eventlog 1', '/eventlog 1'], { source: flaky });
    expect(answer).toContain('The bot hit an internal error');
    expect(answer).not.toContain('s3cr3t');
    expect(answer).toContain('通知人为空');
  });

  it('renders a LookupError from the source as the bot\'s error message', async () => {
    const failing: EventLogSource = {
      fetchEventLog: async () => {
        throw new LookupError({ kind: 'rate_limited', code: '1306429', requestId: 'abc123' });
      },
    };
    const answer = await answerTo(['/eventlog 77'], { source: failing });
    expect(answer).toContain('1306429');
    expect(answer).toContain('abc123');
  });

  it('styles output with ANSI only on a terminal', async () => {
    expect(await answerTo(['/eventlog 1'], { isTTY: true })).toContain('\u001b[1;4m');
  });

  it('speaks Chinese when the bot does', async () => {
    const printed = await runLines([], { lang: 'zh-CN' });
    expect(printed).toContain('输入告警或事件 ID');
    expect(printed).toContain('接口文档自带的示例');
  });

  it('ends the session quietly when its output is closed', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const done = runConsole({ input, output, ...consoleDeps({ ...BASE_DEPS, monitorUrl: null }) });
    output.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await expect(done).resolves.toBeUndefined();
  });
});
