/**
 * What a new-generation ACTION (or ALERT_QOS) record's text says. Since
 * Monitor 3.6 the record's status is always SUCCESS and the meaning is only in
 * `message`, written from a fixed set of templates (bk-monitor: ActionInstance.
 * get_content, the notice plugin's content templates, create_action,
 * noise_reduce, converge, alert_assign, alert builder). Pure.
 */

/** What the record is about: a notice, another action (webhook, job…), an assignment, or none of these. */
export type ActionTextKind = 'notice' | 'action' | 'assignment' | 'other';

/** How it went, as far as the text tells. `triggered` = a notice was started; delivery unknown. */
export type ActionTextOutcome = 'triggered' | 'succeeded' | 'failed' | 'shielded' | 'skipped' | 'running' | 'unknown';

/** Why something was not sent on purpose, or failed without trying. */
export type ActionTextWhy = 'no_receivers' | 'acknowledged' | 'noise_reduction' | 'throttled' | 'circuit_broken' | null;

export interface ActionText {
  kind: ActionTextKind;
  outcome: ActionTextOutcome;
  why: ActionTextWhy;
  /** The signal in 【…】 of a notice text (告警触发时 …), else null. */
  signal: string | null;
}

interface Rule {
  test: RegExp;
  kind: ActionTextKind;
  outcome: ActionTextOutcome;
  why?: ActionTextWhy;
}

const NOTICE_CONDITION = /达到通知告警的执行条件/;

// First match wins; more specific texts first.
const RULES: readonly Rule[] = [
  // "告警适配到自动分派规则组$…$, 级别…" / "<u>分派告警给(…), 分派原因：…": who owns it, not a notice.
  { test: /^告警适配到自动分派规则组|分派告警给\s*[(（]/, kind: 'assignment', outcome: 'succeeded' },
  { test: /当前通知人员为空/, kind: 'notice', outcome: 'failed', why: 'no_receivers' },
  { test: /用户已确认当前告警，?系统自动忽略/, kind: 'notice', outcome: 'skipped', why: 'acknowledged' },
  { test: /降噪处理中.*通知被抑制/, kind: 'notice', outcome: 'skipped', why: 'noise_reduction' },
  { test: /处理次数为\s*\d+\s*次，?已超过QOS阈值|个处理被抑制/, kind: 'action', outcome: 'skipped', why: 'throttled' },
  { test: /执行被熔断|被熔断/, kind: 'action', outcome: 'failed', why: 'circuit_broken' },
  // Shield forms: "因告警已被屏蔽忽略通知发送…", "因告警已被屏蔽或不在通知时间段，忽略通知发送",
  // "因当前主机状态为屏蔽告警，默认屏蔽当前处理", "套餐处理【…】已屏蔽， 屏蔽原因：…".
  { test: /屏蔽|不在通知时间段/, kind: 'notice', outcome: 'shielded' },
  { test: /已触发告警通知/, kind: 'notice', outcome: 'triggered' },
  // A webhook's success quotes the answer body, which may itself say 失败.
  { test: /处理成功，返回内容/, kind: 'action', outcome: 'succeeded' },
  { test: /失败/, kind: 'action', outcome: 'failed' },
  { test: /执行中|处理中/, kind: 'action', outcome: 'running' },
  { test: /成功/, kind: 'action', outcome: 'succeeded' },
];

const SIGNAL = /【([^】]{1,20})】/;
// ALERT_QOS: "…当前告警被流控" (throttled), "告警触发熔断规则，被流控"; "…被流控关闭" also ends the alert.
const THROTTLED = /被流控/;
const THROTTLE_CLOSED = /被流控关闭/;

/** Read a new-generation ACTION record's text. */
export function readActionText(message: string): ActionText {
  const text = message.trim();
  const signal = NOTICE_CONDITION.test(text) ? (SIGNAL.exec(text)?.[1] ?? null) : null;
  for (const rule of RULES) {
    if (!rule.test.test(text)) continue;
    // A shield or failure text that starts with the notice condition is about a notice.
    const kind = rule.kind === 'action' && signal !== null ? 'notice' : rule.kind;
    const shieldOfAction = rule.outcome === 'shielded' && signal === null && /^套餐处理/.test(text);
    return { kind: shieldOfAction ? 'action' : kind, outcome: rule.outcome, why: rule.why ?? null, signal };
  }
  return { kind: signal !== null ? 'notice' : 'other', outcome: 'unknown', why: null, signal };
}

/** Read an ALERT_QOS record: the alert was throttled (its notices held back), maybe closed by it. */
export function readQosText(message: string): { throttled: boolean; closesAlert: boolean } {
  return { throttled: THROTTLED.test(message), closesAlert: THROTTLE_CLOSED.test(message) };
}

/** `$…$` marks a link label whose URL the event log drops: keep the words, drop the dollar signs. */
export function withoutLinkMarks(message: string): string {
  return message.replace(/\$([^$\n]{1,60})\$/g, '$1');
}
