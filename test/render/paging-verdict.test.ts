import { parseSearchActionResponse } from '../../src/bk/search-action';
import { summarizeDeliveries } from '../../src/eventlog/deliveries/deliveries';
import { summarize } from '../../src/eventlog/summary/summarize';
import { pagingLines } from '../../src/render/paging-verdict';
import { searchActionAnswer, sixDeliveries } from '../fixtures/bk/search-action';
import { newGenerationLog, shanghai } from '../eventlog/summary/summarize-fixtures';

/** The verdict's paging lines from per-receiver results, with what is still going and what could not be counted. */

function linesFor(actions: Array<Record<string, unknown>>, total: number): string[] {
  const list = parseSearchActionResponse({ httpStatus: 200, headers: { get: () => null }, body: searchActionAnswer(actions, total) });
  return pagingLines(summarize(newGenerationLog(), shanghai('2022-01-17', '14:00:00'), { kind: 'present', report: summarizeDeliveries(list) }), 'en');
}

describe('pagingLines', () => {
  it('says deliveries still in flight and a count cut at BlueKing’s first 10,000 actions, on the failure line', () => {
    const actions = sixDeliveries().map((a) => (a.raw_id === 504 ? { ...a, status: 'running', end_time: null } : a));
    expect(linesFor(actions, 20_000)[0]).toBe('🚨 *Paging failed:* 2 of 6 pages (voice → lisi, SMS → zhangsan) · ⏳ 1 in flight (counted over the first 7 actions; BlueKing reported more)');
  });

  it('says every page was delivered when search_action shows it, and who was reached', () => {
    const delivered = sixDeliveries().map((a) => ({ ...a, status: 'success' }));
    expect(linesFor(delivered, delivered.length)).toEqual(['✅ all 6 pages delivered', 'reached lisi (voice, mail, WeChat), zhangsan (SMS, mail, WeChat)']);
  });
});
