import type { Lang } from '../config';
import type { Delivery, DeliveryReport, NoticeDeliveries } from '../eventlog/deliveries/deliveries';
import type { EventSummary } from '../eventlog/summary/summarize-types';
import { withoutLinkMarks } from '../eventlog/summary/action-text';
import { dayKey, recordTime } from './date-token';
import { messagesFor } from '../i18n/catalog';
import type { DeliveryMessages } from '../i18n/messages';
import type { LookupError } from '../eventlog/model/lookup-error';
import { describeLookupError } from './describe-error';
import { gloss } from './gloss';
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

/** The callout's part about deliveries: failure bullets, and a note when the data is missing or empty. */
export interface DeliveryCallout {
  lines: string[];
  /** Why there are no per-receiver results (or none for these notices); shown last. */
  note: string | null;
}

/** Failures by notice, or why there is no data. Failed actions are named in the verdict, not here. */
export function deliveryCallout(summary: EventSummary, opts: RenderOptions): DeliveryCallout {
  const words = messagesFor(opts.lang).deliveries;
  const { deliveries } = summary;
  if (deliveries.kind === 'absent') {
    return { lines: [], note: deliveries.absence.kind === 'failed' ? unavailableLine(deliveries.absence.error, opts.lang) : null };
  }
  const report = deliveries.report;
  const triggered = summary.notices.counts.triggered;
  const note = report.cutShort ? words.cutShort : report.counts.attempted === 0 && triggered > 0 ? words.noRecords(triggered) : null;
  const budget = { left: RENDER_BUDGET.calloutBullets[opts.variant] + 2 };
  return { lines: report.counts.failed > 0 ? failedByNotice(report, summary, opts, budget) : [], note };
}

/** Notices whose failures were the same (same signal, same failed deliveries and reasons): a storm, said once. */
interface NoticeRun {
  first: NoticeDeliveries;
  lastAtMs: number | null;
  count: number;
  failed: Delivery[];
}

function noticeRuns(report: DeliveryReport): NoticeRun[] {
  const runs = new Map<string, NoticeRun>();
  const notices = [...report.notices].sort((a, b) => (a.atMs ?? 0) - (b.atMs ?? 0));
  for (const notice of notices) {
    const failed = notice.deliveries.filter((d) => d.outcome === 'failed');
    if (failed.length === 0) continue;
    const key = [notice.signal, notice.actionName, ...failed.map((d) => `${d.way}>${d.receivers.join(',')}>${d.reason}`).sort()].join('\u0000');
    const run = runs.get(key);
    if (run) {
      run.count += 1;
      run.lastAtMs = notice.atMs;
    } else runs.set(key, { first: notice, lastAtMs: notice.atMs, count: 1, failed });
  }
  return [...runs.values()];
}

/** Bullets under each notice (or run of like notices) that had failures, within the bullet budget. */
function failedByNotice(report: DeliveryReport, summary: EventSummary, opts: RenderOptions, budget: { left: number }): string[] {
  const words = messagesFor(opts.lang).deliveries;
  const lines: string[] = [];
  let shown = 0;
  for (const run of noticeRuns(report)) {
    if (budget.left <= 0) break;
    const { first } = run;
    let time = first.atMs === null ? '' : timeOf(first.atMs, summary, opts);
    if (run.count > 1) time = messagesFor(opts.lang).firstScreen.run(run.count, `${time}–${run.lastAtMs === null ? '' : timeOf(run.lastAtMs, summary, opts)}`);
    lines.push(words.noticeHeading(clipInline(first.signal, RENDER_BUDGET.label), time, clipInline(first.actionName, RENDER_BUDGET.label)));
    for (const delivery of run.failed.slice(0, budget.left)) {
      lines.push(deliveryBullet(delivery, opts.lang));
      shown += run.count;
    }
    budget.left -= run.failed.length;
  }
  const hidden = report.counts.failed - shown;
  if (hidden > 0) lines.push(words.andMore(hidden));
  return lines;
}

function deliveryBullet(delivery: Delivery, lang: Lang): string {
  const { deliveries: words, render } = messagesFor(lang);
  const way = clipInline(words.wayBullet[wayKey(delivery.way)] ?? (delivery.wayLabel || delivery.way || '🔔'), RENDER_BUDGET.label);
  const who = clipInline(delivery.receivers.join(render.listSeparator) || '?', RENDER_BUDGET.name);
  return words.deliveryBullet(way, who, reasonText(delivery.reason, delivery.blocked, words, lang));
}

function reasonText(reason: string, blocked: boolean, words: DeliveryMessages, lang: Lang): string {
  const text = reason.trim() === '' ? words.noReason : clipInline(gloss(withoutLinkMarks(reason), lang), RENDER_BUDGET.calloutVisible - 60);
  return `*${text}*${blocked ? words.blocked : ''}`;
}

/** "voice → lisi, SMS → zhangsan" (first three), for the verdict and the push text. Escaped. */
export function failedWho(failed: readonly Delivery[], lang: Lang): string {
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

/** "⚠️ Per-receiver results unavailable: the app may not call … (code 1306403). 💡 Grant …". */
export function unavailableLine(error: LookupError, lang: Lang): string {
  const words = messagesFor(lang).deliveries;
  return sideCallUnavailable(error, lang, words.unavailableReason, words.unavailable);
}

/** Why a call beside the log failed, in one line: its own words for the failure when it has them, else the lookup error's. */
export function sideCallUnavailable(
  error: LookupError,
  lang: Lang,
  reasons: Readonly<Partial<Record<LookupError['kind'], { reason: string; hint: string | null }>>>,
  line: (reason: string, hint: string | null) => string,
): string {
  const described = reasons[error.kind] ?? (({ title, hint }) => ({ reason: title, hint }))(describeLookupError(error, lang));
  const reason = clipInline(described.reason, RENDER_BUDGET.plainLine);
  const hint = described.hint === null ? null : clipInline(described.hint, RENDER_BUDGET.plainLine);
  return line(error.code ? messagesFor(lang).deliveries.withCode(reason, clipInline(error.code, RENDER_BUDGET.name)) : reason, hint);
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
