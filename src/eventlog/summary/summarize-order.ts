import type { Generation, LogEntry } from '../model/record';

/**
 * Put entries in chronological order whatever the upstream order.
 *
 * The new generation sends newest first, so such input is reversed before a
 * stable sort: records sharing a timestamp then keep their true order.
 * Entries without a readable time (unreadable records, odd `create_time`)
 * take the sort key of the entry before them, so they stay next to the
 * neighbour upstream put them after (or at the start when nothing precedes).
 */
export function chronological(entries: readonly LogEntry[], generation: Generation): LogEntry[] {
  const ordered = isNewestFirst(entries, generation) ? [...entries].reverse() : [...entries];
  const keys = new Map<LogEntry, number>();
  const ranks = new Map<LogEntry, number>();
  // The new generation sorts one second's records by operate name (A→Z), so reversed they run Z→A:
  // a second's CREATE goes first and its ACTIONs (consequences of the rest) last.
  const rank = generation === 'new' ? sameSecondRank : () => 0;
  let previousKey = Number.NEGATIVE_INFINITY;
  let previousRank = 0;
  let sorted = true;
  for (const entry of ordered) {
    const time = timeOf(entry);
    const key = time ?? previousKey;
    const entryRank = time === null ? previousRank : rank(entry);
    if (key < previousKey || (key === previousKey && entryRank < previousRank)) sorted = false;
    keys.set(entry, key);
    ranks.set(entry, entryRank);
    previousKey = key;
    previousRank = entryRank;
  }
  if (sorted) return ordered;
  // Array.prototype.sort is stable (ES2019), which keeps ties and untimed entries in place.
  return ordered.sort((a, b) => (keys.get(a) ?? 0) - (keys.get(b) ?? 0) || (ranks.get(a) ?? 0) - (ranks.get(b) ?? 0));
}

/** Within one second: the alert's creation, then what happened to it, then the actions it set off. */
function sameSecondRank(entry: LogEntry): number {
  if (entry.kind !== 'record') return 1;
  if (entry.operate === 'CREATE') return 0;
  return entry.operate === 'ACTION' ? 2 : 1;
}

/** Newest first: the new generation says so; otherwise believe the times when most of them run backwards. */
function isNewestFirst(entries: readonly LogEntry[], generation: Generation): boolean {
  if (generation === 'new') return true;
  let backwards = 0;
  let forwards = 0;
  let previous: number | null = null;
  for (const entry of entries) {
    const time = timeOf(entry);
    if (time === null) continue;
    if (previous !== null) {
      if (time < previous) backwards += 1;
      else if (time > previous) forwards += 1;
    }
    previous = time;
  }
  return backwards > forwards;
}

function timeOf(entry: LogEntry): number | null {
  return entry.kind === 'record' && entry.timeMs !== null && Number.isFinite(entry.timeMs) ? entry.timeMs : null;
}
