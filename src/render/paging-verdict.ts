import type { Lang } from '../config';
import { withoutLinkMarks } from '../eventlog/summary/action-text';
import type { FailedAction } from '../eventlog/deliveries/deliveries';
import type { PersonWays, EventSummary, NoticeItem } from '../eventlog/summary/summarize-types';
import { messagesFor } from '../i18n/catalog';
import { deliveryReport, failedWho, sideCallUnavailable } from './deliveries';
import { gloss } from './gloss';
import { RENDER_BUDGET } from './limits';
import { clipInline } from './mrkdwn';

/**
 * Did the page reach anyone: the verdict's lines under the state.
 *   🚨 *Paging failed:* 2 of 6 pages (voice → lisi, SMS → zhangsan)
 *   🚨 *Webhook 同步工单系统 failed*: Read timed out (read timeout=10)
 *   reached zhangsan (mail), wangwu (voice, SMS) · not reached lisi (voice)
 *   💡 Fix the phone number of lisi in BlueKing user management
 * A failure the log's own text states is here even without per-receiver results;
 * nobody paged is a warning, never a calm line.
 */
export function pagingLines(summary: EventSummary, lang: Lang): string[] {
  const { firstScreen: words, deliveries: deliveryWords, render } = messagesFor(lang);
  const report = deliveryReport(summary);
  const { notices, paging } = summary;
  const lines: string[] = [];
  if (report !== null && report.counts.failed > 0) {
    lines.push(words.pagingFailed(report.counts.failed, report.counts.attempted, failedWho(report.failed, lang)) + reportNotes(summary, lang));
  } else if (notices.problems.length > 0 && paging.nobodyPaged !== 'no_receivers') {
    lines.push(words.noticesFailed(notices.problems.length, notices.counts.total, firstReason(notices.problems, lang)));
  }
  lines.push(...failedActions(summary, lang).slice(0, 3));
  if (paging.nobodyPaged !== null) lines.push(words.nobodyPaged[paging.nobodyPaged]);
  else if (lines.length === 0) {
    const delivered = deliveredLine(summary, lang);
    if (delivered !== null) lines.push(delivered);
  }
  const people: string[] = [];
  if (paging.reached.length > 0) people.push(words.reached(peopleText(paging.reached, lang)));
  if (paging.notReached.length > 0) people.push(words.notReached(peopleText(paging.notReached, lang)));
  if (people.length > 0) lines.push(people.join(words.partSeparator));
  if (report === null && notices.counts.triggered > 0 && lines.length === 0) lines.push(deliveryWords.noticesTriggered(notices.counts.triggered));
  for (const step of paging.nextSteps) {
    if (step.kind === 'fix_rota') lines.push(words.nextStep.fixRota);
    if (step.kind === 'fix_phone') lines.push(words.nextStep.fixPhone(step.who.map((w) => clipInline(w, RENDER_BUDGET.name)).join(render.listSeparator)));
    if (step.kind === 'no_escalation_group') lines.push(words.nextStep.noEscalationGroup);
  }
  return lines;
}

/** The push text's clause: the worst thing first (a failed page, a failed notice or action, nobody paged, not acked). */
export function pushClause(summary: EventSummary, lang: Lang): string | null {
  const { render, firstScreen } = messagesFor(lang);
  const report = deliveryReport(summary);
  if (report !== null && report.counts.failed > 0) {
    return stripMarkup(firstScreen.pagingFailed(report.counts.failed, report.counts.attempted, failedWho(report.failed, lang)), lang);
  }
  if (summary.paging.nobodyPaged !== null) return stripMarkup(firstScreen.nobodyPaged[summary.paging.nobodyPaged], lang);
  const { problems, counts } = summary.notices;
  if (problems.length > 0) return stripMarkup(firstScreen.noticesFailed(problems.length, counts.total, firstReason(problems, lang)), lang);
  const action = actionFailures(summary)[0];
  if (action !== undefined) return stripMarkup(actionLine(action, 1, lang), lang);
  const open = summary.subject.state === 'firing';
  return open ? render.notAcked : null;
}

/** Why the alert itself is missing (search_alert failed or found nothing), with a fix; null when it is there or was not asked. */
export function alertUnavailableLine(summary: EventSummary, lang: Lang): string | null {
  const { alert } = summary;
  if (alert.kind === 'present') return null;
  const words = messagesFor(lang).firstScreen;
  if (alert.absence.kind === 'not_found') return words.alertNotFound;
  if (alert.absence.kind !== 'failed') return null;
  return sideCallUnavailable(alert.absence.error, lang, words.alertUnavailableReason, words.alertUnavailable);
}

/** A failed action, from search_action or from the log's own text ("HTTP回调任务【推送值班系统】处理失败，错误信息…"). */
interface ActionFailure {
  kind: string;
  name: string;
  reason: string | null;
  count: number;
}

// "HTTP回调任务【name】处理失败，错误信息<msg>点击$查看任务详情$" and the job / SOPS / ITSM forms.
const LOGGED_FAILURE = /^(.{0,20}?)【([^】]{1,60})】\s*处理失败[，,]?\s*(?:错误信息\s*[:：]?\s*)?([\s\S]*?)(?:点击\$?查看任务详情\$?)?\s*$/;

function actionFailures(summary: EventSummary): ActionFailure[] {
  const byName = new Map<string, ActionFailure>();
  const add = (failure: Omit<ActionFailure, 'count'>): void => {
    const known = byName.get(failure.name);
    if (known) known.count += 1;
    else byName.set(failure.name, { ...failure, count: 1 });
  };
  const fromReport = deliveryReport(summary)?.failedActions ?? [];
  fromReport.forEach((action) => add(reportedAction(action)));
  const reported = new Set(fromReport.map((a) => a.actionName));
  for (const item of summary.notices.failedActions) {
    const logged = loggedAction(item);
    if (!reported.has(logged.name)) add(logged);
  }
  return [...byName.values()];
}

function reportedAction(action: FailedAction): Omit<ActionFailure, 'count'> {
  return { kind: action.pluginType, name: action.actionName, reason: action.reason.trim() === '' ? null : withoutLinkMarks(action.reason) };
}

function loggedAction(item: NoticeItem): Omit<ActionFailure, 'count'> {
  const text = withoutLinkMarks(item.record.message).trim();
  const match = LOGGED_FAILURE.exec(text);
  if (!match) return { kind: '', name: text, reason: null };
  const prefix = (match[1] ?? '').trim();
  return { kind: /HTTP回调/.test(prefix) ? 'webhook' : prefix, name: match[2] ?? '', reason: (match[3] ?? '').trim() || null };
}

function failedActions(summary: EventSummary, lang: Lang): string[] {
  return actionFailures(summary).map((failure) => actionLine(failure, failure.count, lang));
}

function actionLine(failure: ActionFailure, count: number, lang: Lang): string {
  const { firstScreen: words, deliveries } = messagesFor(lang);
  const kind = deliveries.plugin[failure.kind] ?? clipInline(failure.kind, RENDER_BUDGET.label);
  const reason = failure.reason === null ? null : clipInline(gloss(failure.reason, lang), RENDER_BUDGET.calloutVisible - 60);
  return words.actionFailed(kind, clipInline(failure.name, RENDER_BUDGET.label), reason, count);
}

/** The first failed notice's reason, glossed ("通知人为空 (no receivers)"). */
function firstReason(problems: readonly NoticeItem[], lang: Lang): string | null {
  const first = problems[0];
  if (first === undefined) return null;
  if (first.reason !== null) return clipInline(gloss(first.reason, lang), RENDER_BUDGET.pushReason);
  return first.emptyReceiver ? messagesFor(lang).render.noReceiversReason : null;
}

function deliveredLine(summary: EventSummary, lang: Lang): string | null {
  const { firstScreen: words, render } = messagesFor(lang);
  const report = deliveryReport(summary);
  if (report !== null) {
    return report.counts.attempted > 0 ? words.pagesDelivered(report.counts.succeeded, report.counts.attempted) + reportNotes(summary, lang) : null;
  }
  const { counts } = summary.notices;
  if (counts.succeeded === 0) return null;
  return `✅ ${counts.succeeded === counts.total ? render.noticesSent(counts.total) : render.noticesSentOf(counts.succeeded, counts.total)}`;
}

/** Deliveries still in flight, and a count that stopped at BlueKing's first 10,000 actions. */
function reportNotes(summary: EventSummary, lang: Lang): string {
  const report = deliveryReport(summary);
  if (report === null) return '';
  const words = messagesFor(lang).deliveries;
  const running = report.counts.running > 0 ? ` · ${words.deliveriesRunning(report.counts.running)}` : '';
  return running + (report.incomplete ? words.incomplete(report.actionCount) : '');
}

function peopleText(people: readonly PersonWays[], lang: Lang): string {
  const { firstScreen: words, deliveries, render } = messagesFor(lang);
  const shown = people.slice(0, 4).map(({ who, ways }) => {
    const wayWords = ways.map((w) => deliveries.wayShort[w.split('|', 1)[0] ?? w] ?? w);
    return words.personWays(clipInline(who, RENDER_BUDGET.name), clipInline(wayWords.join(render.listSeparator), RENDER_BUDGET.label));
  });
  const more = people.length > shown.length ? ` +${people.length - shown.length}` : '';
  return shown.join(render.listSeparator) + more;
}

/** A verdict line as push text: no bold, no leading mark, one line (a quoted reason joins its heading). */
function stripMarkup(line: string, lang: Lang): string {
  return line
    .replace(/^\S+\s/, '')
    .replace(/\*/g, '')
    .replace(/\n• /g, messagesFor(lang).render.reasonSeparator)
    .replace(/\n/g, ' ');
}
