import type { AccessDenial } from '../eventlog/service/access';
import type { IdentityRefusal } from '../eventlog/service/identity';
import type { ShieldReason } from '../eventlog/triage/shield-choices';
import type { LookupErrorKind } from '../eventlog/model/lookup-error';
import type { TimelineFilter } from '../eventlog/summary/timeline-filter';
import type { KnownOperate, KnownStatus, JsonType } from '../eventlog/model/record';
import type { ActionTextWhy } from '../eventlog/summary/action-text';
import type { EventState } from '../eventlog/summary/summarize-types';
import type { InvalidReason } from '../eventlog/model/invalid-reason';
import type { FirstScreenMessages } from './first-screen-messages';

export type { FirstScreenMessages } from './first-screen-messages';

/**
 * Every sentence the bot shows a person, in Slack or in the console: one typed
 * catalog per language (en/, zh-cn/), chosen by messagesFor(lang) in catalog.ts.
 *
 * To add a message: declare it below in the area it belongs to (a string, or a
 * function with typed parameters when it takes values), then word it in
 * en/<area>.ts and zh-cn/<area>.ts (the compiler names every language that
 * lacks it), and, for a function, add sample arguments in
 * test/i18n/catalog.test.ts. Read it as messagesFor(lang).<area>.<name>.
 * To add a language: add it to Lang (config.ts), copy en/ and register it in catalog.ts.
 *
 * Parameters are already escaped mrkdwn or our own numbers/durations unless a
 * comment says otherwise; messages only add words and our own formatting.
 */
export interface Messages {
  /** The event-log answer: verdict, callout, timeline, footer, buttons. */
  render: RenderMessages;
  /** Short answers: usage, bad input, refusals, lookup errors, thread problems. Plain text unless noted. */
  replies: ReplyMessages;
  /** Why a BlueKing call failed and what to do, per failure kind. Plain text. */
  bkErrors: BkErrorMessages;
  /** What the local console prints around the answers. */
  console: ConsoleMessages;
  /** Watching an event: banners, thread lines, why a watch ended, answers about starting and stopping. */
  watch: WatchMessages;
  /** Per-receiver delivery results (search_action), and notices whose delivery the log cannot prove. */
  deliveries: DeliveryMessages;
  /** Acting on an alert from Slack: buttons, modals, what happened. Plain text unless noted. */
  triage: TriageMessages;
  /** The first screen: header, owners and acker, paging verdict, next steps, repeated records said once. */
  firstScreen: FirstScreenMessages;
}

/** Acting on an alert from Slack (acknowledge, shield, lift a shield). */
export interface TriageMessages {
  buttons: { ack: string; shield: string; unshield: string };
  /** Under an answer once BlueKing shows the alert acked or shielded (mrkdwn-safe arguments). */
  ackedLine: (by: string, at: string | null) => string;
  ackedViaSlack: (by: string) => string;
  shieldedLine: (left: string) => string;
  ackModal: { title: string; submit: string; close: string; intro: (id: string) => string; noteLabel: string; notePlaceholder: string };
  shieldModal: {
    title: string;
    submit: string;
    close: string;
    intro: (id: string) => string;
    durationLabel: string;
    durations: Readonly<Record<string, string>>;
    reasonLabel: string;
    reasons: Readonly<Record<ShieldReason, string>>;
    otherLabel: string;
    sameDimensions: string;
  };
  /** Private answers to whoever acted. */
  outcome: {
    acked: (id: string, by: string) => string;
    shielded: (id: string, until: string) => string;
    sameDimensions: string;
    unshielded: (id: string) => string;
    alreadyAcked: (id: string, by: string) => string;
    alreadyShielded: (id: string, left: string) => string;
    notOpen: (id: string, status: string) => string;
    shieldGone: (id: string) => string;
    unconfirmed: (id: string) => string;
    unconfirmedHint: string;
    notFound: (id: string) => string;
    repeat: string;
    busy: string;
    failedTitle: Readonly<Record<'ack' | 'shield' | 'unshield', string>>;
    verifyFailed: string;
    /** The app may not call this component (1306403); where to ask for it. */
    appPermission: (component: string) => readonly string[];
    /** No such component at the configured path; which setting holds it. */
    componentMissing: (component: string, setting: string) => readonly string[];
  };
  status: Readonly<Record<string, string>>;
  refusal: {
    title: string;
    service_identity: readonly string[];
    unavailable: readonly string[];
    actions_user: readonly string[];
    not_allowed: (bkUser: string, bizId: string) => readonly string[];
  };
}

/** BlueKing notice ways (`notice_way`) we have a word for; others are shown as sent. */
export type KnownNoticeWay = 'weixin' | 'mail' | 'sms' | 'voice' | 'rtx' | 'wxwork-bot' | 'bkchat' | 'webhook';

export interface RenderMessages {
  /** Between items of a list: ", " / "、". */
  listSeparator: string;
  /** Between distinct shield details: "; " / "；". */
  detailSeparator: string;
  event(id: string): string;
  state: Readonly<Record<EventState, string>>;
  noRecordsState: string;
  /** Upstream values in words; the empty status of ACK records has none. */
  labels: {
    operate: Readonly<Record<KnownOperate, string>>;
    status: Readonly<Record<Exclude<KnownStatus, ''>, string>>;
    noticeWay: Readonly<Record<KnownNoticeWay, string>>;
  };
  /** Units of formatDuration: "2 h 5 min" / "2 小时 5 分钟". */
  durationUnits: { y: string; mo: string; d: string; h: string; min: string; s: string };
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
  noticesSent(total: number): string;
  noticesSentOf(sent: number, total: number): string;
  noNotices: string;
  shieldedCount(n: number): string;
  runningCount(n: number): string;
  anomaliesConverged(n: number): string;
  convergeRounds(n: number): string;
  unreadableCount(n: number): string;
  /** Appended to the label: ", partly failed". */
  partlyFailed: string;
  /** "SRE (WeChat, mail)" / "SRE（微信、邮件）". */
  withWays(who: string, ways: string): string;
  /** Between a label and what follows it (a notice and its reason, "BlueKing said" and its words): ": " / "：". */
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
  /** Between the summary and the data/process windows of the convergence line: " · ", or a line break where the parts run long. */
  windowSeparator: string;
  dataWindow(range: string, duration: string): string;
  processWindow(range: string, duration: string): string;
  // Timeline.
  ackDetail(by: string | null, note: string | null): string;
  anomalies(n: number): string;
  shieldedDetail(detail: string | null): string;
  unreadable(reason: string): string;
  /** Why a record could not be read (bk/records.ts gives a code, never words), per problem. `field` is an upstream field name. */
  unreadableReason: {
    notObject(got: string): string;
    missing(field: string): string;
    wrongType(field: string, expected: string, got: string): string;
    /** A failure we did not anticipate; `detail` is the program's own (English) message or null. */
    unexpected(detail: string | null): string;
    /** JSON value types, as `expected` and `got` above. */
    types: Readonly<Record<JsonType | 'text_or_number', string>>;
  };
  /** An operate we have no word for, shown as sent: "UPGRADE_NOTICE". */
  unknownOperate(operate: string): string;
  /** After the label, a status we have no word for, shown as sent: " [SKIPPED]". */
  unknownStatus(status: string): string;
  earlierHidden(n: number, hint: boolean): string;
  newerHidden(n: number, hint: boolean): string;
  // Footer.
  footerEvent(eventId: string): string;
  footerRequest(requestId: string): string;
  footerRange(ranges: string, total: number): string;
  sharedBy(mention: string): string;
  // Buttons.
  buttons: { share: string; refresh: string; older: string; newer: string; open: string; watch: string; stopWatching: string; fullLog: string };
  /** The Full log modal. */
  fullLog: FullLogMessages;
  /** Joins the clauses of the push text: ", " / "，". */
  clauseSeparator: string;
  /** Between the push text's state and what failed: " — " / "——". */
  failureSeparator: string;
  // Empty log.
  emptyLog(id: string): string;
}

/** Slack Web API errors (besides missing_scope) we can say how to fix. */
export type PostFailureWithFix =
  | 'not_in_channel'
  | 'channel_not_found'
  | 'is_archived'
  | 'not_allowed_token_type'
  | 'invalid_auth'
  | 'token_revoked'
  | 'account_inactive'
  | 'ratelimited'
  | 'msg_too_long'
  | 'msg_blocks_too_long'
  | 'invalid_blocks'
  | 'request_error'
  | 'http_error';

/** Words of the Full log modal. Title and close are plain text of at most 24 characters (Slack's modal limit). */
export interface FullLogMessages {
  title: string;
  close: string;
  filters: Readonly<Record<TimelineFilter, string>>;
  /** "Failures only: 4 of 512 records"; `filter` is one of `filters`. */
  filterCount(filter: string, shown: number, total: number): string;
  noneMatch(filter: string): string;
}

export interface ReplyMessages {
  lookingUp(id: string): string;
  invalidTitle: string;
  youTyped(excerpt: string): string;
  usageHint: string;
  /** What was wrong with the typed ID and what is expected instead. */
  invalidInput: Readonly<Record<InvalidReason, string>>;
  noIdTitle: string;
  noIdLines: readonly string[];
  chooseTitle(n: number): string;
  chooseLine: string;
  /** Under the chooser when it offers only the first `shown` of the IDs: how many were left out. */
  chooseLeftOut(shown: number, leftOut: number): string;
  /** A button this bot no longer knows; `id` is the event its value names, when it names one. */
  staleButton(command: string, id: string | null): string;
  /** Why a lookup was refused, per refusal kind. */
  refusal: {
    access: { title: string; denied: Readonly<Record<AccessDenial, string>>; ask: string };
    identity: { title: string } & Record<IdentityRefusal, readonly string[]>;
    user_rate_limited: { title: string; line(retryAfterSec: number): string };
    busy: { title: string; line: string };
  };
  /** Why the answer could not be posted in a thread: what to fix per Slack error, then the error itself. */
  postFailure: {
    title: string;
    fixes: Readonly<Record<PostFailureWithFix, string>>;
    missingScope(neededScope: string | null): string;
    unknownFix(code: string): string;
    errorLine(code: string): string;
  };
  /** views.open failed: `expired` for expired_trigger_id (the click's 3 s had passed), else `other`; then the error itself. */
  modalOpenFailure: { title: string; expired: string; other(code: string): string; errorLine(code: string): string };
  /** /eventlog help; already mrkdwn (code spans, escaped <>). */
  usage: { title: string; lines: readonly string[]; context: string };
  /** The frame around a BlueKing error: context words and the "BlueKing said" label. */
  lookupError: { event(id: string): string; code: string; request: string; upstream: string; hint: string };
  /** Only when rendering itself failed. */
  renderFailed: { title(id: string): string; line: string };
  /** A lookup still running when the bot had to stop (shutdown drain deadline). */
  restarting: { title: string; line: string };
}

/** Plain words for one failure: what happened, why, and what to do. No Slack markup. */
export interface BkErrorDescription {
  title: string;
  explanation: string;
  /** What to do about it, or null when there is nothing useful to say. */
  hint: string | null;
}

/** Which flavour of HTTP failure an http_error is, for choosing its wording. */
export type HttpFailure = 'redirect' | 'refused' | 'server' | 'other';

/** The safe facts of a failure that its wording may use (never credentials). */
export interface BkErrorFacts {
  httpStatus: number | null;
  retryAfterSec: number | null;
  httpFailure: HttpFailure;
  /** A transport failure in the TLS handshake. */
  tls: boolean;
}

/** A describer for every kind, so a new kind fails to compile until worded. */
export type BkErrorMessages = Readonly<Record<LookupErrorKind, (facts: BkErrorFacts) => BkErrorDescription>>;

/** The built-in demo events, by name (their IDs live in console/demo/). */
export type DemoName =
  | 'sheetExample'
  | 'noticeStorm'
  | 'pagingStorm'
  | 'shieldedAlert'
  | 'nobodyPaged'
  | 'evolvingIncident'
  | 'longConvergence'
  | 'newGenerationAlert'
  | 'actionsRefused'
  | 'bigLog'
  | 'oddRecords'
  | 'permissionError';

export interface ConsoleMessages {
  /** The first line when no Slack settings are found; `source` is demoSource or blueKingSource. */
  noSlack(source: string): string;
  demoSource: string;
  blueKingSource(host: string, authStyle: string): string;
  welcome: string;
  source(label: string): string;
  commandsTitle: string;
  commands: ReadonlyArray<readonly [usage: string, meaning: string]>;
  demoTitle: string;
  /** One line per demo event, for help. */
  demos: Readonly<Record<DemoName, string>>;
  unknownCommand(name: string): string;
  unexpectedError(errorName: string): string;
  publicNote: string;
  /** Heads the push text, its separator included: "Notification text: " / "通知文本：". */
  pushText: string;
  builderNote: string;
  prompt: string;
  /** `ack` / `shield` on the demo alerts. */
  triage: { usage: string; demoOnly: string; actingAs: (user: string) => string; answerNow: string };
  /** `watch <id>`: a heading per Slack call the watch would make, then the message or line. */
  watchCalls: { post: string; update: string; reply: string };
  /** Before each poll: "… poll 3 (one WATCH_INTERVAL_MS later)". */
  watchPoll(n: number): string;
  /** Stopped because nothing changed for a while (the console only; Slack goes on). */
  watchQuiet(polls: number): string;
  /** The tally at the end. */
  watchSummary(updates: number, replies: number): string;
}

/** Watching. Parameters are safe mrkdwn already (escaped names and notes, `<@U…>` mentions, date tokens). */
export interface WatchMessages {
  /** "👁 Watching · updated 10:42 · started by @alice" */
  liveBanner(updated: string, startedBy: string): string;
  /** "👁 Stopped watching: the event was closed · started by @alice" */
  endedBanner(reason: string, startedBy: string): string;
  /** Start of every thread line: "Event 5310". */
  lineSubject(id: string): string;
  /** Between a thread line's subject and its parts: ": " (English), "：" (Chinese). */
  subjectSeparator: string;
  noticesFailed(added: number, reason: string | null): string;
  severityRaised(times: number): string;
  acknowledged(by: string | null, note: string | null): string;
  recovered: string;
  closed(bySystem: boolean): string;
  /** Joins the parts of one thread line. */
  partSeparator: string;
  /** The watch-ending part: "👁 watch ended: closed". */
  ended(reason: string): string;
  /** Why a watch ended, one wording per reason (watch-render picks one). */
  reasons: {
    closed: string;
    recoveredQuiet(minutes: number): string;
    maxAge(hours: number): string;
    stopped: string;
    stoppedBy(by: string): string;
    messageGone: string;
    notInChannel: string;
    channelArchived: string;
    botRemoved: string;
    accessRevoked: string;
    accessRevokedFor(by: string): string;
    restart: string;
    /** Redis lost the watch and it could not be written back (the watch limit was reached meanwhile). */
    storeLost: string;
  };
  // Answers to whoever asked to watch (ephemeral).
  starting(id: string): string;
  started(id: string, where: string): string;
  whereChannel: string;
  whereThread: string;
  alreadyTitle(id: string): string;
  alreadyLine(startedBy: string, link: string | null): string;
  linkLabel: string;
  offTitle: string;
  offLine: string;
  closedTitle(id: string): string;
  closedLine(id: string): string;
  fullTitle: string;
  fullLine(max: number): string;
  goneTitle: string;
  goneLine: string;
  /** A Stop click from outside the watch's channel or workspace (a replayed button value). */
  stopElsewhereTitle: string;
  stopElsewhereLine: Readonly<Record<'channel' | 'team', string>>;
}

/**
 * Words for per-receiver delivery results (search_action) and for notices
 * whose delivery the log cannot prove. Never "sent" without proof.
 */
export interface DeliveryMessages {
  deliveriesRunning(n: number): string;
  /** Verdict without per-receiver data: never "sent". */
  noticesTriggered(n: number): string;
  /** Verdict: notices held back on purpose. */
  skippedCount(n: number): string;
  /** "*告警触发时* · 10:40 · 默认通知": one notice's heading. */
  noticeHeading(signal: string, time: string, actionName: string): string;
  /** "• 📞 Voice → lisi: reason". */
  deliveryBullet(way: string, receivers: string, reason: string): string;
  /** Appended to a reason stopped by circuit breaking. */
  blocked: string;
  noReason: string;
  andMore(n: number): string;
  /** "⏭ 2 held back: acknowledged, throttled". */
  skippedLine(n: number, whys: string): string;
  why: Readonly<Record<Exclude<ActionTextWhy, null>, string>>;
  /** "ℹ️ Per-receiver results unavailable: <reason>. 💡 <hint>". */
  unavailable(reason: string, hint: string | null): string;
  /** A reason with BlueKing's error code: "the app may not call search_action (1306403)". */
  withCode(reason: string, code: string): string;
  /** search_action answered, but with nothing for this alert's notices. */
  noRecords(n: number): string;
  /** After the count phrase when BlueKing reported more actions than the `read` ones counted. */
  incomplete(read: number): string;
  /** The lookup's time limit stopped reading search_action's pages. */
  cutShort: string;
  /** After a notice line in the timeline: " → ⚠ 2 of 4 failed". */
  timelineFailed(failed: number, attempted: number): string;
  /** After a notice line: " → ⏳ 1 of 4 in flight". */
  timelineRunning(running: number, attempted: number): string;
  /** After a notice line: " → all 4 succeeded". */
  timelineSucceeded(attempted: number): string;
  /** Heads the Full log's quotes of BlueKing's unshortened failure texts. */
  fullTexts: string;
  /** A way in a bullet, with its emoji: "📞 Voice". */
  wayBullet: Readonly<Record<string, string>>;
  /** A way in the verdict's short list: "voice". */
  wayShort: Readonly<Record<string, string>>;
  /** An action set's type: "⚙️ Webhook". */
  plugin: Readonly<Record<string, string>>;
  /** Why search_action failed, in words, per failure kind (others use the lookup error's title). */
  unavailableReason: Readonly<Partial<Record<LookupErrorKind, { reason: string; hint: string | null }>>>;
}
