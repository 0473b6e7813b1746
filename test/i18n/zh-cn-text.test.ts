import { buildDemoActionResponses, buildDemoResponses, createDemoSource, DEMO_EVENTS } from '../../src/console/demo-data';
import { EVOLVING_INCIDENT_ID, EVOLVING_STAGES, evolvingIncidentResponse } from '../../src/console/demo/evolving-incident';
import { createServerClock } from '../../src/console/demo/server-clock';
import { displayWidth } from '../../src/console/display-width';
import { LookupError } from '../../src/eventlog/model/lookup-error';
import type { EventSummary } from '../../src/eventlog/summary/summarize-types';
import { TIMELINE_FILTERS } from '../../src/eventlog/summary/timeline-filter';
import { renderLookupError } from '../../src/render/error-message';
import { renderEventLog } from '../../src/render/event-log-message';
import { messageAsModal, renderFullLogModal, renderLoadingModal } from '../../src/render/modal-view';
import { pageCountFor, pageSizeFor } from '../../src/render/paging';
import type { RenderOptions, SlackMessage, WatchView } from '../../src/render/types';
import { renderUnfurl } from '../../src/render/unfurl-blocks';
import type { WatchChange } from '../../src/watch/changes';
import { endedWatchView, liveWatchView, threadLine } from '../../src/watch/watch-render';
import type { StopReason } from '../../src/watch/watch-record';
import { runConsoleLines } from '../helpers/console-run';
import { fetchDemoSummary } from '../helpers/demo-summary';
import { visibleText } from '../helpers/phone-rules';

/**
 * Chinese as a Chinese reader expects it, on every surface the bot draws for
 * every demo event (message full and compact on every page and watch state,
 * thread reply, Full log modal on every filter and page, unfurl, watch banners
 * and thread lines, the console): no half-width `:` or `,` right after a
 * Chinese character, and no line of the first screen (what a phone shows before
 * the timeline: header, verdict, callout, convergence) wider than FIRST_SCREEN_COLUMNS.
 *
 * BlueKing's own words are shown as sent (its new-generation texts join parts
 * with a plain comma: `规则组CPU 值班, 级别维持`), so a hit whose few characters
 * around it appear in a demo's raw answer is BlueKing's, not ours.
 */

const NOW = Date.parse('2024-08-01T12:00:00Z');
const ZONE = 'Asia/Shanghai';
/** A phone shows about 40 columns a line: the first screen's lines may wrap once, not three times. */
const FIRST_SCREEN_COLUMNS = 90;
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

/** Every raw answer the demo serves, get_event_log and search_action, each stage of the evolving incident too. */
const RAW_ANSWERS: readonly string[] = (() => {
  const clock = createServerClock(ZONE);
  return [
    ...[...buildDemoResponses(ZONE).values()].map((r) => r.body),
    ...[...buildDemoActionResponses().values()].map((r) => r.body),
    ...EVOLVING_STAGES.map((stage) => evolvingIncidentResponse(stage, clock).body),
  ].map((body) => body.replace(/\$/g, '')); // `$查看任务详情$` marks a link label, shown without the marks
})();

/** Half-width `:` / `,` right after a Chinese character, unless BlueKing wrote it so. */
function halfWidthAfterChinese(text: string): string[] {
  const hits: string[] = [];
  const chars = [...text];
  chars.forEach((char, i) => {
    if ((char !== ':' && char !== ',') || i === 0 || !CJK.test(chars[i - 1] ?? '')) return;
    const around = chars.slice(Math.max(0, i - 2), i + 2).join('');
    if (!RAW_ANSWERS.some((raw) => raw.includes(around))) hits.push(`“${chars.slice(Math.max(0, i - 12), i + 8).join('')}”`);
  });
  return hits;
}

/** Every text a reader may see in a payload: the top-level text and every `text`, `alt_text`, placeholder and option label. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    if (key === 'url' || key === 'action_id' || key === 'block_id' || key === 'value' || key === 'private_metadata' || key === 'callback_id') return [];
    return textsOf(inner);
  });
}

/** The lines of the first screen: everything before the timeline's divider, buttons and BlueKing-worded bullets aside. */
function firstScreenLines(message: SlackMessage): string[] {
  const blocks = message.blocks as unknown as Array<Record<string, unknown>>;
  const divider = blocks.findIndex((b) => b.type === 'divider');
  return blocks
    .slice(0, divider < 0 ? blocks.length : divider)
    .filter((b) => b.type !== 'actions')
    .flatMap(textsOf)
    .flatMap((text) => text.split('\n'))
    // A bullet quotes BlueKing's reason (CMSI answers, webhook errors), bounded by the render budget instead.
    .filter((line) => !line.startsWith('• '));
}

function tooWide(message: SlackMessage): string[] {
  return firstScreenLines(message)
    .map(visibleText)
    .filter((line) => displayWidth(line) > FIRST_SCREEN_COLUMNS)
    .map((line) => `${displayWidth(line)} columns: ${line}`);
}

const source = createDemoSource(ZONE);

const fetchSummary = (id: string): Promise<EventSummary | LookupError> => fetchDemoSummary(source, id, NOW);

const BASE: RenderOptions = {
  lang: 'zh-CN',
  timezone: ZONE,
  monitorUrl: 'https://paas.example.com/o/bk_monitorv3',
  variant: 'full',
  page: 0,
  withActions: true,
  sharedBy: null,
};
const SETTINGS = { lang: 'zh-CN' as const, timezone: ZONE, maxHours: 24 };
const WATCH = { key: 'T0WORKSPACE:C0INCIDENT:5310', startedBy: 'U0ALICE', updatedAtMs: NOW };
const WATCH_VIEWS: ReadonlyArray<WatchView | undefined> = [undefined, { kind: 'offer' }, liveWatchView(WATCH, SETTINGS), endedWatchView(WATCH, { reason: 'closed', by: null }, SETTINGS)];

/** Every message and view drawn for one summary (or error), with what the first screen is checked on. */
function surfaces(id: string, found: EventSummary | LookupError): { texts: string[]; firstScreens: SlackMessage[] } {
  const state = { id, page: 0, filter: 'all' as const, channelId: 'C0INCIDENT' };
  if (found instanceof LookupError) {
    const message = renderLookupError(id, found, { lang: 'zh-CN' });
    // An error answer is a few sentences of explanation, not a first screen to scan: its wrapping is fine.
    return { texts: [...textsOf(message), ...textsOf(messageAsModal(message, state, 'zh-CN'))], firstScreens: [] };
  }
  const messages: SlackMessage[] = [];
  for (const variant of ['full', 'compact'] as const) {
    const pages = pageCountFor(found.timeline.length, pageSizeFor(variant));
    for (let page = 0; page < pages; page++) {
      for (const sharedBy of [null, 'U0BOB']) {
        for (const watch of WATCH_VIEWS) messages.push(renderEventLog(found, { ...BASE, variant, page, sharedBy, ...(watch ? { watch } : {}) }));
      }
    }
  }
  const texts = messages.flatMap(textsOf);
  for (const filter of TIMELINE_FILTERS) {
    const pages = Math.max(1, pageCountFor(found.timeline.length, pageSizeFor('full')));
    for (let page = 0; page < pages; page++) texts.push(...textsOf(renderFullLogModal(found, BASE, { ...state, filter, page })));
  }
  texts.push(...textsOf(renderLoadingModal(state, 'zh-CN')), ...textsOf(renderUnfurl(found, { ...BASE, variant: 'compact' })));
  return { texts, firstScreens: messages.filter((_, i) => i % WATCH_VIEWS.length === 0) };
}

const IDS = [...DEMO_EVENTS.map((event) => event.id), '123456789'];

describe('zh-CN text on every surface of every demo event', () => {
  it.each(IDS)('%s: no half-width : or , after Chinese, and a first screen a phone can read', async (id) => {
    const { texts, firstScreens } = surfaces(id, await fetchSummary(id));
    expect(texts.flatMap(halfWidthAfterChinese)).toEqual([]);
    expect(firstScreens.flatMap(tooWide)).toEqual([]);
  });

  it('the evolving incident, each stage as a watch sees it', async () => {
    const problems: string[] = [];
    for (let stage = 0; stage < EVOLVING_STAGES.length; stage++) {
      const { texts, firstScreens } = surfaces(EVOLVING_INCIDENT_ID, await fetchSummary(EVOLVING_INCIDENT_ID));
      problems.push(...texts.flatMap(halfWidthAfterChinese), ...firstScreens.flatMap(tooWide));
    }
    expect(problems).toEqual([]);
  });

  it('watch thread lines and banners, every change and every way a watch ends', () => {
    const changes: WatchChange[] = [
      { kind: 'notices_failed', added: 2, reason: '通知人为空', noReceivers: true },
      { kind: 'notices_failed', added: 1, reason: null, noReceivers: false },
      { kind: 'severity_raised', times: 2 },
      { kind: 'acknowledged', by: 'lisi', note: '正在处理' },
      { kind: 'acknowledged', by: null, note: null },
      { kind: 'recovered' },
      { kind: 'closed', bySystem: true },
      { kind: 'closed', bySystem: false },
    ];
    const reasons: StopReason[] = ['closed', 'recovered_quiet', 'max_age', 'stopped', 'message_gone', 'not_in_channel', 'channel_archived', 'bot_removed', 'access_revoked', 'restart'];
    const texts: string[] = [];
    for (const id of ['5310', '164239028644167']) {
      texts.push(...textsOf(threadLine(id, changes, null, SETTINGS)));
      for (const reason of reasons) {
        for (const by of [null, 'U0BOB']) {
          texts.push(...textsOf(threadLine(id, [], { reason, by }, SETTINGS)), ...textsOf(endedWatchView(WATCH, { reason, by }, SETTINGS)));
        }
      }
    }
    expect(texts.flatMap(halfWidthAfterChinese)).toEqual([]);
  });

  it('the console: help, every demo event, the Full log, a watch, an unknown ID and bad input', async () => {
    const lines = ['help', ...IDS.flatMap((id) => [id, `${id} --all`, `${id} --filter=failures`]), 'watch 8001', 'abc', '/nope'];
    const printed = await runConsoleLines(lines, {
      source: createDemoSource(ZONE),
      sourceLabel: '内置演示数据',
      lang: 'zh-CN',
      timezone: ZONE,
      monitorUrl: 'https://paas.example.com/o/bk_monitorv3',
      now: () => NOW,
      isTTY: false,
      watchPauseMs: 0,
    });
    expect(printed.split('\n').flatMap(halfWidthAfterChinese)).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    expect(halfWidthAfterChinese('蓝鲸返回: 出错')).toHaveLength(1);
    expect(halfWidthAfterChinese('电话, 短信')).toHaveLength(1);
    expect(halfWidthAfterChinese('蓝鲸返回：出错 · Alert ID: 1')).toEqual([]);
    // BlueKing's own comma, as its demo answer has it.
    expect(halfWidthAfterChinese('告警适配到自动分派规则组CPU 值班, 级别维持【预警】不变')).toEqual([]);
    expect(tooWide({ text: '', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '宽'.repeat(46) } }] })).toHaveLength(1);
  });
});
