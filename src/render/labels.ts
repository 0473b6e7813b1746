import type { Lang } from '../config';
import { KNOWN_STATUSES, type KnownOperate } from '../eventlog/model/record';
import { messagesFor } from '../i18n/catalog';
import { MARK } from './marks';

/**
 * Words and emoji for upstream values. The words for every known operate,
 * status and notice way live in the catalog (messagesFor(lang).render.labels);
 * unknown values come back raw (the caller escapes them like any other upstream text).
 */

// The state a record moves the event to has that state's mark; a notice that went out is delivered; the rest are neutral.
const OPERATE_EMOJI: Readonly<Record<KnownOperate, string>> = {
  CREATE: MARK.firing,
  CONVERGE: MARK.neutral,
  ANOMALY_NOTICE: MARK.delivered,
  RECOVERY_NOTICE: MARK.delivered,
  CLOSE_NOTICE: MARK.delivered,
  // A new-generation ACTION's meaning is in its text (timeline.ts): by default it proves nothing was delivered.
  ACTION: MARK.neutral,
  ACK: MARK.acked,
  RECOVER: MARK.recovered,
  SYSTEM_RECOVER: MARK.recovered,
  CLOSE: MARK.closed,
  SYSTEM_CLOSE: MARK.closed,
  RECOVERING: MARK.neutral,
  DELAY_RECOVER: MARK.neutral,
  ABORT_RECOVER: MARK.warning,
  SEVERITY_UP: MARK.warning,
  EVENT_DROP: MARK.neutral,
  ALERT_QOS: MARK.warning,
};

/** Statuses whose emoji wins over the operate's: these are what the reader must notice. */
const STATUS_EMOJI: Readonly<Record<'FAILED' | 'PARTIAL_SUCCESS' | 'SHIELDED' | 'RUNNING', string>> = {
  FAILED: MARK.failed,
  PARTIAL_SUCCESS: MARK.warning,
  SHIELDED: MARK.shielded,
  RUNNING: MARK.pending,
};

/** Line emoji for a status we have no word for, an operate we have no emoji for, and an unreadable record. */
export const UNKNOWN_STATUS_EMOJI = MARK.warning;
export const UNKNOWN_OPERATE_EMOJI = MARK.neutral;
export const UNREADABLE_EMOJI = MARK.warning;

/** Whether a value is a key of the table (own keys only, so "constructor" is not "known"). */
function isKey<K extends string>(table: Readonly<Record<K, unknown>>, value: string): value is K {
  return Object.hasOwn(table, value);
}

/** The table's word for a value, or the value as sent when the table has none. */
function wordOr<K extends string>(words: Readonly<Record<K, string>>, value: string): string {
  return isKey(words, value) ? words[value] : value;
}

/** "Anomaly notice" / "告警通知"; an unknown operate as sent, framed as unknown where the language needs it. */
export function operateLabel(operate: string, lang: Lang): string {
  const words = messagesFor(lang).render;
  return isKey(words.labels.operate, operate) ? words.labels.operate[operate] : words.unknownOperate(operate);
}

/** "failed" / "失败"; an unknown status as sent (and the empty status of ACK records as empty). */
export function statusLabel(status: string, lang: Lang): string {
  return wordOr(messagesFor(lang).render.labels.status, status);
}

/** Whether the status is one we know (the empty status of ACK records included). */
export function isKnownStatus(status: string): boolean {
  return (KNOWN_STATUSES as readonly string[]).includes(status);
}

/** "WeChat" / "微信"; an unknown way as sent. */
export function noticeWayLabel(way: string, lang: Lang): string {
  return wordOr(messagesFor(lang).render.labels.noticeWay, way);
}

/**
 * The emoji that starts a timeline line: a troubled status (failed, partly
 * sent, shielded, running) first, then ❔ for a status we do not know, else
 * the operate's own emoji.
 */
export function recordEmoji(operate: string, status: string): string {
  if (isKey(STATUS_EMOJI, status)) return STATUS_EMOJI[status];
  if (!isKnownStatus(status)) return UNKNOWN_STATUS_EMOJI;
  return isKey(OPERATE_EMOJI, operate) ? OPERATE_EMOJI[operate] : UNKNOWN_OPERATE_EMOJI;
}
