import { epochMsToWallClock, zoneOffsetMs } from '../eventlog/model/time-zone';
import { clipInline } from './mrkdwn';

/**
 * Times as Slack date tokens: `<!date^UNIX^{date_short_pretty} {time}|FALLBACK>`
 * renders in each reader's own zone; FALLBACK (shown where Slack cannot render
 * the token) is written in the configured BlueKing zone, with its offset.
 */

/** 'time' = "10:38"; 'date-time' = "Jan 1 10:38" / "2020-01-01 10:38 +08:00". */
export type DateStyle = 'time' | 'date-time';

const FORMAT: Readonly<Record<DateStyle, string>> = {
  time: '{time}',
  'date-time': '{date_short_pretty} {time}',
};

/** A `<!date^…>` token for an instant; plain fallback text when the instant cannot be expressed as one. */
export function dateToken(epochMs: number, timezone: string, style: DateStyle): string {
  const fallback = formatFallback(epochMs, timezone, style);
  const unix = Math.floor(epochMs / 1000);
  if (!isDateMs(epochMs) || unix < 0) return fallback;
  return `<!date^${unix}^${FORMAT[style]}|${fallback}>`;
}

/** "10:38" or "2020-01-01 10:38 +08:00" in the given zone. Plain text: digits, dashes, colons, "+". */
export function formatFallback(epochMs: number, timezone: string, style: DateStyle): string {
  if (!isDateMs(epochMs)) return '?';
  const zone = usableZone(timezone);
  const w = epochMsToWallClock(epochMs, zone);
  const time = `${pad(w.hour)}:${pad(w.minute)}`;
  if (style === 'time') return time;
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${time} ${offsetLabel(zoneOffsetMs(epochMs, zone))}`;
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
export function recordTime(timeMs: number | null, rawTime: string, timezone: string, withDate: boolean): string {
  if (timeMs === null) return `[${clipInline(rawTime, RAW_TIME_MAX) || '?'}]`;
  return dateToken(timeMs, timezone, withDate ? 'date-time' : 'time');
}

const RAW_TIME_MAX = 25;
