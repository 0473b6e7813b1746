import { summarize } from '../../src/eventlog/summary/summarize';
import { clampPage, pageCountFor, pageSizeFor, timelinePage, type TimelinePage } from '../../src/render/paging';
import { hostileLog } from './hostile-logs';

/** Every page of a timeline of `total` records, in paging order (0 = default, then older). */
function allTimelinePages(total: number, pageSize: number): TimelinePage[] {
  return Array.from({ length: pageCountFor(total, pageSize) }, (_, i) => timelinePage(total, pageSize, i));
}

/** Every timeline index the pages show, in walking order. */
function walk(total: number, pageSize: number): number[] {
  return allTimelinePages(total, pageSize).flatMap((page) => page.segments.flatMap(({ start, end }) => Array.from({ length: end - start }, (_, i) => start + i)));
}

describe('timeline paging', () => {
  it('shows a short timeline whole on one page', () => {
    expect(timelinePage(9, 25, 0)).toEqual({ index: 0, pageCount: 1, segments: [{ start: 0, end: 9 }], shown: 9, earlierHidden: 0, newerHidden: 0 });
  });

  it('shows nothing and one page for an empty timeline', () => {
    expect(timelinePage(0, 25, 3)).toEqual({ index: 0, pageCount: 1, segments: [], shown: 0, earlierHidden: 0, newerHidden: 0 });
  });

  it('opens a long timeline on its first record and its newest records, saying how many are hidden between', () => {
    expect(timelinePage(500, 25, 0)).toEqual({
      index: 0,
      pageCount: 20,
      segments: [
        { start: 0, end: 1 },
        { start: 476, end: 500 },
      ],
      shown: 25,
      earlierHidden: 475,
      newerHidden: 0,
    });
  });

  it('walks older pages back through the middle, newest chunk first', () => {
    expect(timelinePage(500, 25, 1)).toMatchObject({ segments: [{ start: 451, end: 476 }], earlierHidden: 450, newerHidden: 24 });
    // The oldest page hides nothing Older could show: the first record is on page 0.
    expect(timelinePage(500, 25, 19)).toMatchObject({ segments: [{ start: 1, end: 26 }], earlierHidden: 0, newerHidden: 474 });
  });

  it.each([
    [26, 25],
    [27, 10],
    [500, 25],
    [500, 10],
    [501, 10],
    [1000, 25],
    [5000, 10],
  ])('visits each of %d records exactly once over all pages of %d', (total, pageSize) => {
    const seen = walk(total, pageSize);
    expect(seen).toHaveLength(total);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i));
    for (const page of allTimelinePages(total, pageSize)) expect(page.shown).toBeLessThanOrEqual(pageSize);
  });

  it('pages a 500-record summary the same way in both variants, every record once', () => {
    const summary = summarize(hostileLog(500, 20), 0);
    for (const variant of ['full', 'compact'] as const) {
      const pages = allTimelinePages(summary.timeline.length, pageSizeFor(variant));
      expect(pages).toHaveLength(variant === 'full' ? 20 : 50);
      const shown = pages.flatMap((p) => p.segments.flatMap(({ start, end }) => summary.timeline.slice(start, end)));
      expect(new Set(shown).size).toBe(500);
    }
  });

  it('clamps a requested page to the pages that exist', () => {
    expect(pageCountFor(500, 25)).toBe(20);
    expect(clampPage(99, 20)).toBe(19);
    expect(clampPage(-3, 20)).toBe(0);
    expect(clampPage(Number.NaN, 20)).toBe(0);
    expect(clampPage(2.7, 20)).toBe(2);
    expect(timelinePage(500, 25, 1000).index).toBe(19);
  });
});
