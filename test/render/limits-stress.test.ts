import { summarize } from '../../src/eventlog/summary/summarize';
import { checkMessageLimits } from '../helpers/check-limits';
import { renderEventLog } from '../../src/render/event-log-message';
import { pageCountFor, pageSizeFor } from '../../src/render/paging';
import type { RenderOptions } from '../../src/render/types';
import { hostileLog } from './hostile-logs';

const VARIANTS = ['full', 'compact'] as const;
const LANGS = ['en', 'zh-CN'] as const;

function options(variant: RenderOptions['variant'], lang: RenderOptions['lang'], page: number): RenderOptions {
  return {
    lang,
    timezone: 'Asia/Shanghai',
    monitorUrl: 'https://paas.example.com/o/bk_monitorv3',
    variant,
    page,
    withActions: true,
    sharedBy: 'U024BE7LH',
  };
}

/** Pages worth checking: all of them for small logs, else the first few, a middle one and the last ones. */
function pagesToCheck(pageCount: number): number[] {
  if (pageCount <= 6) return Array.from({ length: pageCount }, (_, i) => i);
  const mid = Math.floor(pageCount / 2);
  return [0, 1, 2, mid, pageCount - 2, pageCount - 1];
}

describe('every rendered event log stays within every Slack limit', () => {
  describe.each([0, 1, 10, 100, 1000, 5000])('%d hostile records', (count) => {
    // 10 KB strings for the smaller logs; the biggest logs keep them shorter so the suite stays fast.
    const summary = summarize(hostileLog(count, count >= 1000 ? 1_000 : 10_000), Date.parse('2020-02-01T00:00:00Z'));

    it.each(VARIANTS.flatMap((variant) => LANGS.map((lang) => [variant, lang] as const)))('%s, %s, on every checked page', (variant, lang) => {
      const pageCount = pageCountFor(summary.timeline.length, pageSizeFor(variant));
      for (const page of pagesToCheck(pageCount)) {
        const message = renderEventLog(summary, options(variant, lang, page));
        expect({ page, problems: checkMessageLimits(message) }).toEqual({ page, problems: [] });
        expect(message.text.length).toBeLessThanOrEqual(300);
      }
    });
  });

  it('keeps a log of long but harmless text readable: ellipses, not errors', () => {
    const summary = summarize(hostileLog(30, 10_000), 0);
    const message = renderEventLog(summary, options('full', 'en', 0));
    const timeline = message.blocks.filter((b) => b.type === 'section').map((b) => (b.type === 'section' ? (b.text?.text ?? '') : ''));
    for (const line of timeline.join('\n').split('\n')) expect(line.length).toBeLessThanOrEqual(300);
  });
});
