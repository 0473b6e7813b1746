import { effectiveStatus } from './notice-outcome';
import { NOTICE_OPERATES, type LogEntry } from '../model/record';

/**
 * The Full log's filters: which timeline entries each one keeps. Pure, and
 * order-preserving, so paging a filtered timeline walks it like the whole one.
 */

export const TIMELINE_FILTERS = ['all', 'notices', 'failures', 'state'] as const;
export type TimelineFilter = (typeof TIMELINE_FILTERS)[number];

/** Records that change where the event stands: created, acked, recovering/recovered, closed, severity. */
const STATE_OPERATES: ReadonlySet<string> = new Set([
  'CREATE',
  'ACK',
  'RECOVERING',
  'DELAY_RECOVER',
  'ABORT_RECOVER',
  'RECOVER',
  'SYSTEM_RECOVER',
  'CLOSE',
  'SYSTEM_CLOSE',
  'SEVERITY_UP',
]);

// The throttling record is a notice that was held back on purpose: it belongs with the notices.
const NOTICE_LIKE: ReadonlySet<string> = new Set([...NOTICE_OPERATES, 'ALERT_QOS']);
const FAILED_STATUSES: ReadonlySet<string> = new Set(['FAILED', 'PARTIAL_SUCCESS']);

/** Whether `filter` keeps `entry`. Unreadable records are shown only under "all": nothing proves what they were. */
export function keepsEntry(filter: TimelineFilter, entry: LogEntry): boolean {
  if (filter === 'all') return true;
  if (entry.kind !== 'record') return false;
  if (filter === 'notices') return NOTICE_LIKE.has(entry.operate);
  if (filter === 'failures') return FAILED_STATUSES.has(effectiveStatus(entry));
  return STATE_OPERATES.has(entry.operate);
}

/** The entries `filter` keeps, in their original order (the same array for "all"). */
export function filterTimeline(timeline: readonly LogEntry[], filter: TimelineFilter): readonly LogEntry[] {
  return filter === 'all' ? timeline : timeline.filter((entry) => keepsEntry(filter, entry));
}

export function isTimelineFilter(value: unknown): value is TimelineFilter {
  return typeof value === 'string' && (TIMELINE_FILTERS as readonly string[]).includes(value);
}
