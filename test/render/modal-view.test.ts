import type { EventLog } from '../../src/eventlog/model/record';
import { summarize } from '../../src/eventlog/summary/summarize';
import { keepsEntry, TIMELINE_FILTERS, type TimelineFilter } from '../../src/eventlog/summary/timeline-filter';
import { checkModalLimits } from '../helpers/check-limits';
import { decodeModalState, encodeModalState, type ModalState } from '../../src/render/modal-state';
import { messageAsModal, renderFullLogModal, renderLoadingModal } from '../../src/render/modal-view';
import { renderRefusal } from '../../src/render/status-message';
import type { RenderOptions } from '../../src/render/types';
import { makeLog, notice, rec } from '../eventlog/summary/summarize-fixtures';
import { hostileLog } from './hostile-logs';

const NOW = Date.parse('2020-02-01T00:00:00Z');
const LANGS = ['en', 'zh-CN'] as const;

function options(lang: RenderOptions['lang']): RenderOptions {
  return { lang, timezone: 'Asia/Shanghai', monitorUrl: 'https://paas.example.com/o/bk_monitorv3', variant: 'full', page: 0, withActions: true, sharedBy: null };
}

const state = (filter: TimelineFilter, page = 0): ModalState => ({ id: '5310', page, filter, channelId: 'C0INCIDENT' });

type Json = Record<string, unknown>;

/** The timeline's text: sections after the divider. */
function timelineText(view: { blocks: unknown[] }): string {
  const blocks = view.blocks as Json[];
  return JSON.stringify(blocks.slice(blocks.findIndex((b) => b.type === 'divider') + 1).filter((b) => b.type === 'section'));
}

/** All pages of a short walk; of a long one the first few, a middle one and the last ones (the walk below covers every page). */
function pagesToCheck(pageCount: number): number[] {
  if (pageCount <= 6) return Array.from({ length: pageCount }, (_, i) => i);
  const mid = Math.floor(pageCount / 2);
  return [0, 1, 2, mid, pageCount - 2, pageCount - 1];
}

function hasOlder(view: { blocks: unknown[] }): boolean {
  return JSON.stringify(view.blocks).includes('"eventlog_modal_older"');
}

/** Records with unique messages ("rec 00001" …) cycling through every kind the filters tell apart, plus unreadable ones. */
function variedLog(count: number): EventLog {
  const kinds = [
    { operate: 'CONVERGE', status: 'SUCCESS' },
    { operate: 'ANOMALY_NOTICE', status: 'FAILED' },
    { operate: 'ACTION', status: 'SUCCESS' },
    { operate: 'ACK', status: '' },
    { operate: 'CLOSE', status: 'SUCCESS' },
    { operate: 'ALERT_QOS', status: 'SUCCESS' },
    { operate: 'RECOVERY_NOTICE', status: 'PARTIAL_SUCCESS' },
    { operate: 'SEVERITY_UP', status: 'SUCCESS' },
  ];
  const start = Date.parse('2020-01-01T02:00:00Z');
  const entries = Array.from({ length: count }, (_, i) => {
    const kind = i === 0 ? { operate: 'CREATE', status: 'SUCCESS' } : kinds[i % kinds.length];
    // ACTION records with "失败" in their text are failed notices, as the new generation writes them.
    const message = `rec ${String(i + 1).padStart(5, '0')}${kind.operate === 'ACTION' && i % 16 === 2 ? ' 发送失败' : ''}`;
    return rec({ ...kind, message, timeMs: start + i * 60_000, rawTime: '', notice: kind.operate.endsWith('_NOTICE') ? notice() : null });
  });
  return makeLog('5310', entries);
}

describe('Full log modal: limits', () => {
  describe.each([0, 1, 100, 5000])('%d hostile records', (count) => {
    const summary = summarize(hostileLog(count, count >= 1000 ? 1_000 : 10_000), NOW);

    it.each(TIMELINE_FILTERS.flatMap((filter) => LANGS.map((lang) => [filter, lang] as const)))('%s, %s: every checked page is a valid modal', (filter, lang) => {
      const pageCount = (decodeModalState(renderFullLogModal(summary, options(lang), state(filter, Number.MAX_SAFE_INTEGER)).private_metadata)?.page ?? 0) + 1;
      for (const page of pagesToCheck(pageCount)) {
        const view = renderFullLogModal(summary, options(lang), state(filter, page));
        expect({ page, problems: checkModalLimits(view) }).toEqual({ page, problems: [] });
      }
    });
  });

  it('keeps the loading view and answers shown in the modal within limits too', () => {
    for (const lang of LANGS) {
      expect(checkModalLimits(renderLoadingModal(state('all'), lang))).toEqual([]);
      expect(checkModalLimits(messageAsModal(renderRefusal({ kind: 'busy' }, lang), state('all'), lang))).toEqual([]);
    }
  });
});

describe('Full log modal: paging a filtered timeline', () => {
  const log = variedLog(5000);
  const summary = summarize(log, NOW);

  it.each(TIMELINE_FILTERS)('“%s”: walking Older from the first page shows each record it keeps exactly once', (filter) => {
    const seen: string[] = [];
    for (let page = 0; ; page++) {
      const view = renderFullLogModal(summary, options('en'), state(filter, page));
      expect(checkModalLimits(view)).toEqual([]);
      expect(decodeModalState(view.private_metadata)).toEqual(state(filter, page));
      seen.push(...(timelineText(view).match(/rec \d{5}/g) ?? []));
      if (!hasOlder(view)) break;
    }
    const expected = log.entries.filter((entry) => keepsEntry(filter, entry)).map((entry) => (entry.kind === 'record' ? entry.message.slice(0, 9) : ''));
    expect(seen).toHaveLength(expected.length);
    expect([...seen].sort()).toEqual([...expected].sort());
    // Up to 200 pages: a hang guard sized for a loaded CI machine, not a timing assertion.
  }, 120_000);

  it('stores the page it shows, clamped, so Newer from a page past the end goes back one real page', () => {
    const view = renderFullLogModal(summary, options('en'), state('failures', 999_999));
    const shown = decodeModalState(view.private_metadata);
    expect(shown?.page).toBeGreaterThan(0);
    expect(shown?.page).toBeLessThan(999_999);
    expect(hasOlder(view)).toBe(false);
  });

  it('says so when no record matches the filter', () => {
    const onlyCreate = summarize(makeLog('5310', [rec({ operate: 'CREATE', timeMs: NOW - 60_000 })]), NOW);
    const view = renderFullLogModal(onlyCreate, options('en'), state('failures'));
    expect(JSON.stringify(view.blocks)).toContain('No records match “Failures only”');
    expect(checkModalLimits(view)).toEqual([]);
  });

  it('marks the chosen filter as the select’s initial option', () => {
    const view = renderFullLogModal(summary, options('zh-CN'), state('state'));
    const select = (view.blocks as unknown as Json[]).flatMap((b) => (b.type === 'actions' ? (b.elements as Json[]) : [])).find((e) => e.type === 'static_select');
    expect(select).toMatchObject({ action_id: 'eventlog_modal_filter', initial_option: { value: 'state', text: { text: '状态变化' } } });
  });
});

describe('Full log modal: private_metadata', () => {
  it('round-trips a state well under Slack’s 3,000 characters', () => {
    const s: ModalState = { id: '99999999999999999999', page: 999_999, filter: 'notices', channelId: 'C0INCIDENT' };
    expect(decodeModalState(encodeModalState(s))).toEqual(s);
    expect(encodeModalState(s).length).toBeLessThan(120);
  });

  it.each([
    undefined,
    '',
    'not json',
    '{"id":"0","p":0,"f":"all","c":null}',
    '{"id":"5310","p":-1,"f":"all","c":null}',
    '{"id":"5310","p":1.5,"f":"all","c":null}',
    '{"id":"5310","p":0,"f":"everything","c":null}',
    '{"id":"5310","p":0,"f":"all","c":"<!channel>"}',
    'x'.repeat(3001),
  ])('refuses %j', (metadata) => {
    expect(decodeModalState(metadata)).toBeNull();
  });
});

describe('checkModalLimits', () => {
  const good = renderLoadingModal(state('all'), 'en');

  it('accepts a valid modal', () => {
    expect(checkModalLimits(good)).toEqual([]);
  });

  it.each([
    ['a title over 24 characters', { title: { type: 'plain_text', text: 'The whole BlueKing event log' } }, 'view title: 28 chars > 24'],
    ['a mrkdwn title', { title: { type: 'mrkdwn', text: 'Log' } }, 'view title: must be plain_text'],
    ['private_metadata over 3,000 characters', { private_metadata: 'x'.repeat(3001) }, 'view private_metadata: 3001 chars > 3000'],
    ['101 blocks', { blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) }, 'blocks: 101 > 100'],
    ['not a modal', { type: 'home' }, 'view: type "home" is not "modal"'],
  ])('reports %s', (_, change, problem) => {
    expect(checkModalLimits({ ...good, ...change })).toContain(problem);
  });

  it('reports a select whose initial option is not among its options', () => {
    const select = { type: 'static_select', action_id: 'x', options: [{ text: { type: 'plain_text', text: 'A' }, value: 'a' }], initial_option: { text: { type: 'plain_text', text: 'B' }, value: 'b' } };
    expect(checkModalLimits({ ...good, blocks: [{ type: 'actions', elements: [select] }] })).toEqual(['block 0 element 0 select: initial_option is not one of its options']);
  });
});
