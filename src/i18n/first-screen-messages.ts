import type { AlertSeverity } from '../eventlog/model/alert-context';
import type { LookupErrorKind } from '../eventlog/model/lookup-error';
import type { NobodyPaged, HeadState } from '../eventlog/summary/summarize-types';

/**
 * The first screen: the header (severity, name, target, state), who owns it
 * and who acked, whether the page reached anyone, next steps, repeated
 * records said once, and why the alert itself could not be read.
 * Parameters are escaped mrkdwn (or plain text for the header and push text) unless noted.
 */
export interface FirstScreenMessages {
  /** 1 致命, 2 预警, 3 提醒; English "Fatal" … (BlueKing's word is the gloss's source). */
  severity: Readonly<Record<AlertSeverity, string>>;
  /** The header's state word. */
  state: Readonly<Record<HeadState, string>>;
  /** Between the header's parts and the verdict's clauses: " · ". */
  partSeparator: string;
  /** "owner lisi, zhangsan". */
  owners(names: string): string;
  /** "shielded, 1h 20m left" (left: BlueKing's own words, or '' when it does not say). */
  shieldLeft(left: string): string;
  /** "🚨 *Paging failed:* 2 of 6 pages (voice → lisi, SMS → zhangsan)". */
  pagingFailed(failed: number, attempted: number, who: string): string;
  /** "🚨 *19 of 22 notices failed*: 通知人为空 (no receivers)". */
  noticesFailed(failed: number, total: number, reason: string | null): string;
  /** "🚨 *Webhook 同步工单系统 failed*: Read timed out" (kind: Webhook, Job…). */
  actionFailed(kind: string, name: string, reason: string | null, count: number): string;
  /** "⚠️ *Nobody was paged*: …". */
  nobodyPaged: Readonly<Record<NobodyPaged, string>>;
  /** "✅ all 6 pages reached someone" style verdict when nothing failed. */
  pagesDelivered(delivered: number, attempted: number): string;
  /** "Reached: zhangsan (mail), wangwu (voice, SMS)". */
  reached(people: string): string;
  /** "not reached: lisi (voice)". */
  notReached(people: string): string;
  /** "lisi (voice, SMS)". */
  personWays(who: string, ways: string): string;
  /** The next steps the data points at, each a "💡 …" line. */
  nextStep: { fixRota: string; fixPhone(who: string): string; noEscalationGroup: string };
  /** A run of like records in the timeline: "×20 10:13–19:43". */
  run(count: number, span: string): string;
  /** Why the alert itself (search_alert) is missing, with a fix: one line. */
  alertUnavailable(reason: string, hint: string | null): string;
  alertNotFound: string;
  alertUnavailableReason: Readonly<Partial<Record<LookupErrorKind, { reason: string; hint: string | null }>>>;
  /** Known BlueKing phrases and their English gloss; zh-CN shows the phrase alone. */
  glosses: Readonly<Record<string, string>>;
  /** How a gloss is added: "原文 (gloss)". */
  glossed(original: string, gloss: string): string;
}
