import { intervalToDuration } from 'date-fns';
import type { Lang } from '../config';
import { messagesFor } from '../i18n/catalog';

/**
 * Compact durations for phones: "45 s", "49 min", "2 h 5 min", "3 d 4 h",
 * "4 mo 2 d", "1 y 3 mo" (zh-CN "49 分钟", "2 小时 5 分钟"). Two units at most;
 * the smaller is dropped when zero. Rounds down, so "53 min" means at least
 * 53 minutes. Months and years are calendar units, counted by date-fns.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH_OR_MORE = 31 * DAY;

/** A duration in at most two units, in the given language. Negative or non-finite input reads as "0 s". */
export function formatDuration(ms: number, lang: Lang): string {
  const u = messagesFor(lang).render.durationUnits;
  const total = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (total < MINUTE) return `${Math.floor(total / SECOND)} ${u.s}`;
  if (total < HOUR) return `${Math.floor(total / MINUTE)} ${u.min}`;
  if (total < DAY) return twoUnits(Math.floor(total / HOUR), u.h, Math.floor((total % HOUR) / MINUTE), u.min);
  if (total < MONTH_OR_MORE) return twoUnits(Math.floor(total / DAY), u.d, Math.floor((total % DAY) / HOUR), u.h);
  // "1674 d 20 h" reads badly; past a month, count calendar months and years.
  const { years = 0, months = 0, days = 0 } = intervalToDuration({ start: 0, end: total });
  return years > 0 ? twoUnits(years, u.y, months, u.mo) : twoUnits(months, u.mo, days, u.d);
}

function twoUnits(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${big} ${bigUnit}` : `${big} ${bigUnit} ${small} ${smallUnit}`;
}
