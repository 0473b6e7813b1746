import { createDemoSource, DEMO_EVENTS } from '../../src/console/demo-data';
import { LookupError } from '../../src/eventlog/model/lookup-error';
import type { EventSummary } from '../../src/eventlog/summary/summarize-types';
import { TIMELINE_FILTERS } from '../../src/eventlog/summary/timeline-filter';
import { renderLookupError } from '../../src/render/error-message';
import { renderEventLog } from '../../src/render/event-log-message';
import { messageAsModal, renderFullLogModal, renderLoadingModal } from '../../src/render/modal-view';
import { pageCountFor, pageSizeFor } from '../../src/render/paging';
import type { RenderOptions, WatchView } from '../../src/render/types';
import { renderUnfurl } from '../../src/render/unfurl-blocks';
import { endedWatchView, liveWatchView } from '../../src/watch/watch-render';
import { checkMessageLimits, checkModalLimits, checkUnfurlLimits } from '../helpers/check-limits';
import { fetchDemoSummary } from '../helpers/demo-summary';

/**
 * Every demo event through every surface the bot draws — the full and compact
 * answer on every page (ephemeral, shared, offered a watch, the live and the
 * ended watching message), the Full log modal on every filter and page, its
 * loading view, and the unfurl — in both languages, against Slack's own limits
 * (test/helpers/check-limits.ts). One refused payload fails the whole post in Slack.
 */
const NOW = Date.parse('2024-08-01T12:00:00Z');
const ZONE = 'Asia/Shanghai';
const source = createDemoSource(ZONE, NOW);
const LANGS = ['en', 'zh-CN'] as const;

const fetchSummary = (id: string): Promise<EventSummary | LookupError> => fetchDemoSummary(source, id, NOW);

function watchViews(lang: RenderOptions['lang']): (WatchView | undefined)[] {
  const settings = { lang, timezone: ZONE, maxHours: 24 };
  const watch = { key: 'T0WORKSPACE:C0INCIDENT:5310', startedBy: 'U0ALICE', updatedAtMs: NOW };
  return [undefined, { kind: 'offer' }, liveWatchView(watch, settings), endedWatchView(watch, { reason: 'closed', by: null }, settings)];
}

describe.each(DEMO_EVENTS.map((event) => event.id))('demo event %s, every surface', (id) => {
  it.each(LANGS)('%s', async (lang) => {
    const found = await fetchSummary(id);
    const problems: string[] = [];
    const state = { id, page: 0, filter: 'all' as const, channelId: 'C0INCIDENT' };
    if (found instanceof LookupError) {
      const message = renderLookupError(id, found, { lang });
      problems.push(...checkMessageLimits(message), ...checkModalLimits(messageAsModal(message, state, lang)));
      expect(problems).toEqual([]);
      return;
    }
    const base: RenderOptions = { lang, timezone: ZONE, monitorUrl: 'https://paas.example.com/o/bk_monitorv3', variant: 'full', page: 0, withActions: true, sharedBy: null };
    for (const variant of ['full', 'compact'] as const) {
      const pages = pageCountFor(found.timeline.length, pageSizeFor(variant));
      for (let page = 0; page < pages; page++) {
        for (const sharedBy of [null, 'U0BOB']) {
          for (const watch of watchViews(lang)) {
            const message = renderEventLog(found, { ...base, variant, page, sharedBy, ...(watch ? { watch } : {}) });
            problems.push(...checkMessageLimits(message).map((p) => `${variant} p${page} ${sharedBy ?? ''} ${watch?.kind ?? ''}: ${p}`));
          }
        }
      }
    }
    for (const filter of TIMELINE_FILTERS) {
      const pages = Math.max(1, pageCountFor(found.timeline.length, pageSizeFor('full')));
      for (let page = 0; page < pages; page++) {
        problems.push(...checkModalLimits(renderFullLogModal(found, base, { ...state, filter, page })).map((p) => `modal ${filter} p${page}: ${p}`));
      }
    }
    problems.push(...checkModalLimits(renderLoadingModal(state, lang)).map((p) => `loading modal: ${p}`));
    problems.push(...checkUnfurlLimits(renderUnfurl(found, { ...base, variant: 'compact' })).map((p) => `unfurl: ${p}`));
    expect(problems).toEqual([]);
  });
});
