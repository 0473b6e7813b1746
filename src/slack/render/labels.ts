import type { Lang } from '../../config';
import type { KnownOperate, KnownStatus } from '../../eventlog/record';

/**
 * Words and emoji for upstream values: every known operate, status and
 * notice way in English and Chinese. Unknown values come back raw (the
 * caller escapes them like any other upstream text).
 */

type Words = Readonly<Record<Lang, string>>;

const OPERATE_LABELS: Readonly<Record<KnownOperate, Words>> = {
  CREATE: { en: 'Created', 'zh-CN': '告警产生' },
  CONVERGE: { en: 'Converged', 'zh-CN': '告警收敛' },
  ANOMALY_NOTICE: { en: 'Anomaly notice', 'zh-CN': '告警通知' },
  RECOVERY_NOTICE: { en: 'Recovery notice', 'zh-CN': '恢复通知' },
  CLOSE_NOTICE: { en: 'Close notice', 'zh-CN': '关闭通知' },
  ACK: { en: 'Acknowledged', 'zh-CN': '告警确认' },
  RECOVER: { en: 'Recovered', 'zh-CN': '告警恢复' },
  CLOSE: { en: 'Closed', 'zh-CN': '告警关闭' },
  RECOVERING: { en: 'Recovering', 'zh-CN': '告警恢复中' },
  DELAY_RECOVER: { en: 'Recovery delayed', 'zh-CN': '延迟恢复' },
  ABORT_RECOVER: { en: 'Recovery aborted', 'zh-CN': '中断恢复' },
  SYSTEM_RECOVER: { en: 'Recovered (system)', 'zh-CN': '系统恢复' },
  SYSTEM_CLOSE: { en: 'Closed (system)', 'zh-CN': '系统关闭' },
  SEVERITY_UP: { en: 'Severity raised', 'zh-CN': '级别上升' },
  EVENT_DROP: { en: 'Events dropped', 'zh-CN': '事件丢弃' },
  ACTION: { en: 'Action', 'zh-CN': '处理动作' },
  ALERT_QOS: { en: 'Throttled (QoS)', 'zh-CN': '告警流控' },
};

const OPERATE_EMOJI: Readonly<Record<KnownOperate, string>> = {
  CREATE: '🔔',
  CONVERGE: '📦',
  ANOMALY_NOTICE: '✅',
  RECOVERY_NOTICE: '✅',
  CLOSE_NOTICE: '✅',
  ACTION: '✅',
  ACK: '👀',
  RECOVER: '💚',
  SYSTEM_RECOVER: '💚',
  CLOSE: '⚪',
  SYSTEM_CLOSE: '⚪',
  RECOVERING: '🩹',
  DELAY_RECOVER: '⏸️',
  ABORT_RECOVER: '↩️',
  SEVERITY_UP: '⬆️',
  EVENT_DROP: '🗑️',
  ALERT_QOS: '🚦',
};

const STATUS_LABELS: Readonly<Record<KnownStatus, Words>> = {
  RUNNING: { en: 'in flight', 'zh-CN': '运行中' },
  SUCCESS: { en: 'succeeded', 'zh-CN': '成功' },
  PARTIAL_SUCCESS: { en: 'partly sent', 'zh-CN': '部分成功' },
  FAILED: { en: 'failed', 'zh-CN': '失败' },
  SHIELDED: { en: 'shielded', 'zh-CN': '被屏蔽' },
  '': { en: '', 'zh-CN': '' },
};

/** Statuses whose emoji wins over the operate's: these are what the reader must notice. */
const STATUS_EMOJI: Readonly<Record<'FAILED' | 'PARTIAL_SUCCESS' | 'SHIELDED' | 'RUNNING', string>> = {
  FAILED: '❌',
  PARTIAL_SUCCESS: '⚠️',
  SHIELDED: '🔕',
  RUNNING: '⏳',
};

const NOTICE_WAY_LABELS: Readonly<Record<string, Words>> = {
  weixin: { en: 'WeChat', 'zh-CN': '微信' },
  mail: { en: 'mail', 'zh-CN': '邮件' },
  sms: { en: 'SMS', 'zh-CN': '短信' },
  voice: { en: 'phone call', 'zh-CN': '电话' },
  rtx: { en: 'WeCom', 'zh-CN': '企业微信' },
  'wxwork-bot': { en: 'WeCom bot', 'zh-CN': '企业微信机器人' },
  bkchat: { en: 'BK chat', 'zh-CN': '蓝鲸信息流' },
  webhook: { en: 'webhook', 'zh-CN': '回调' },
};

/** Line emoji for a status we have no word for, an operate we have no emoji for, and an unreadable record. */
export const UNKNOWN_STATUS_EMOJI = '❔';
export const UNKNOWN_OPERATE_EMOJI = '▫️';
export const UNREADABLE_EMOJI = '⁉️';

/** Whether a value is a key of the table (own keys only, so "constructor" is not "known"). */
function isKey<K extends string>(table: Readonly<Record<K, unknown>>, value: string): value is K {
  return Object.hasOwn(table, value);
}

/** "Anomaly notice" / "告警通知"; an unknown operate as sent. */
export function operateLabel(operate: string, lang: Lang): string {
  return isKey(OPERATE_LABELS, operate) ? OPERATE_LABELS[operate][lang] : operate;
}

/** "failed" / "失败"; an unknown status as sent. */
export function statusLabel(status: string, lang: Lang): string {
  return isKey(STATUS_LABELS, status) ? STATUS_LABELS[status][lang] : status;
}

/** Whether we have a word for this status (the empty status of ACK records included). */
export function isKnownStatus(status: string): boolean {
  return isKey(STATUS_LABELS, status);
}

/** "WeChat" / "微信"; an unknown way as sent. */
export function noticeWayLabel(way: string, lang: Lang): string {
  return isKey(NOTICE_WAY_LABELS, way) ? NOTICE_WAY_LABELS[way][lang] : way;
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
