import type { FetchedLog } from './answer';
import { recordCountOf } from '../model/record';

/**
 * How heavy a cached answer is: its records (raw or read) and per-receiver
 * actions. The in-process caches are bounded by this as well as by count, so
 * a few huge logs cannot hold the memory that 500 small ones would.
 */
export function answerWeight({ log, deliveries }: FetchedLog): number {
  const actions = deliveries.kind === 'present' ? deliveries.report.actionCount : 0;
  return Math.max(1, recordCountOf(log) + actions);
}

/** Most records an in-process answer cache holds in all (about 50 MB at worst). */
export const CACHE_MAX_RECORDS = 100_000;
