import type { Lang } from '../config';
import type { NoticeGroup } from '../eventlog/model/record';
import type { EventSummary, NoticeItem } from '../eventlog/summary/summarize-types';
import { messagesFor } from '../i18n/catalog';
import { dayKey, recordTime } from './date-token';
import { deliveryCallout } from './deliveries';
import { gloss } from './gloss';
import { noticeWayLabel, operateLabel } from './labels';
import { RENDER_BUDGET } from './limits';
import { clipInline, visibleLength } from './mrkdwn';
import { saysNoReceivers } from './no-receivers';
import type { RenderOptions } from './types';

/**
 * The callout under the verdict: each failure with who and why, a storm of
 * like failures said once with its span and count, then what was shielded,
 * held back or still in flight:
 *   • 10:40–10:58 ×18 Anomaly notice → SRE 值班组 (WeChat, mail): *通知人为空* (no receivers)
 *   🔕 1 shielded: 业务维护屏蔽
 * The verdict above already counts the failures and names failed actions, so no title repeats them.
 * Empty when every notification went out.
 */
export function calloutLines(summary: EventSummary, opts: RenderOptions): string[] {
  const words = messagesFor(opts.lang).render;
  const { problems, shielded, skipped, running } = summary.notices;
  // Per-receiver failures first: they say who was not reached.
  const deliveries = deliveryCallout(summary, opts);
  const lines: string[] = [...deliveries.lines];
  if (problems.length > 0) lines.push(...failureBullets(problems, summary, opts));
  if (shielded.length > 0) lines.push(words.shieldedLine(shielded.length, shieldDetails(shielded, opts.lang)));
  if (skipped.length > 0) lines.push(skippedLine(skipped, opts.lang));
  if (running.length > 0) lines.push(words.runningLine(running.length));
  if (deliveries.note !== null) lines.push(deliveries.note);
  return lines;
}

/** One bullet per run of identical failures, within the bullet budget. */
function failureBullets(items: readonly NoticeItem[], summary: EventSummary, opts: RenderOptions): string[] {
  // A storm of identical failures is one bullet ("10:40–10:58 ×18 …"), so distinct reasons stay visible on a phone.
  const runs = sameFailureRuns(items, opts.lang);
  const shown = runs.slice(0, RENDER_BUDGET.calloutBullets[opts.variant]);
  const startDay = summary.lifecycle.startedAtMs === null ? null : dayKey(summary.lifecycle.startedAtMs, opts.timezone);
  const lines = shown.map((run) => problemBullet(run, startDay, opts, summary.nowMs));
  const hidden = items.length - shown.reduce((n, run) => n + run.count, 0);
  if (hidden > 0) lines.push(messagesFor(opts.lang).render.andMore(hidden));
  return lines;
}

/** Failed notices that share operate, outcome, audience and reason, in order of first appearance. */
interface FailureRun {
  first: NoticeItem;
  last: NoticeItem;
  count: number;
}

function sameFailureRuns(problems: readonly NoticeItem[], lang: Lang): FailureRun[] {
  const byKey = new Map<string, FailureRun>();
  for (const item of problems) {
    const key = [item.record.operate, item.outcome, item.reason ?? '', item.emptyReceiver, audienceText(item.groups, lang)].join('\u0000');
    const run = byKey.get(key);
    if (run) {
      run.last = item;
      run.count++;
    } else byKey.set(key, { first: item, last: item, count: 1 });
  }
  return [...byKey.values()];
}

function problemBullet(run: FailureRun, startDay: string | null, opts: RenderOptions, nowMs: number): string {
  const words = messagesFor(opts.lang).render;
  const item = run.first;
  const { record } = item;
  const withDate = record.timeMs !== null && dayKey(record.timeMs, opts.timezone) !== startDay;
  let when = recordTime(record.timeMs, record.rawTime, opts.timezone, withDate, nowMs);
  if (run.count > 1) {
    const { timeMs, rawTime } = run.last.record;
    when += `–${recordTime(timeMs, rawTime, opts.timezone, timeMs !== null && dayKey(timeMs, opts.timezone) !== startDay, nowMs)} ×${run.count}`;
  }
  let head = `• ${when} ${clipInline(operateLabel(record.operate, opts.lang), RENDER_BUDGET.label)}`;
  if (item.outcome === 'partial') head += words.partlyFailed;
  const audience = audienceText(item.groups, opts.lang);
  if (audience !== '') head += ` → ${clipInline(audience, RENDER_BUDGET.calloutBullet / 2.5)}`;
  const glossed = item.reason === null ? null : gloss(item.reason, opts.lang);
  const note = item.emptyReceiver && glossed !== null && glossed === item.reason && !saysNoReceivers(item.reason, opts.lang) ? words.noReceivers : '';
  const room = Math.min(RENDER_BUDGET.calloutBullet - head.length, RENDER_BUDGET.calloutVisible - visibleLength(head));
  const reasonBudget = room - note.length - 4;
  const reason = glossed !== null ? clipInline(glossed, reasonBudget) : item.emptyReceiver ? words.noReceiversReason : words.noReason;
  return `${head}${words.reasonSeparator}*${reason}*${note}`;
}

/** "SRE 值班组 (WeChat, mail), DBA (SMS) +2": plain text, escaped by the caller. */
function audienceText(groups: readonly NoticeGroup[], lang: Lang): string {
  const words = messagesFor(lang).render;
  const sep = words.listSeparator;
  const named = groups.slice(0, RENDER_BUDGET.groupsPerNotice).map((group) => {
    const who = group.name.trim() || group.receivers.slice(0, RENDER_BUDGET.groupsPerNotice).join(sep);
    const ways = group.ways.map((way) => noticeWayLabel(way, lang)).join(sep);
    return ways === '' ? who : words.withWays(who, ways);
  });
  const more = groups.length - named.length;
  return named.join(sep) + (more > 0 ? ` +${more}` : '');
}

/** The first few distinct shield details, escaped: "业务维护屏蔽; 发布窗口 …". */
function shieldDetails(items: readonly NoticeItem[], lang: Lang): string {
  const distinct: string[] = [];
  let more = false;
  for (const item of items) {
    const detail = item.shield?.detail.trim() || item.reason;
    if (!detail || distinct.includes(detail)) continue;
    if (distinct.length === RENDER_BUDGET.shieldDetails) {
      more = true;
      break;
    }
    distinct.push(detail);
  }
  return distinct.map((d) => clipInline(d, RENDER_BUDGET.shieldDetail)).join(messagesFor(lang).render.detailSeparator) + (more ? ' …' : '');
}

/** "⏭ 2 held back: acknowledged, throttled". */
function skippedLine(items: readonly NoticeItem[], lang: Lang): string {
  const { deliveries: words, render } = messagesFor(lang);
  const whys: string[] = [];
  for (const item of items) {
    const why = item.why === null ? null : words.why[item.why];
    if (why !== undefined && why !== null && !whys.includes(why)) whys.push(why);
  }
  return words.skippedLine(items.length, whys.join(render.listSeparator));
}
