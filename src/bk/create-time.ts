import { utcWallClock, wallClockToEpochMs, type WallClock } from '../eventlog/model/time-zone';

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

/** Reads `create_time` values for one zone; keep one per response, not per process. */
export type CreateTimeReader = (raw: unknown) => CreateTime;

// 2020-01-01 00:00:00, 2020-01-01T00:00:00.123, 2020-01-01T00:00:00+08:00, …Z
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
// Epochs before 1973 (fewer than 9 digits) are more likely junk than real times.
const EPOCH_SECONDS = /^\d{9,12}(?:\.\d+)?$/;
const EPOCH_MS = /^\d{13}$/;
const MIN_EPOCH_SECONDS = 1e8;
const MIN_EPOCH_MS = 1e12;
const MAX_EPOCH_MS = 1e13;
const HOUR_MS = 3_600_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A reader for `zone` (applied to wall clocks without an offset). It remembers
 * each wall-clock hour's offset, so a log of thousands of records costs a zone
 * lookup per distinct hour, not per record.
 */
export function createTimeReader(zone: string): CreateTimeReader {
  const wallHourOffsets = new Map<number, number | null>();
  const wallToMs = (w: WallClock, naive: number): number => {
    const hourStart = naive - (naive % HOUR_MS);
    let offset = wallHourOffsets.get(hourStart);
    if (offset === undefined) {
      offset = steadyOffsetOfWallHour(hourStart, zone);
      wallHourOffsets.set(hourStart, offset);
    }
    // null: the zone's offset changes inside this hour (a DST switch off the hour); ask per record.
    return offset === null ? wallClockToEpochMs(w, zone) : naive - offset;
  };
  return (raw) => {
    if (typeof raw === 'number') return { timeMs: epochNumberToMs(raw), rawTime: String(raw) };
    if (typeof raw !== 'string') return { timeMs: null, rawTime: '' };
    return { timeMs: stringToMs(raw.trim(), wallToMs), rawTime: raw };
  };
}

/** The offset that holds for the whole wall-clock hour, or null when it changes within it. */
function steadyOffsetOfWallHour(hourStart: number, zone: string): number | null {
  const atStart = hourStart - wallClockToEpochMs(utcWallClock(hourStart), zone);
  const lastSecond = hourStart + HOUR_MS - 1000;
  const atEnd = lastSecond - wallClockToEpochMs(utcWallClock(lastSecond), zone);
  return atStart === atEnd ? atStart : null;
}

function epochNumberToMs(n: number): number | null {
  if (!Number.isFinite(n) || n < MIN_EPOCH_SECONDS || n >= MAX_EPOCH_MS) return null;
  // A 13-digit number is already milliseconds; a shorter one is seconds.
  return n >= MIN_EPOCH_MS ? Math.round(n) : Math.round(n * 1000);
}

function stringToMs(text: string, wallToMs: (w: WallClock, naive: number) => number): number | null {
  const m = DATE_TIME.exec(text);
  if (!m) {
    if (EPOCH_MS.test(text)) return Number(text);
    return EPOCH_SECONDS.test(text) ? Math.round(Number(text) * 1000) : null;
  }
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, offH, offM] = m;
  const wall: WallClock = { year: +y, month: +mo, day: +d, hour: +h, minute: +mi, second: s === undefined ? 0 : +s };
  if (!isValidWallClock(wall)) return null;
  const fractionMs = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const naive = utcMs(wall);
  if (zulu) return naive + fractionMs;
  if (!sign) return wallToMs(wall, naive) + fractionMs;
  const hours = +offH;
  const minutes = offM === undefined ? 0 : +offM;
  if (hours > 23 || minutes > 59) return null;
  const offsetMs = (sign === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
  return naive - offsetMs + fractionMs;
}

function utcMs(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

function isValidWallClock(w: WallClock): boolean {
  if (w.year < 1970 || w.month < 1 || w.month > 12 || w.day < 1) return false;
  if (w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  const leap = w.year % 4 === 0 && (w.year % 100 !== 0 || w.year % 400 === 0);
  return w.day <= (w.month === 2 && leap ? 29 : DAYS_IN_MONTH[w.month - 1]);
}
