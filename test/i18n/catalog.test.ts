import { LOOKUP_ERROR_KINDS } from '../../src/eventlog/model/lookup-error';
import type { Lang } from '../../src/config';
import { CATALOGS } from '../../src/i18n/catalog';
import type { BkErrorFacts, Messages } from '../../src/i18n/messages';

/**
 * Every language has every message, and none is empty. The compiler already
 * rejects a catalog that lacks a key; this walks the catalogs at run time so a
 * blank string, an empty list or a function that words nothing for some
 * arguments is caught too.
 */

const LANGS = Object.keys(CATALOGS) as Lang[];

/** Facts that take each branch of the error wordings: statuses of every flavour, a retry delay or none, TLS or not. */
const BK_FACTS: readonly BkErrorFacts[] = [
  { httpStatus: null, retryAfterSec: null, httpFailure: 'other', tls: false },
  { httpStatus: 302, retryAfterSec: null, httpFailure: 'redirect', tls: false },
  { httpStatus: 403, retryAfterSec: 30, httpFailure: 'refused', tls: true },
  { httpStatus: 502, retryAfterSec: 10, httpFailure: 'server', tls: false },
];

/** Separators that are whitespace on purpose (a line break between parts that run long in one language). */
const WHITESPACE_SEPARATORS = ['render.windowSeparator'];

/** Texts that are the same in English and Chinese on purpose. */
const SAME_IN_BOTH = ['replies.lookupError.hint', 'console.prompt', 'watch.partSeparator', 'firstScreen.partSeparator'];

/** Sample calls for every function message, covering its branches. A new function message needs a line here. */
const SAMPLE_CALLS: ReadonlyArray<readonly [path: string, call: (m: Messages) => unknown]> = [
  ['render.event', (m) => m.render.event('5310')],
  ['render.endedAfter', (m) => m.render.endedAfter('Closed', '53 min', true)],
  ['render.endedAfter', (m) => m.render.endedAfter('Closed', null, false)],
  ['render.openFor', (m) => m.render.openFor('Open', '5 min')],
  ['render.openFor', (m) => m.render.openFor('Open', null)],
  ['render.acked', (m) => m.render.acked('3 min', 'alice')],
  ['render.acked', (m) => m.render.acked(null, null)],
  ...counts('abortedRecoveries', (m, n) => m.render.abortedRecoveries(n)),
  ...counts('delayedRecoveries', (m, n) => m.render.delayedRecoveries(n)),
  ...counts('severityRaises', (m, n) => m.render.severityRaises(n)),
  ...counts('records', (m, n) => m.render.records(n)),
  ...counts('noticesSent', (m, n) => m.render.noticesSent(n)),
  ['render.noticesSentOf', (m) => m.render.noticesSentOf(2, 3)],
  ...counts('shieldedCount', (m, n) => m.render.shieldedCount(n)),
  ...counts('runningCount', (m, n) => m.render.runningCount(n)),
  ...counts('anomaliesConverged', (m, n) => m.render.anomaliesConverged(n)),
  ...counts('convergeRounds', (m, n) => m.render.convergeRounds(n)),
  ...counts('unreadableCount', (m, n) => m.render.unreadableCount(n)),
  ['render.withWays', (m) => m.render.withWays('SRE', 'WeChat')],
  ...counts('andMore', (m, n) => m.render.andMore(n)),
  ['render.shieldedLine', (m) => m.render.shieldedLine(1, '')],
  ['render.shieldedLine', (m) => m.render.shieldedLine(2, 'release window')],
  ...counts('runningLine', (m, n) => m.render.runningLine(n)),
  ['render.convergedSummary', (m) => m.render.convergedSummary(null, 1)],
  ['render.convergedSummary', (m) => m.render.convergedSummary(576, 45)],
  ['render.dataWindow', (m) => m.render.dataWindow('10:00–10:05', '5 min')],
  ['render.processWindow', (m) => m.render.processWindow('10:00–10:05', '5 min')],
  ['render.ackDetail', (m) => m.render.ackDetail('alice', null)],
  ['render.ackDetail', (m) => m.render.ackDetail(null, 'on it')],
  ...counts('anomalies', (m, n) => m.render.anomalies(n)),
  ['render.shieldedDetail', (m) => m.render.shieldedDetail(null)],
  ['render.shieldedDetail', (m) => m.render.shieldedDetail('release window')],
  ['render.unreadable', (m) => m.render.unreadable('not an object')],
  ['render.unreadableReason.notObject', (m) => m.render.unreadableReason.notObject(m.render.unreadableReason.types.null)],
  ['render.unreadableReason.missing', (m) => m.render.unreadableReason.missing('operate')],
  ['render.unreadableReason.wrongType', (m) => m.render.unreadableReason.wrongType('operate', m.render.unreadableReason.types.text, m.render.unreadableReason.types.number)],
  ['render.unreadableReason.unexpected', (m) => m.render.unreadableReason.unexpected(null)],
  ['render.unreadableReason.unexpected', (m) => m.render.unreadableReason.unexpected('Cannot read properties of undefined')],
  ['render.unknownOperate', (m) => m.render.unknownOperate('UPGRADE_NOTICE')],
  ['render.unknownStatus', (m) => m.render.unknownStatus('SKIPPED')],
  ['deliveries.withCode', (m) => m.deliveries.withCode('the app may not call search_action', '1306403')],
  ['render.earlierHidden', (m) => m.render.earlierHidden(1, false)],
  ['render.earlierHidden', (m) => m.render.earlierHidden(20, true)],
  ['render.newerHidden', (m) => m.render.newerHidden(1, false)],
  ['render.newerHidden', (m) => m.render.newerHidden(20, true)],
  ['render.footerEvent', (m) => m.render.footerEvent('`5310`')],
  ['render.footerRequest', (m) => m.render.footerRequest('`4b1e`')],
  ['render.footerRange', (m) => m.render.footerRange('1, 489–512', 512)],
  ['render.sharedBy', (m) => m.render.sharedBy('<@U123>')],
  ['render.emptyLog', (m) => m.render.emptyLog('5310')],
  ['render.fullLog.filterCount', (m) => m.render.fullLog.filterCount(m.render.fullLog.filters.failures, 4, 512)],
  ['render.fullLog.noneMatch', (m) => m.render.fullLog.noneMatch(m.render.fullLog.filters.state)],
  ['replies.modalOpenFailure.other', (m) => m.replies.modalOpenFailure.other('invalid_arguments')],
  ['replies.modalOpenFailure.errorLine', (m) => m.replies.modalOpenFailure.errorLine('expired_trigger_id')],
  ['firstScreen.owners', (m) => m.firstScreen.owners('lisi, zhangsan')],
  ['firstScreen.shieldLeft', (m) => m.firstScreen.shieldLeft('1h 20m')],
  ['firstScreen.shieldLeft', (m) => m.firstScreen.shieldLeft('')],
  ['firstScreen.pagingFailed', (m) => m.firstScreen.pagingFailed(2, 6, 'voice → lisi')],
  ['firstScreen.pagingFailed', (m) => m.firstScreen.pagingFailed(1, 1, '')],
  ['firstScreen.noticesFailed', (m) => m.firstScreen.noticesFailed(19, 22, '通知人为空')],
  ['firstScreen.noticesFailed', (m) => m.firstScreen.noticesFailed(1, 1, null)],
  ['firstScreen.actionFailed', (m) => m.firstScreen.actionFailed('Webhook', '推送值班系统', 'timeout', 1)],
  ['firstScreen.actionFailed', (m) => m.firstScreen.actionFailed('Webhook', '', null, 3)],
  ['firstScreen.pagesDelivered', (m) => m.firstScreen.pagesDelivered(6, 6)],
  ['firstScreen.pagesDelivered', (m) => m.firstScreen.pagesDelivered(1, 1)],
  ['firstScreen.pagesDelivered', (m) => m.firstScreen.pagesDelivered(4, 6)],
  ['firstScreen.reached', (m) => m.firstScreen.reached('zhangsan (mail)')],
  ['firstScreen.notReached', (m) => m.firstScreen.notReached('lisi (voice)')],
  ['firstScreen.personWays', (m) => m.firstScreen.personWays('lisi', 'voice')],
  ['firstScreen.personWays', (m) => m.firstScreen.personWays('lisi', '')],
  ['firstScreen.nextStep.fixPhone', (m) => m.firstScreen.nextStep.fixPhone('lisi')],
  ['firstScreen.run', (m) => m.firstScreen.run(20, '10:13–19:43')],
  ['firstScreen.alertUnavailable', (m) => m.firstScreen.alertUnavailable('the app may not call search_alert', 'Grant it')],
  ['firstScreen.alertUnavailable', (m) => m.firstScreen.alertUnavailable('timeout', null)],
  ['firstScreen.glossed', (m) => m.firstScreen.glossed('通知人为空', 'no receivers')],
  ...counts('deliveriesRunning', (m, n) => m.deliveries.deliveriesRunning(n), 'deliveries'),
  ...counts('noticesTriggered', (m, n) => m.deliveries.noticesTriggered(n), 'deliveries'),
  ...counts('skippedCount', (m, n) => m.deliveries.skippedCount(n), 'deliveries'),
  ['deliveries.noticeHeading', (m) => m.deliveries.noticeHeading('告警触发时', '10:40', '告警通知')],
  ['deliveries.noticeHeading', (m) => m.deliveries.noticeHeading('告警触发时', '', '')],
  ['deliveries.deliveryBullet', (m) => m.deliveries.deliveryBullet('📞 Voice', 'lisi', '*timed out*')],
  ...counts('andMore', (m, n) => m.deliveries.andMore(n), 'deliveries'),
  ['deliveries.skippedLine', (m) => m.deliveries.skippedLine(1, '')],
  ['deliveries.skippedLine', (m) => m.deliveries.skippedLine(2, 'acknowledged')],
  ['deliveries.unavailable', (m) => m.deliveries.unavailable('the app may not call search_action', null)],
  ['deliveries.unavailable', (m) => m.deliveries.unavailable('the app may not call search_action', 'Grant it')],
  ...counts('noRecords', (m, n) => m.deliveries.noRecords(n), 'deliveries'),
  ['deliveries.incomplete', (m) => m.deliveries.incomplete(10_000)],
  ['deliveries.timelineFailed', (m) => m.deliveries.timelineFailed(2, 4)],
  ['deliveries.timelineRunning', (m) => m.deliveries.timelineRunning(1, 4)],
  ...counts('timelineSucceeded', (m, n) => m.deliveries.timelineSucceeded(n), 'deliveries'),
  ['replies.lookingUp', (m) => m.replies.lookingUp('5310')],
  ['replies.youTyped', (m) => m.replies.youTyped('abc')],
  ['replies.chooseTitle', (m) => m.replies.chooseTitle(3)],
  ['replies.chooseLeftOut', (m) => m.replies.chooseLeftOut(10, 490)],
  ['replies.chooseLeftOut', (m) => m.replies.chooseLeftOut(10, 1)],
  ['replies.staleButton', (m) => m.replies.staleButton('/eventlog', '5310')],
  ['replies.staleButton', (m) => m.replies.staleButton('/eventlog', null)],
  ['replies.refusal.user_rate_limited.line', (m) => m.replies.refusal.user_rate_limited.line(30)],
  ['replies.postFailure.missingScope', (m) => m.replies.postFailure.missingScope('chat:write')],
  ['replies.postFailure.missingScope', (m) => m.replies.postFailure.missingScope(null)],
  ['replies.postFailure.unknownFix', (m) => m.replies.postFailure.unknownFix('something_new')],
  ['replies.postFailure.errorLine', (m) => m.replies.postFailure.errorLine('not_in_channel')],
  ['replies.lookupError.event', (m) => m.replies.lookupError.event('5310')],
  ['replies.renderFailed.title', (m) => m.replies.renderFailed.title('5310')],
  ['console.noSlack', (m) => m.console.noSlack('built-in demo data')],
  ['console.blueKingSource', (m) => m.console.blueKingSource('paas.example.com', 'header')],
  ['console.source', (m) => m.console.source('the demo events')],
  ['console.unknownCommand', (m) => m.console.unknownCommand('/foo')],
  ['console.unexpectedError', (m) => m.console.unexpectedError('TypeError')],
  ['console.triage.actingAs', (m) => m.console.triage.actingAs('demo')],
  ['triage.ackModal.intro', (m) => m.triage.ackModal.intro('164239028644167')],
  ['triage.shieldModal.intro', (m) => m.triage.shieldModal.intro('164239028644167')],
  ['triage.ackedLine', (m) => m.triage.ackedLine('lisi', '10:42')],
  ['triage.ackedLine', (m) => m.triage.ackedLine('lisi', null)],
  ['triage.ackedViaSlack', (m) => m.triage.ackedViaSlack('lisi')],
  ['triage.shieldedLine', (m) => m.triage.shieldedLine('2h 5m')],
  ['triage.shieldedLine', (m) => m.triage.shieldedLine('')],
  ['triage.outcome.acked', (m) => m.triage.outcome.acked('164239028644167', 'lisi')],
  ['triage.outcome.shielded', (m) => m.triage.outcome.shielded('164239028644167', '13:40')],
  ['triage.outcome.unshielded', (m) => m.triage.outcome.unshielded('164239028644167')],
  ['triage.outcome.alreadyAcked', (m) => m.triage.outcome.alreadyAcked('164239028644167', 'lisi')],
  ['triage.outcome.alreadyAcked', (m) => m.triage.outcome.alreadyAcked('164239028644167', '')],
  ['triage.outcome.alreadyShielded', (m) => m.triage.outcome.alreadyShielded('164239028644167', '2h 5m')],
  ['triage.outcome.notOpen', (m) => m.triage.outcome.notOpen('164239028644167', 'recovered')],
  ['triage.outcome.shieldGone', (m) => m.triage.outcome.shieldGone('164239028644167')],
  ['triage.outcome.unconfirmed', (m) => m.triage.outcome.unconfirmed('164239028644167')],
  ['triage.outcome.notFound', (m) => m.triage.outcome.notFound('164239028644167')],
  ['triage.outcome.appPermission', (m) => m.triage.outcome.appPermission('ack_event')],
  ['triage.outcome.componentMissing', (m) => m.triage.outcome.componentMissing('ack_event', 'BK_ACK_EVENT_PATH')],
  ['triage.refusal.not_allowed', (m) => m.triage.refusal.not_allowed('mallory', '2')],
  ['watch.liveBanner', (m) => m.watch.liveBanner('10:42', '<@U0ALICE>')],
  ['watch.endedBanner', (m) => m.watch.endedBanner('the event was closed', '<@U0ALICE>')],
  ['watch.lineSubject', (m) => m.watch.lineSubject('5310')],
  ['watch.noticesFailed', (m) => m.watch.noticesFailed(1, null)],
  ['watch.noticesFailed', (m) => m.watch.noticesFailed(3, '通知人为空')],
  ['watch.severityRaised', (m) => m.watch.severityRaised(1)],
  ['watch.severityRaised', (m) => m.watch.severityRaised(2)],
  ['watch.acknowledged', (m) => m.watch.acknowledged(null, null)],
  ['watch.acknowledged', (m) => m.watch.acknowledged('alice', 'rolling back')],
  ['watch.closed', (m) => m.watch.closed(true)],
  ['watch.closed', (m) => m.watch.closed(false)],
  ['watch.ended', (m) => m.watch.ended('the event was closed')],
  ['watch.reasons.recoveredQuiet', (m) => m.watch.reasons.recoveredQuiet(30)],
  ['watch.reasons.maxAge', (m) => m.watch.reasons.maxAge(24)],
  ['watch.reasons.stoppedBy', (m) => m.watch.reasons.stoppedBy('<@U0ALICE>')],
  ['watch.reasons.accessRevokedFor', (m) => m.watch.reasons.accessRevokedFor('<@U0ALICE>')],
  ['watch.starting', (m) => m.watch.starting('5310')],
  ['watch.started', (m) => m.watch.started('5310', 'in this channel')],
  ['watch.alreadyTitle', (m) => m.watch.alreadyTitle('5310')],
  ['watch.alreadyLine', (m) => m.watch.alreadyLine('<@U0ALICE>', null)],
  ['watch.alreadyLine', (m) => m.watch.alreadyLine('<@U0ALICE>', '<https://example.slack.com/archives/C1/p1|the watching message>')],
  ['watch.fullLine', (m) => m.watch.fullLine(100)],
  ['watch.closedTitle', (m) => m.watch.closedTitle('5310')],
  ['watch.closedLine', (m) => m.watch.closedLine('5310')],
  ['console.watchPoll', (m) => m.console.watchPoll(2)],
  ['console.watchQuiet', (m) => m.console.watchQuiet(5)],
  ['console.watchSummary', (m) => m.console.watchSummary(1, 1)],
  ['console.watchSummary', (m) => m.console.watchSummary(4, 4)],
  ...LOOKUP_ERROR_KINDS.flatMap((kind) => BK_FACTS.map((facts) => [`bkErrors.${kind}`, (m: Messages) => m.bkErrors[kind](facts)] as const)),
];

function counts(name: string, call: (m: Messages, n: number) => unknown, area = 'render'): Array<readonly [string, (m: Messages) => unknown]> {
  return [1, 2, 18].map((n) => [`${area}.${name}`, (m: Messages) => call(m, n)] as const);
}

/** Every leaf of a catalog: strings, lists and functions, by dotted path. */
function leaves(value: unknown, path = ''): Array<[string, unknown]> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, path === '' ? key : `${path}.${key}`));
  }
  return [[path, value]];
}

/** Every string inside a message's value (a list, a {title, lines}, a description); null hints are allowed. */
function textsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(textsIn);
  return [];
}

describe('the message catalogs', () => {
  it('exist for every language, each its own', () => {
    expect(LANGS).toEqual(['en', 'zh-CN']);
    expect(new Set(Object.values(CATALOGS)).size).toBe(LANGS.length);
  });

  it('have the same messages in every language', () => {
    const paths = (lang: Lang): string[] => leaves(CATALOGS[lang]).map(([path]) => path);
    for (const lang of LANGS) expect(paths(lang)).toEqual(paths('en'));
  });

  it.each(LANGS)('%s has no empty text and no empty list', (lang) => {
    for (const [path, value] of leaves(CATALOGS[lang])) {
      if (typeof value === 'function' || WHITESPACE_SEPARATORS.includes(path)) continue;
      const texts = textsIn(value);
      expect({ path, empty: texts.length === 0 || texts.some((t) => t.trim() === '') }).toEqual({ path, empty: false });
    }
  });

  it.each(LANGS)('%s: every function message has sample calls here, and words something for each', (lang) => {
    const sampled = new Set(SAMPLE_CALLS.map(([path]) => path));
    const functions = leaves(CATALOGS[lang]).filter(([, value]) => typeof value === 'function');
    expect(functions.map(([path]) => path).filter((path) => !sampled.has(path))).toEqual([]);
    for (const [path, call] of SAMPLE_CALLS) {
      const texts = textsIn(call(CATALOGS[lang]));
      expect({ path, empty: texts.length === 0 || texts.some((t) => t.trim() === '') }).toEqual({ path, empty: false });
    }
  });

  it('leaves no Chinese text in English by mistake: only symbols and commands read the same', () => {
    const english = new Map(leaves(CATALOGS.en));
    const same = leaves(CATALOGS['zh-CN'])
      .filter(([path, value]) => typeof value === 'string' && value === english.get(path))
      .map(([path]) => path);
    expect(same).toEqual(SAME_IN_BOTH);
  });
});
