import { wallClockToEpochMs } from '../eventlog/time-zone';

/**
 * Reading `create_time`. Monitor sends a zone-less wall clock in its server's
 * zone; some deployments send ISO 8601 with an offset or epoch seconds. Anything
 * else is kept raw and shown as sent rather than guessed at.
 */

export interface CreateTime {
  /** Epoch ms, or null when the value could not be read. */
  timeMs: number | null;
  /** The value exactly as sent ('' when absent). */
  rawTime: string;
}

// 2020-01-01 00:00:00, 2020-01-01T00:00:00.123, 2020-01-01T00:00:00+08:00, …Z
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:(Z|z)|([+-])(\d{2})(?::?(\d{2}))?)?$/;
// Epochs before 1973 (fewer than 9 digits) are more likely junk than real times.
const EPOCH_SECONDS = /^\d{9,12}(?:\.\d+)?$/;
const EPOCH_MS = /^\d{13}$/;
const MIN_EPOCH_SECONDS = 1e8;
const MIN_EPOCH_MS = 1e12;
const MAX_EPOCH_MS = 1e13;

/** Read one `create_time` value; `zone` applies to wall clocks without an offset. */
export function parseCreateTime(raw: unknown, zone: string): CreateTime {
  if (typeof raw === 'number') return { timeMs: epochNumberToMs(raw), rawTime: String(raw) };
  if (typeof raw !== 'string') return { timeMs: null, rawTime: '' };
  return { timeMs: stringToMs(raw.trim(), zone), rawTime: raw };
}

function epochNumberToMs(n: number): number | null {
  if (!Number.isFinite(n) || n < MIN_EPOCH_SECONDS || n >= MAX_EPOCH_MS) return null;
  // A 13-digit number is already milliseconds; a shorter one is seconds.
  return n >= MIN_EPOCH_MS ? Math.round(n) : Math.round(n * 1000);
}

function stringToMs(text: string, zone: string): number | null {
  if (EPOCH_MS.test(text)) return Number(text);
  if (EPOCH_SECONDS.test(text)) return Math.round(Number(text) * 1000);
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, offH, offM] = m;
  const wall = { year: +y, month: +mo, day: +d, hour: +h, minute: +mi, second: s === undefined ? 0 : +s };
  if (!isValidWallClock(wall)) return null;
  const fractionMs = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  if (zulu) return utcMs(wall) + fractionMs;
  if (sign) {
    const hours = +offH;
    const minutes = offM === undefined ? 0 : +offM;
    if (hours > 23 || minutes > 59) return null;
    const offsetMs = (sign === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
    return utcMs(wall) - offsetMs + fractionMs;
  }
  return wallClockToEpochMs(wall, zone) + fractionMs;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function utcMs(w: Wall): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

function isValidWallClock(w: Wall): boolean {
  if (w.year < 1970 || w.month < 1 || w.month > 12 || w.day < 1) return false;
  if (w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
  return w.day <= daysInMonth;
}
