/**
 * `watch <id>` in the console: the real watcher, against the same source as
 * lookups, with Slack played by the terminal. Each Slack call the watch would
 * make is printed as it happens: the watching message, each chat.update of it,
 * each thread reply. Polls run one WATCH_INTERVAL_MS apart on a clock of the
 * watch's own, shown a short pause apart, so a newcomer sees an incident
 * unfold in seconds.
 */
import type { Lang } from '../config';
import { messagesFor } from '../i18n/catalog';
import type { LookupOutcome } from '../eventlog/service/service';
import { createLogger } from '../log';
import { renderLookupError } from '../render/error-message';
import { renderAlreadyClosed } from '../watch/watch-status';
import type { SlackMessage } from '../render/types';
import { MemoryStore } from '../store/memory-store';
import { createStoreWatchStore } from '../watch/store-watch-store';
import type { WatchSlack } from '../watch/watch-slack';
import { createWatcher, type WatchMetrics } from '../watch/watcher';
import type { AnswerContext } from './answer-context';
import { CONSOLE_USER, consoleLookupRequest } from './console-request';
import { mrkdwnToTerminal } from './mrkdwn-text';
import { blocksToTerminalText } from './terminal-text';
import { terminalStyle } from './terminal-style';

/** The console's stand-ins for where a watch lives in Slack. */
const CHANNEL = 'C0CONSOLE';
/** Polls in a row without a change before the console stops (Slack would go on). */
const QUIET_POLLS = 5;
const INTERVAL_MS = 60_000;

/** Watch `id` until it ends (or stays quiet), printing every Slack call; returns the closing tally. */
export async function watchInConsole(id: string, ctx: AnswerContext, print: (text: string) => void, pauseMs: number): Promise<string> {
  const labels = messagesFor(ctx.lang).console;
  const style = terminalStyle(ctx.isTTY);
  let clock = ctx.now();
  const now = (): number => clock;
  // The first look as a person asks; the polls as a watch does (not counted against the person's limit).
  const lookup = (): Promise<LookupOutcome> => ctx.lookup.service.lookup(consoleLookupRequest(id, 'watch'));

  const first = await lookup();
  if (first.kind !== 'ok') return show(first.kind === 'failed' ? renderLookupError(id, first.error, { lang: ctx.lang }) : null, ctx) ?? '';

  const tally = { updates: 0, replies: 0, calls: 0 };
  let ts = 0;
  const slack: WatchSlack = {
    post: async (_channel, _thread, message) => called(labels.watchCalls.post, message),
    update: async (_channel, _ts, message) => called(labels.watchCalls.update, message),
    reply: async (_channel, _thread, message) => {
      tally.calls += 1;
      print(`${style.line('dim', labels.watchCalls.reply)}${mrkdwnToTerminal(message.text, style)}\n`);
      return { ok: true, ts: nextTs() };
    },
  };
  const called = (heading: string, message: SlackMessage): { ok: true; ts: string } => {
    tally.calls += 1;
    print(`${style.line('dim', heading)}\n${show(message, ctx)}\n`);
    return { ok: true, ts: nextTs() };
  };
  const nextTs = (): string => `${Math.floor(clock / 1000)}.${String(++ts).padStart(6, '0')}`;
  const metrics: WatchMetrics = {
    watchesActive: () => undefined,
    watchPoll: () => undefined,
    watchUpdate: () => void (tally.updates += 1),
    watchReply: () => void (tally.replies += 1),
    watchStop: () => undefined,
  };

  const store = createStoreWatchStore(new MemoryStore(now));
  const watcher = createWatcher({
    store,
    lookup,
    slack,
    log: createLogger({ level: 'error', secrets: [], write: () => undefined }),
    metrics,
    now,
    random: () => 0.5,
    replicaId: 'console',
    settings: { intervalMs: INTERVAL_MS, maxHours: 24, max: 1, leaseMs: INTERVAL_MS },
    render: { lang: ctx.lang, timezone: ctx.timezone, monitorUrl: ctx.monitorUrl },
  });
  const started = await watcher.start({ log: first.log, deliveries: first.deliveries, alert: first.alert, channel: CHANNEL, threadTs: null, userId: CONSOLE_USER, teamId: null });
  if (started.kind === 'closed') return show(renderAlreadyClosed(id, ctx.lang), ctx) ?? '';
  if (started.kind !== 'started') return '';

  let quiet = 0;
  for (let poll = 1; (await store.list()).length > 0; poll++) {
    if (quiet >= QUIET_POLLS) {
      print(style.line('dim', labels.watchQuiet(QUIET_POLLS)));
      await watcher.requestStop(started.watch.key, CONSOLE_USER);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    clock += INTERVAL_MS;
    print(style.line('dim', labels.watchPoll(poll)));
    const before = tally.calls;
    await watcher.tick();
    quiet = tally.calls === before ? quiet + 1 : 0;
  }
  return style.line('dim', labels.watchSummary(tally.updates, tally.replies));
}

/** A message as the console shows Slack messages: blocks as terminal text. */
function show(message: SlackMessage | null, ctx: { isTTY: boolean; lang: Lang }): string | null {
  return message ? blocksToTerminalText(message.blocks, { isTTY: ctx.isTTY }) : null;
}
