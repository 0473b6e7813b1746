/**
 * Wall-clock time in an IANA zone without a date library per call: the zone's
 * UTC offset is looked up once per zone and hour, then reused, so parsing and
 * formatting thousands of records stays linear and cheap.
 */

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const formatters = new Map<string, Intl.DateTimeFormat>();
// zone → hour start → offset. Numeric keys per zone: a lookup costs no string building (rendering asks per line).
const offsetCache = new Map<string, Map<number, number>>();
const OFFSET_CACHE_LIMIT = 50_000;

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC in ms at the given instant (e.g. +8h for Asia/Shanghai). */
export function zoneOffsetMs(epochMs: number, zone: string): number {
  const hourStart = Math.floor(epochMs / HOUR_MS) * HOUR_MS;
  let byHour = offsetCache.get(zone);
  if (byHour === undefined) {
    byHour = new Map<number, number>();
    offsetCache.set(zone, byHour);
  }
  const cached = byHour.get(hourStart);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(new Date(hourStart))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offset = asUtc - hourStart;
  if (byHour.size >= OFFSET_CACHE_LIMIT) byHour.clear();
  byHour.set(hourStart, offset);
  return offset;
}

/**
 * Epoch ms of a wall-clock time in a zone. Of the offsets in force a day
 * either side, the ones that map back to this wall clock are candidates: in an
 * overlap (clocks set back) the earlier instant wins; in a gap (clocks set
 * forward) the time is read with the offset before the change, which lands
 * just after the gap, as a person would read it.
 */
export function wallClockToEpochMs(w: WallClock, zone: string): number {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const before = zoneOffsetMs(naive - DAY_MS, zone);
  const after = zoneOffsetMs(naive + DAY_MS, zone);
  if (before === after) return naive - before; // no change nearby: the common case
  const valid = [naive - before, naive - after].filter((t) => t + zoneOffsetMs(t, zone) === naive);
  return valid.length > 0 ? Math.min(...valid) : naive - before;
}

/** The wall clock in a zone at an instant. */
export function epochMsToWallClock(epochMs: number, zone: string): WallClock {
  return utcWallClock(epochMs + zoneOffsetMs(epochMs, zone));
}

/** The wall clock of an instant read in UTC (also: of a "naive" wall time stored as if it were UTC). */
export function utcWallClock(ms: number): WallClock {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}
