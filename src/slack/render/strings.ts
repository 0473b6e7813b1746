import type { Lang } from '../../config';
import type { EventState } from '../../eventlog/summarize-types';

/**
 * The renderer's own sentences in English and Chinese. Arguments are already
 * escaped mrkdwn (or trusted numbers/durations); these functions only add
 * words and our own formatting.
 */
export interface UiStrings {
  /** Between items of a list: ", " / "、". */
  listSeparator: string;
  event(id: string): string;
  state: Readonly<Record<EventState, string>>;
  noRecordsState: string;
  // Verdict, first line.
  endedAfter(stateWord: string, duration: string | null, bySystem: boolean): string;
  openFor(stateWord: string, duration: string | null): string;
  acked(duration: string | null, by: string | null): string;
  notAcked: string;
  recoveringNow: string;
  abortedRecoveries(n: number): string;
  delayedRecoveries(n: number): string;
  severityRaises(n: number): string;
  // Verdict, second line.
  records(n: number): string;
  noticesFailed(failed: number, total: number): string;
  noticesSent(total: number): string;
  noticesSentOf(sent: number, total: number): string;
  noNotices: string;
  shieldedCount(n: number): string;
  runningCount(n: number): string;
  anomaliesConverged(n: number): string;
  convergeRounds(n: number): string;
  unreadableCount(n: number): string;
  // Callout.
  failedTitle(n: number): string;
  /** Appended to the label: ", partly failed". */
  partlyFailed: string;
  /** "SRE (WeChat, mail)" / "SRE（微信、邮件）". */
  withWays(who: string, ways: string): string;
  /** Between a notice and its reason: ": " / "：". */
  reasonSeparator: string;
  /** Appended to a reason: " (no receivers)". */
  noReceivers: string;
  /** As the reason itself. */
  noReceiversReason: string;
  noReason: string;
  andMore(n: number): string;
  shieldedLine(n: number, details: string): string;
  runningLine(n: number): string;
  // Convergence context.
  convergedSummary(anomalies: number | null, rounds: number): string;
  dataWindow(range: string, duration: string): string;
  processWindow(range: string, duration: string): string;
  // Timeline.
  ackDetail(by: string | null, note: string | null): string;
  anomalies(n: number): string;
  shieldedDetail(detail: string | null): string;
  unreadable(reason: string): string;
  earlierHidden(n: number, hint: boolean): string;
  newerHidden(n: number, hint: boolean): string;
  // Footer.
  footerEvent(eventId: string): string;
  footerRequest(requestId: string): string;
  footerRange(ranges: string, total: number): string;
  sharedBy(mention: string): string;
  // Buttons.
  buttons: { share: string; refresh: string; older: string; newer: string; open: string };
  // Top-level text.
  pushState(id: string, stateWord: string, duration: string | null, ended: boolean): string;
  /** Joins the clauses of the push text: ", " / "，". */
  clauseSeparator: string;
  pushFailed(n: number, reason: string | null): string;
  // Empty log.
  emptyLog(id: string): string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const EN: UiStrings = {
  listSeparator: ', ',
  event: (id) => `Event ${id}`,
  state: { open: 'Open', acknowledged: 'Acknowledged', recovering: 'Recovering', recovered: 'Recovered', closed: 'Closed' },
  noRecordsState: 'No records',
  endedAfter: (w, d, sys) => `*${w}*${sys ? ' by the system' : ''}${d ? ` ${d} after it began` : ''}`,
  openFor: (w, d) => `*${w}*${d ? ` for ${d}` : ''}`,
  acked: (d, by) => `acked${d ? ` after ${d}` : ''}${by ? ` by ${by}` : ''}`,
  notAcked: 'not acknowledged',
  recoveringNow: '🩹 recovering',
  abortedRecoveries: (n) => `↩️ recovery aborted${n > 1 ? ` ×${n}` : ''}`,
  delayedRecoveries: (n) => `⏸️ recovery delayed${n > 1 ? ` ×${n}` : ''}`,
  severityRaises: (n) => `⬆️ severity raised${n > 1 ? ` ×${n}` : ''}`,
  records: (n) => plural(n, 'record', 'records'),
  noticesFailed: (f, t) => `⚠ ${f} of ${plural(t, 'notice', 'notices')} failed`,
  noticesSent: (t) => (t === 1 ? '1 notice sent' : `all ${t} notices sent`),
  noticesSentOf: (n, t) => `${n} of ${plural(t, 'notice', 'notices')} sent`,
  noNotices: '🔇 no notices logged',
  shieldedCount: (n) => `🔕 ${n} shielded`,
  runningCount: (n) => `⏳ ${n} in flight`,
  anomaliesConverged: (n) => `${plural(n, 'anomaly', 'anomalies')} converged`,
  convergeRounds: (n) => `converged ${n === 1 ? 'once' : `${n} times`}`,
  unreadableCount: (n) => `⁉️ ${n} unreadable`,
  failedTitle: (n) => `🚨 *${plural(n, 'notification', 'notifications')} failed*`,
  partlyFailed: ', partly failed',
  withWays: (who, ways) => `${who} (${ways})`,
  reasonSeparator: ': ',
  noReceivers: ' (no receivers)',
  noReceiversReason: 'no receivers',
  noReason: 'no reason given',
  andMore: (n) => `… and ${n} more`,
  shieldedLine: (n, details) => `🔕 ${n} shielded${details ? `: ${details}` : ''}`,
  runningLine: (n) => `⏳ ${plural(n, 'notification', 'notifications')} still in flight`,
  convergedSummary: (a, r) =>
    `📦 Converged ${a === null ? '' : `${plural(a, 'anomaly', 'anomalies')} `}in ${plural(r, 'round', 'rounds')}`,
  dataWindow: (range, d) => `data ${range} (${d})`,
  processWindow: (range, d) => `processed ${range} (${d})`,
  ackDetail: (by, note) => [by ? `by ${by}` : null, note ? `“${note}”` : null].filter(Boolean).join(' · '),
  anomalies: (n) => plural(n, 'anomaly', 'anomalies'),
  shieldedDetail: (detail) => (detail ? `shielded: ${detail}` : 'shielded'),
  unreadable: (reason) => `unreadable record: ${reason}`,
  earlierHidden: (n, hint) => `_… ${plural(n, 'earlier record', 'earlier records')} hidden${hint ? ' — use Older' : ''}_`,
  newerHidden: (n, hint) => `_… ${plural(n, 'newer record', 'newer records')} hidden${hint ? ' — use Newer' : ''}_`,
  footerEvent: (id) => `event ${id}`,
  footerRequest: (id) => `request ${id}`,
  footerRange: (ranges, total) => `records ${ranges} of ${total}`,
  sharedBy: (mention) => `Shared by ${mention}`,
  buttons: { share: 'Share to channel', refresh: 'Refresh', older: 'Older', newer: 'Newer', open: 'Open in BlueKing' },
  pushState: (id, w, d, ended) => `Event ${id} ${w.toLowerCase()}${d ? (ended ? ` after ${d}` : ` for ${d}`) : ''}`,
  clauseSeparator: ', ',
  pushFailed: (n, reason) => `${plural(n, 'notification', 'notifications')} failed${reason ? ` (${reason})` : ''}`,
  emptyLog: (id) => `No records for event ${id}: BlueKing returned an empty event log.`,
};

const ZH: UiStrings = {
  listSeparator: '、',
  event: (id) => `事件 ${id}`,
  state: { open: '未恢复', acknowledged: '已确认', recovering: '恢复中', recovered: '已恢复', closed: '已关闭' },
  noRecordsState: '无记录',
  endedAfter: (w, d, sys) => `*${w}*${sys ? '（系统）' : ''}${d ? `，持续 ${d}` : ''}`,
  openFor: (w, d) => `*${w}*${d ? `，已持续 ${d}` : ''}`,
  acked: (d, by) => `${d ? `${d}后` : ''}${by ? `由 ${by} ` : ''}确认`,
  notAcked: '无人确认',
  recoveringNow: '🩹 恢复中',
  abortedRecoveries: (n) => `↩️ 中断恢复 ${n} 次`,
  delayedRecoveries: (n) => `⏸️ 延迟恢复 ${n} 次`,
  severityRaises: (n) => `⬆️ 级别上升 ${n} 次`,
  records: (n) => `${n} 条记录`,
  noticesFailed: (f, t) => `⚠ ${t} 条通知中 ${f} 条失败`,
  noticesSent: (t) => (t === 1 ? '1 条通知已发送' : `${t} 条通知均已发送`),
  noticesSentOf: (n, t) => `${t} 条通知中 ${n} 条已发送`,
  noNotices: '🔇 无通知记录',
  shieldedCount: (n) => `🔕 ${n} 条被屏蔽`,
  runningCount: (n) => `⏳ ${n} 条发送中`,
  anomaliesConverged: (n) => `收敛 ${n} 个异常`,
  convergeRounds: (n) => `收敛 ${n} 次`,
  unreadableCount: (n) => `⁉️ ${n} 条无法解析`,
  failedTitle: (n) => `🚨 *${n} 条通知失败*`,
  partlyFailed: '，部分失败',
  withWays: (who, ways) => `${who}（${ways}）`,
  reasonSeparator: '：',
  noReceivers: '（无接收人）',
  noReceiversReason: '无接收人',
  noReason: '未给出原因',
  andMore: (n) => `… 另有 ${n} 条`,
  shieldedLine: (n, details) => `🔕 ${n} 条被屏蔽${details ? `：${details}` : ''}`,
  runningLine: (n) => `⏳ ${n} 条通知仍在发送中`,
  convergedSummary: (a, r) => `📦 ${r} 次收敛${a === null ? '' : `，共 ${a} 个异常`}`,
  dataWindow: (range, d) => `数据 ${range}（${d}）`,
  processWindow: (range, d) => `处理 ${range}（${d}）`,
  ackDetail: (by, note) => [by, note ? `“${note}”` : null].filter(Boolean).join(' · '),
  anomalies: (n) => `${n} 个异常`,
  shieldedDetail: (detail) => (detail ? `被屏蔽：${detail}` : '被屏蔽'),
  unreadable: (reason) => `无法解析的记录：${reason}`,
  earlierHidden: (n, hint) => `_… 隐藏了 ${n} 条更早的记录${hint ? '，点“更早”查看' : ''}_`,
  newerHidden: (n, hint) => `_… 隐藏了 ${n} 条较新的记录${hint ? '，点“较新”查看' : ''}_`,
  footerEvent: (id) => `事件 ${id}`,
  footerRequest: (id) => `请求 ${id}`,
  footerRange: (ranges, total) => `第 ${ranges} 条，共 ${total} 条`,
  sharedBy: (mention) => `由 ${mention} 分享`,
  buttons: { share: '分享到频道', refresh: '刷新', older: '更早', newer: '较新', open: '在蓝鲸中打开' },
  pushState: (id, w, d, ended) => `事件 ${id} ${w}${d ? (ended ? `，持续 ${d}` : `，已持续 ${d}`) : ''}`,
  clauseSeparator: '，',
  pushFailed: (n, reason) => `${n} 条通知失败${reason ? `（${reason}）` : ''}`,
  emptyLog: (id) => `事件 ${id} 没有流水记录：蓝鲸返回了空的事件流水。`,
};

const STRINGS: Readonly<Record<Lang, UiStrings>> = { en: EN, 'zh-CN': ZH };

/** The renderer's sentences for a language. */
export function uiStrings(lang: Lang): UiStrings {
  return STRINGS[lang];
}
