import type { Lang } from '../config';
import type { Delivery, DeliveryReport, FailedAction } from '../eventlog/deliveries/deliveries';
import type { EventSummary } from '../eventlog/summary/summarize-types';
import { withoutLinkMarks } from '../eventlog/summary/action-text';
import { dayKey, recordTime } from './date-token';
import { messagesFor } from '../i18n/catalog';
import type { DeliveryMessages } from '../i18n/messages';
import type { LookupError } from '../eventlog/model/lookup-error';
import { describeLookupError } from './describe-error';
import { RENDER_BUDGET } from './limits';
import { clipInline } from './mrkdwn';
import type { RenderOptions } from './types';

/**
 * Per-receiver delivery results in the answer: the verdict's count, the
 * push text's first clause, and the callout's bullets grouped by notice
 *   🚨 *2 of 6 deliveries failed*
 *   *告警触发时* · 10:40 · 默认通知
 *   • 📞 Voice → lisi: 联系方式格式不正确 (cmsi 1306000)
 * or, when search_action could not be read, one line saying why.
 */

/** The report, when there is one with deliveries or failed actions to speak of. */
export function deliveryReport(summary: EventSummary): DeliveryReport | null {
  return summary.deliveries.kind === 'present' ? summary.deliveries.report : null;
}

/** Whether per-receiver data shows something failed (for the header's colour). */
export function deliveriesFailed(summary: EventSummary): boolean {
  const report = deliveryReport(summary);
  return report !== null && (report.counts.failed > 0 || report.failedActions.length > 0);
}

/** The verdict's notice phrase from per-receiver data, or null when there is none to speak of. */
export function deliveryCountPhrase(summary: EventSummary, lang: Lang): string | null {
  const report = deliveryReport(summary);
  if (report === null || report.counts.attempted === 0) return null;
  const words = messagesFor(lang).deliveries;
  const { counts } = report;
  let phrase: string;
  if (counts.failed > 0) phrase = words.deliveriesFailed(counts.failed, counts.attempted, failedWho(report.failed, lang));
  else if (counts.succeeded === counts.attempted) phrase = words.deliveriesSucceeded(counts.attempted);
  else phrase = words.deliveriesSucceededOf(counts.succeeded, counts.attempted);
  if (counts.running > 0) phrase += ` · ${words.deliveriesRunning(counts.running)}`;
  return report.incomplete ? phrase + words.incomplete(report.actionCount) : phrase;
}

/** The push text's clause for failed deliveries, or null when none failed. */
export function deliveryPushClause(summary: EventSummary, lang: Lang): string | null {
  const report = deliveryReport(summary);
  if (report === null || report.counts.failed === 0) return null;
  return messagesFor(lang).deliveries.pushDeliveriesFailed(report.counts.failed, report.counts.attempted, failedWho(report.failed, lang));
}

/** The callout's part about deliveries: failure bullets, and a note when the data is missing or empty. */
export interface DeliveryCallout {
  lines: string[];
  /** Why there are no per-receiver results (or none for these notices); shown last. */
  note: string | null;
}

/** Failures by notice and failed actions, or why there is no data. */
export function deliveryCallout(summary: EventSummary, opts: RenderOptions): DeliveryCallout {
  const words = messagesFor(opts.lang).deliveries;
  const { deliveries } = summary;
  if (deliveries.kind === 'absent') {
    return { lines: [], note: deliveries.absence.kind === 'failed' ? unavailableLine(deliveries.absence.error, opts.lang) : null };
  }
  const report = deliveries.report;
  const triggered = summary.notices.counts.triggered;
  const note = report.cutShort ? words.cutShort : report.counts.attempted === 0 && triggered > 0 ? words.noRecords(triggered) : null;
  const lines: string[] = [];
  const budget = { left: RENDER_BUDGET.calloutBullets[opts.variant] + 2 };
  if (report.counts.failed > 0) {
    lines.push(words.deliveriesFailedTitle(report.counts.failed, report.counts.attempted));
    lines.push(...failedByNotice(report, summary, opts, budget));
  }
  if (report.failedActions.length > 0) {
    lines.push(words.actionsFailedTitle(report.failedActions.length), ...failedActionLines(report.failedActions, opts, budget));
  }
  return { lines, note };
}

/** Bullets under each notice that had failures, within the bullet budget. */
function failedByNotice(report: DeliveryReport, summary: EventSummary, opts: RenderOptions, budget: { left: number }): string[] {
  const words = messagesFor(opts.lang).deliveries;
  const lines: string[] = [];
  let shown = 0;
  const notices = [...report.notices].sort((a, b) => (a.atMs ?? 0) - (b.atMs ?? 0));
  for (const notice of notices) {
    const failed = notice.deliveries.filter((d) => d.outcome === 'failed');
    if (failed.length === 0 || budget.left <= 0) continue;
    const time = notice.atMs === null ? '' : timeOf(notice.atMs, summary, opts);
    lines.push(words.noticeHeading(clipInline(notice.signal, RENDER_BUDGET.label), time, clipInline(notice.actionName, RENDER_BUDGET.label)));
    for (const delivery of failed.slice(0, budget.left)) {
      lines.push(deliveryBullet(delivery, opts.lang));
      shown += 1;
    }
    budget.left -= failed.length;
  }
  const hidden = report.counts.failed - shown;
  if (hidden > 0) lines.push(words.andMore(hidden));
  return lines;
}

function deliveryBullet(delivery: Delivery, lang: Lang): string {
  const { deliveries: words, render } = messagesFor(lang);
  const way = clipInline(words.wayBullet[wayKey(delivery.way)] ?? (delivery.wayLabel || delivery.way || '🔔'), RENDER_BUDGET.label);
  const who = clipInline(delivery.receivers.join(render.listSeparator) || '?', RENDER_BUDGET.name);
  return words.deliveryBullet(way, who, reasonText(delivery.reason, delivery.blocked, words));
}

function failedActionLines(actions: readonly FailedAction[], opts: RenderOptions, budget: { left: number }): string[] {
  const words = messagesFor(opts.lang).deliveries;
  const shown = actions.slice(0, Math.max(0, budget.left));
  const lines = shown.map((action) => {
    const kind = words.plugin[action.pluginType] ?? `⚙️ ${clipInline(action.pluginType || '?', RENDER_BUDGET.label)}`;
    return words.failedActionBullet(
      kind,
      clipInline(action.actionName, RENDER_BUDGET.label),
      clipInline(action.signal, RENDER_BUDGET.label),
      reasonText(action.reason, action.blocked, words),
    );
  });
  budget.left -= shown.length;
  if (actions.length > shown.length) lines.push(words.andMore(actions.length - shown.length));
  return lines;
}

function reasonText(reason: string, blocked: boolean, words: DeliveryMessages): string {
  const text = reason.trim() === '' ? words.noReason : clipInline(withoutLinkMarks(reason), RENDER_BUDGET.calloutVisible - 60);
  return `*${text}*${blocked ? words.blocked : ''}`;
}

/** "voice → lisi, SMS → zhangsan" (first three), for the verdict and the push text. Escaped. */
function failedWho(failed: readonly Delivery[], lang: Lang): string {
  const seen: string[] = [];
  for (const delivery of failed) {
    const item = clipInline(wayAndWho(delivery, lang), RENDER_BUDGET.name);
    if (!seen.includes(item)) seen.push(item);
  }
  const max = 3;
  const more = seen.length > max ? ` +${seen.length - max}` : '';
  return seen.slice(0, max).join(messagesFor(lang).render.clauseSeparator) + more;
}

/** "voice → lisi" / "电话 → lisi、wangwu": the way in the reader's words, the receivers in its list style. Not escaped. */
export function wayAndWho(delivery: Pick<Delivery, 'way' | 'wayLabel' | 'receivers'>, lang: Lang): string {
  const { deliveries: words, render } = messagesFor(lang);
  const way = words.wayShort[wayKey(delivery.way)] ?? (delivery.wayLabel || delivery.way);
  const who = delivery.receivers.join(render.listSeparator);
  return way ? `${way} → ${who}` : who;
}

/** "bkchat|wxwork-bot" is BK chat delivering through a WeCom bot: named by its channel. */
function wayKey(way: string): string {
  return way.split('|', 1)[0] ?? way;
}

function timeOf(atMs: number, summary: EventSummary, opts: RenderOptions): string {
  const startDay = summary.lifecycle.startedAtMs === null ? null : dayKey(summary.lifecycle.startedAtMs, opts.timezone);
  return recordTime(atMs, '', opts.timezone, dayKey(atMs, opts.timezone) !== startDay, summary.nowMs);
}

/** "ℹ️ Per-receiver results unavailable: the app may not call … (code 1306403). 💡 Grant …". */
export function unavailableLine(error: LookupError, lang: Lang): string {
  const words = messagesFor(lang).deliveries;
  const known = words.unavailableReason[error.kind];
  const described = known ?? (({ title, hint }) => ({ reason: title, hint }))(describeLookupError(error, lang));
  const reason = clipInline(described.reason, RENDER_BUDGET.plainLine);
  const hint = described.hint === null ? null : clipInline(described.hint, RENDER_BUDGET.plainLine);
  return words.unavailable(error.code ? words.withCode(reason, clipInline(error.code, RENDER_BUDGET.name)) : reason, hint);
}

/** Full texts quoted in the Full log modal, at most, and how long each may be. */
const FULL_TEXTS = 5;
const FULL_TEXT_CHARS = 600;

/**
 * BlueKing's own words for the failures the callout shortened (the CMSI
 * wrapper with CMSI's whole answer), for the Full log modal: one context
 * element each, or null when nothing was shortened.
 */
export function fullReasonTexts(summary: EventSummary, lang: Lang): string[] | null {
  const report = deliveryReport(summary);
  if (report === null) return null;
  const { deliveries: words, render } = messagesFor(lang);
  const texts: string[] = [];
  const seen = new Set<string>();
  const failures = [
    ...report.failed.map((d) => ({ who: wayAndWho(d, lang), d })),
    ...report.failedActions.map((d) => ({ who: d.actionName || d.pluginType, d })),
  ];
  for (const { who, d } of failures) {
    if (d.fullReason.trim() === d.reason.trim() || seen.has(d.fullReason) || texts.length === FULL_TEXTS) continue;
    seen.add(d.fullReason);
    texts.push(`${clipInline(who, RENDER_BUDGET.name)}${render.reasonSeparator}${clipInline(d.fullReason, FULL_TEXT_CHARS)}`);
  }
  return texts.length === 0 ? null : [words.fullTexts, ...texts];
}
