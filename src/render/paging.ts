import { RENDER_BUDGET } from './limits';
import type { RenderOptions } from './types';

/**
 * Which timeline records each page shows. Page 0 is what an on-call engineer
 * wants first: how it began (the first record) and the newest records. Older
 * pages then walk back through the middle, newest first, in fixed-size
 * chunks, so walking every page shows every record exactly once.
 */

/** A run of timeline indices [start, end). */
export interface TimelineSegment {
  start: number;
  end: number;
}

export interface TimelinePage {
  index: number;
  pageCount: number;
  /** Chronological, non-overlapping runs of the timeline this page shows. */
  segments: TimelineSegment[];
  /** Records shown on this page. */
  shown: number;
  /**
   * Records older than this page that Older reaches (page 0: those between the first record and the
   * newest ones). The first record itself is never counted: it is on page 0, and the oldest page
   * saying "1 earlier record hidden" with no Older to press would send a reader looking for it.
   */
  earlierHidden: number;
  /** Records newer than this page (0 on page 0). */
  newerHidden: number;
}

// Records pinned at the start of page 0: the creation, so "when did it begin" is always in view.
const PINNED_HEAD = 1;

/** Number of pages a timeline of `total` records takes. */
export function pageCountFor(total: number, pageSize: number): number {
  if (total <= pageSize) return 1;
  return 1 + Math.ceil((total - pageSize) / pageSize);
}

/** Page `index` (clamped to the pages that exist) of a timeline of `total` records. O(1). */
export function timelinePage(total: number, pageSize: number, index: number): TimelinePage {
  const size = Math.max(PINNED_HEAD + 1, Math.floor(pageSize));
  const pageCount = pageCountFor(total, size);
  const page = clampPage(index, pageCount);
  if (pageCount === 1) {
    return { index: 0, pageCount, segments: total > 0 ? [{ start: 0, end: total }] : [], shown: total, earlierHidden: 0, newerHidden: 0 };
  }
  const tailStart = total - (size - PINNED_HEAD);
  if (page === 0) {
    return {
      index: 0,
      pageCount,
      segments: [
        { start: 0, end: PINNED_HEAD },
        { start: tailStart, end: total },
      ],
      shown: size,
      earlierHidden: tailStart - PINNED_HEAD,
      newerHidden: 0,
    };
  }
  // Older pages cover [PINNED_HEAD, tailStart), newest chunk first.
  const end = tailStart - (page - 1) * size;
  const start = Math.max(PINNED_HEAD, end - size);
  return { index: page, pageCount, segments: [{ start, end }], shown: end - start, earlierHidden: start - PINNED_HEAD, newerHidden: total - end };
}

/** Records per page for a variant. */
export function pageSizeFor(variant: RenderOptions['variant']): number {
  return RENDER_BUDGET.pageSize[variant];
}

/** A requested page number made safe: whole, ≥ 0, < pageCount. */
export function clampPage(index: number, pageCount: number): number {
  if (!Number.isFinite(index) || index < 0) return 0;
  return Math.min(Math.floor(index), Math.max(0, pageCount - 1));
}
