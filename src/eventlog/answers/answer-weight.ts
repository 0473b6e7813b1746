import type { FetchedLog } from './answer';

/**
 * How heavy a cached answer is: its records read (and per-receiver actions),
 * or for a big log kept raw its bytes in record-sized units. The in-process
 * caches are bounded by this as well as by count, so a few huge logs cannot
 * hold the memory that 500 small ones would.
 */
export function answerWeight({ log, deliveries }: FetchedLog): number {
  const actions = deliveries.kind === 'present' ? deliveries.report.actionCount : 0;
  // A raw log holds its body, not its records: weighed by bytes, so the largest body accepted (48 MB) still fits alone
  // and its Full log pages come from the cache; weighed by records, a month-long log's 135,000 would not fit at all.
  const records = log.raw ? Math.ceil(log.raw.body.byteLength / BYTES_PER_RECORD) : log.entries.length;
  return Math.max(1, records + actions);
}

/** Most records an in-process answer cache holds in all (about 50 MB at worst). */
export const CACHE_MAX_RECORDS = 100_000;

/** What one read record costs in memory, about: a raw body is weighed in these units. */
export const BYTES_PER_RECORD = 512;
