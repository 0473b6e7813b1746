import { epochMsToWallClock, zoneOffsetMs } from '../eventlog/model/time-zone';
import { clipInline } from './mrkdwn';

/**
 * Times as Slack date tokens: `<!date^UNIX^{date_short_pretty} {time}|FALLBACK>`
 * renders in each reader's own zone; FALLBACK (shown where Slack cannot render
 * the token, and in the console) is written in the configured BlueKing zone,
 * with the year and the offset only where they differ from the reader's now.
 */

/** 'time' = "10:38"; 'date-time' = "Jan 1 10:38" / "03-12 10:38", "2020-01-01 10:38", "2024-03-31 10:38 +01:00". */
export type DateStyle = 'time' | 'date-time';

const FORMAT: Readonly<Record<DateStyle, string>> = {
  time: '{time}',
  'date-time': '{date_short_pretty} {time}',
};

/** A `<!date^…>` token for an instant; plain fallback text when the instant cannot be expressed as one. */
export function dateToken(epochMs: number, timezone: string, style: DateStyle, nowMs: number | null = null): string {
  const fallback = formatFallback(epochMs, timezone, style, nowMs);
  const unix = Math.floor(epochMs / 1000);
  if (!isDateMs(epochMs) || unix < 0) return fallback;
  return `<!date^${unix}^${FORMAT[style]}|${fallback}>`;
}

/**
 * "10:38", or the date and time in the given zone: "03-12 10:38" in the year of `nowMs`,
 * "2020-03-12 10:38" in another, with " +01:00" only when the zone's offset then differs
 * from its offset at `nowMs` (summer time). Without `nowMs`, always the year and the offset.
 * Plain text: digits, dashes, colons, "+".
 */
export function formatFallback(epochMs: number, timezone: string, style: DateStyle, nowMs: number | null = null): string {
  if (!isDateMs(epochMs)) return '?';
  const zone = usableZone(timezone);
  const w = epochMsToWallClock(epochMs, zone);
  const time = `${pad(w.hour)}:${pad(w.minute)}`;
  if (style === 'time') return time;
  const now = nowMs !== null && isDateMs(nowMs) ? { year: epochMsToWallClock(nowMs, zone).year, offset: zoneOffsetMs(nowMs, zone) } : null;
  const offset = zoneOffsetMs(epochMs, zone);
  const date = `${pad(w.month)}-${pad(w.day)} ${time}`;
  const withYear = now === null || now.year !== w.year ? `${w.year}-${date}` : date;
  return now === null || now.offset !== offset ? `${withYear} ${offsetLabel(offset)}` : withYear;
}

/** The calendar day in the zone as a comparable key, to tell when a timeline line needs its date. */
export function dayKey(epochMs: number, timezone: string): string {
  if (!isDateMs(epochMs)) return '?';
  const w = epochMsToWallClock(epochMs, usableZone(timezone));
  return `${w.year}-${w.month}-${w.day}`;
}

// The largest instant a JS Date can hold; past it Intl throws.
const MAX_DATE_MS = 8.64e15;

function isDateMs(epochMs: number): boolean {
  return Number.isFinite(epochMs) && Math.abs(epochMs) <= MAX_DATE_MS;
}

const zoneValidity = new Map<string, boolean>();

/** Rendering must not throw on a bad zone (config validates it; plain callers may not): fall back to UTC. */
function usableZone(zone: string): string {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    zoneValidity.set(zone, valid);
  }
  return valid ? zone : 'UTC';
}

function offsetLabel(offsetMs: number): string {
  if (offsetMs === 0) return 'UTC';
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * How a record's time reads in a line: a date token (with the date when
 * asked), or the raw `create_time` in brackets when it could not be read.
 */
export function recordTime(timeMs: number | null, rawTime: string, timezone: string, withDate: boolean, nowMs: number | null = null): string {
  if (timeMs === null) return `[${clipInline(rawTime, RAW_TIME_MAX) || '?'}]`;
  return dateToken(timeMs, timezone, withDate ? 'date-time' : 'time', nowMs);
}

const RAW_TIME_MAX = 25;
