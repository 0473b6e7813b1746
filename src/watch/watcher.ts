import type { AlertLookup } from '../eventlog/model/alert-context';
import type { DeliveryLookup } from '../eventlog/deliveries/deliveries';
import type { EventLog } from '../eventlog/model/record';
import type { WatchConfig } from '../config';
import type { FetchedLog } from '../eventlog/answers/answer';
import { outcomeLabel, type LookupOutcome, type LookupRequest } from '../eventlog/service/service';
import type { Logger, LogFields } from '../log';
import type { Metrics } from '../metrics';
import { LeaseChecks } from './lease-checks';
import { contextBlock } from '../render/blocks';
import type { AnswerSettings, AnswerView } from '../render/event-log-message';
import { WATCH_BLOCK_ID } from '../render/footer';
import { renderPlainMessage } from '../render/plain-message';
import type { SlackMessage } from '../render/types';
import { materialChanges, type WatchChange } from './changes';
import { createHeldWatches } from './held-watches';
import { dueToEnd, nextPollDelayMs } from './schedule';
import { watchKey, type WatchRecord, type WatchStop } from './watch-record';
import { endedBanner, endedWatchView, liveWatchView, threadLine, type WatchTextSettings } from './watch-render';
import { watchLogs, type WatchLogWorkers } from './watch-logs';
import type { WatchCallResult, WatchSlack } from './watch-slack';
import type { WatchStore } from './watch-store';
import { messagesFor } from '../i18n/catalog';

/** The watcher's counters (Prometheus in the app, a tally in the console). */
export type WatchMetrics = Pick<Metrics, 'watchesActive' | 'watchPoll' | 'watchUpdate' | 'watchReply' | 'watchStop'>;

export interface WatcherDeps {
  store: WatchStore;
  /** The service's lookup: cache, coalescing, in-flight cap, cooldown, allowlists, identity. */
  lookup(request: LookupRequest): Promise<LookupOutcome>;
  slack: WatchSlack;
  log: Logger;
  metrics: WatchMetrics;
  now: () => number;
  random: () => number;
  /** This process, as the owner of leases. */
  replicaId: string;
  settings: WatchConfig;
  render: AnswerSettings & Pick<WatchTextSettings, 'lang'>;
  /** Big logs kept raw are looked at and drawn on worker threads; without it every log is read here. */
  logWorkers?: WatchLogWorkers;
}

/** Where a watch posts and who asked for it. */
export interface WatchTarget {
  channel: string;
  /** Post into this thread; null = at the top of the channel (the change lines then go to the message's own thread). */
  threadTs: string | null;
  userId: string;
  teamId: string | null;
}

/** A new watch: where it goes and the log it starts from. */
export interface WatchStart extends WatchTarget {
  log: EventLog;
  /** The per-receiver results fetched with it; none = not asked. */
  deliveries?: DeliveryLookup;
  /** The alert itself fetched with it; none = not asked. */
  alert?: AlertLookup;
}

export type StartResult =
  | { kind: 'started'; watch: WatchRecord }
  | { kind: 'exists'; watch: WatchRecord }
  | { kind: 'full'; max: number }
  /** Already closed: nothing will change, so no watch (and no message) is started. */
  | { kind: 'closed' }
  | { kind: 'post_failed'; result: Extract<WatchCallResult, { ok: false }> };

export interface Watcher {
  /** The watch of `eventId` in `channel`, if there is one (checked before any lookup). */
  existing(channel: string, eventId: string): Promise<WatchRecord | null>;
  /** Post the watching message and add the watch. */
  start(start: WatchStart): Promise<StartResult>;
  /** Stop watching (the Stop watching button): false when no such watch exists. */
  requestStop(key: string, by: string): Promise<boolean>;
  /**
   * Poll the watch of `eventId` in `channel` at the next pass, not at its interval (someone just acted on the
   * alert from its message): false when there is no such watch.
   */
  pollSoon(channel: string, eventId: string): Promise<boolean>;
  /** Look at every watch once: take leases, end what is due, poll what is due. Resolves when the polls it began are done. */
  tick(): Promise<void>;
  /** Run tick() on a timer until close(). */
  run(): void;
  /** Stop the timer and wait for polls; without a durable store, end every watch ("the bot restarted"). */
  close(graceMs: number): Promise<void>;
}

/** How final messages go out at shutdown: Slack calls retried after Retry-After until `untilMs`; thread lines kept for last. */
interface ShutdownPace {
  untilMs: number;
  threadLines: Array<() => Promise<unknown>>;
}

/** The call, and again after Slack's Retry-After while the wait ends before `untilMs` (null: once only). */
async function retryAfterWait(call: () => Promise<WatchCallResult>, untilMs: number | null): Promise<WatchCallResult> {
  for (;;) {
    const result = await call();
    if (result.ok || untilMs === null || result.retryAfterMs === null || Date.now() + result.retryAfterMs >= untilMs) return result;
    const waitMs = result.retryAfterMs;
    await new Promise<void>((resolve) => setTimeout(resolve, waitMs).unref());
  }
}

/** A watching message whose post never finished (the process died in between) is dropped after this. */
const PENDING_MAX_MS = 2 * 60_000;

/** A start without per-receiver results (an old-generation event, or a caller that has none). */
const NOT_ASKED = { kind: 'absent', absence: { kind: 'not_asked' } } as const;

/**
 * Polls watched events and keeps their messages current. Every watch is
 * polled by the replica holding its lease, once per interval (jittered),
 * backing off while BlueKing fails; a changed log updates the message, a
 * material change gets one thread line, and the watch ends when the event
 * closes, recovers and stays quiet, grows too old, is stopped, or its
 * message can no longer be reached.
 */
export function createWatcher(deps: WatcherDeps): Watcher {
  const { store, settings, log } = deps;
  const logs = watchLogs({ lang: deps.render.lang, timezone: deps.render.timezone, monitorUrl: deps.render.monitorUrl, actions: deps.render.actions }, deps.logWorkers);
  const text: WatchTextSettings = { lang: deps.render.lang, timezone: deps.render.timezone, maxHours: settings.maxHours };
  const maxAgeMs = settings.maxHours * 3_600_000;
  const tickMs = Math.min(2_000, Math.max(100, Math.floor(Math.min(settings.intervalMs, settings.leaseMs) / 4)));
  /** Keys polled or ended right now by this replica. */
  const busy = new Map<string, Promise<void>>();
  const leases = new LeaseChecks(settings.leaseMs, (keys) => store.leaseAll(keys, deps.replicaId, settings.leaseMs));
  /** The last log each watch polled here fetched: the final message shows it without another call. */
  const lastLogs = new Map<string, FetchedLog>();
  /** Copies of the watches this replica holds, written back should the store lose them. */
  const held = createHeldWatches(store);
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const fields = (watch: WatchRecord, extra: LogFields = {}): LogFields => ({
    event_id: watch.eventId,
    channel: watch.channel,
    started_by: watch.startedBy,
    ...extra,
  });

  type Drawn = Pick<WatchRecord, 'key' | 'variant' | 'startedBy' | 'updatedAtMs'>;
  const answerView = (watch: Drawn, view: 'live' | WatchStop): AnswerView => ({
    variant: watch.variant,
    page: 0,
    sharedBy: null,
    watch: view === 'live' ? liveWatchView(watch, text) : endedWatchView(watch, view, text),
  });
  const render = (eventLog: FetchedLog, watch: Drawn, view: 'live' | WatchStop): Promise<SlackMessage> => logs.render(eventLog, answerView(watch, view), deps.now());

  const nextPoll = (failures: number): number => deps.now() + nextPollDelayMs(settings.intervalMs, failures, deps.random());

  const lookupAs = (watch: WatchRecord): Promise<LookupOutcome> =>
    deps
      .lookup({ id: watch.eventId, userId: watch.startedBy, channelId: watch.channel, teamId: watch.teamId, bypassCache: true, origin: 'watch' })
      .then((outcome) => (outcome.kind === 'ok' ? { ...outcome, log: logs.keep(outcome.log) } : outcome));

  const start = async (req: WatchStart): Promise<StartResult> => {
    const now = deps.now();
    const first: FetchedLog = { log: logs.keep(req.log), deliveries: req.deliveries ?? NOT_ASKED, alert: req.alert ?? NOT_ASKED };
    const drawn: Drawn = { key: watchKey(req.channel, first.log.id), variant: req.threadTs === null ? 'full' : 'compact', startedBy: req.userId, updatedAtMs: now };
    // One look gives the snapshot and the message to post (a big log is read once, on a worker, for both).
    const look = await logs.look(first, { view: answerView(drawn, 'live'), since: null }, now);
    if (look.snapshot.closed) return { kind: 'closed' };
    const watch: WatchRecord = {
      ...drawn,
      eventId: first.log.id,
      teamId: req.teamId,
      channel: req.channel,
      messageTs: '',
      threadTs: req.threadTs ?? '',
      startedAtMs: now,
      snapshot: look.snapshot,
      nextPollAtMs: nextPoll(0),
      failures: 0,
    };
    const added = await store.add(watch, settings.max);
    if (added.kind === 'exists') return { kind: 'exists', watch: added.watch };
    if (added.kind === 'full') {
      log.warn('watch.refused', fields(watch, { reason: 'full', max: settings.max }));
      return { kind: 'full', max: settings.max };
    }
    const posted = await deps.slack.post(req.channel, req.threadTs, look.message ?? (await render(first, watch, 'live')));
    if (!posted.ok) {
      await store.remove(watch.key);
      log.warn('watch.post_failed', fields(watch, { slack_error: posted.failure.code }));
      return { kind: 'post_failed', result: posted };
    }
    const live: WatchRecord = { ...watch, messageTs: posted.ts, threadTs: req.threadTs ?? posted.ts };
    await store.update(live);
    held.hold(live);
    lastLogs.set(live.key, first);
    deps.metrics.watchesActive((await store.list()).length);
    log.info('watch.start', fields(live, { message_ts: live.messageTs, in_thread: req.threadTs !== null, state: live.snapshot.state }));
    return { kind: 'started', watch: live };
  };

  /**
   * End a watch: exactly one caller wins the removal; it writes the final message and the last thread line
   * (`pace`: at shutdown, how they go out, see ShutdownPace).
   */
  const end = async (watch: WatchRecord, stop: WatchStop, changes: readonly WatchChange[], eventLog: FetchedLog | null, pace: ShutdownPace | null = null): Promise<void> => {
    const removed = await store.remove(watch.key);
    await store.releaseLease(watch.key, deps.replicaId);
    held.drop(watch.key);
    leases.forget(watch.key);
    if (!removed) return;
    await tellEnded(watch, stop, changes, eventLog, pace);
  };

  /** The end of a watch, said in Slack: the final message, and the last thread line. */
  const tellEnded = async (watch: WatchRecord, stop: WatchStop, changes: readonly WatchChange[], eventLog: FetchedLog | null, pace: ShutdownPace | null = null): Promise<void> => {
    deps.metrics.watchStop(stop.reason);
    log.info('watch.stop', fields(watch, { reason: stop.reason, stopped_by: stop.by, watched_ms: deps.now() - watch.startedAtMs }));
    // The message or channel is out of reach: nothing more can be said there.
    if (['message_gone', 'not_in_channel', 'channel_archived', 'bot_removed'].includes(stop.reason)) {
      lastLogs.delete(watch.key);
      return;
    }
    const finalLog = await finalLogOf(watch, stop, eventLog);
    const message = finalLog ? await finalMessage(finalLog, watch, stop) : endedWithoutLog(watch, stop);
    const updated = await retryAfterWait(() => deps.slack.update(watch.channel, watch.messageTs, message), pace?.untilMs ?? null);
    if (updated.ok) deps.metrics.watchUpdate();
    else log.warn('watch.final_update_failed', fields(watch, { slack_error: updated.failure.code }));
    const line = threadLine(watch.eventId, changes, stop, text);
    if (pace) pace.threadLines.push(() => replyInThread(watch, line, pace.untilMs));
    else await replyInThread(watch, line);
  };

  /** The final message with the log; should drawing it fail (a worker lost), the banner alone still tells the watch ended. */
  const finalMessage = (finalLog: FetchedLog, watch: WatchRecord, stop: WatchStop): Promise<SlackMessage> =>
    render(finalLog, watch, stop).catch((err: unknown) => {
      log.error('watch.render_failed', fields(watch, { error: err instanceof Error ? err.message : String(err) }));
      return endedWithoutLog(watch, stop);
    });

  /** Without a log to show (BlueKing did not answer the last look): the event and the banner, saying why. */
  const endedWithoutLog = (watch: WatchRecord, stop: WatchStop): SlackMessage => {
    const plain = renderPlainMessage({ emoji: '👁', title: messagesFor(text.lang).watch.lineSubject(watch.eventId) });
    return { text: plain.text, blocks: [...plain.blocks, contextBlock([endedBanner(watch, stop, text)], WATCH_BLOCK_ID)] };
  };

  /** The log the final message shows: the one just fetched, the last one fetched here, or (after a takeover) a fresh look. */
  const finalLogOf = async (watch: WatchRecord, stop: WatchStop, fetched: FetchedLog | null): Promise<FetchedLog | null> => {
    const known = fetched ?? lastLogs.get(watch.key) ?? null;
    lastLogs.delete(watch.key);
    // No BlueKing call while shutting down, nor for a user who may no longer look.
    if (known || stop.reason === 'restart' || stop.reason === 'access_revoked') return known;
    const outcome = await lookupAs(watch);
    return outcome.kind === 'ok' ? { log: outcome.log, deliveries: outcome.deliveries, alert: outcome.alert } : null;
  };

  const replyInThread = async (watch: WatchRecord, line: SlackMessage | null, retryUntilMs: number | null = null): Promise<WatchCallResult | null> => {
    if (!line) return null;
    const replied = await retryAfterWait(() => deps.slack.reply(watch.channel, watch.threadTs, line), retryUntilMs);
    if (replied.ok) deps.metrics.watchReply();
    else log.warn('watch.reply_failed', fields(watch, { slack_error: replied.failure.code }));
    return replied;
  };

  /** Back off after a failed or refused poll (or a Slack that said wait), and keep the watch. */
  const postpone = async (watch: WatchRecord, failures: number, notBeforeMs = 0): Promise<void> => {
    await store.update({ ...watch, failures, nextPollAtMs: Math.max(nextPoll(failures), notBeforeMs) });
  };

  const poll = async (listed: WatchRecord): Promise<void> => {
    // The pass listed the watches a moment ago; a poll that finished since then has moved the snapshot and the next poll time on.
    const watch = await store.get(listed.key);
    if (watch === null || deps.now() < watch.nextPollAtMs) return;
    const outcome = await lookupAs(watch);
    deps.metrics.watchPoll(outcomeLabel(outcome));
    log.debug('watch.poll', fields(watch, { outcome: outcomeLabel(outcome), replica: deps.replicaId }));
    if (outcome.kind === 'refused' && (outcome.refusal.kind === 'access' || outcome.refusal.kind === 'identity')) {
      return end(watch, { reason: 'access_revoked', by: watch.startedBy }, [], null);
    }
    if (outcome.kind !== 'ok') {
      log.warn('watch.poll_failed', fields(watch, { outcome: outcomeLabel(outcome), failures: watch.failures + 1 }));
      return postpone(watch, watch.failures + 1);
    }
    const eventLog: FetchedLog = { log: outcome.log, deliveries: outcome.deliveries, alert: outcome.alert };
    lastLogs.set(watch.key, eventLog);
    const polledAt = deps.now();
    const look = await logs.look(eventLog, { view: answerView({ ...watch, updatedAtMs: polledAt }, 'live'), since: watch.snapshot }, polledAt);
    const { snapshot, message } = look;
    const changes = materialChanges(watch.snapshot, snapshot);
    if (snapshot.closed) return end(watch, { reason: 'closed', by: null }, changes, eventLog);
    // The look drew the live message only if the log shows something different (lookForWatch compared).
    if (message === null) return postpone(watch, 0);
    // Still ours? A replica that stalled past its lease must not post what the new holder posts too.
    if (!(await store.lease(watch.key, deps.replicaId, settings.leaseMs))) return;

    const changed: WatchRecord = { ...watch, snapshot, updatedAtMs: polledAt, failures: 0 };
    const updated = await deps.slack.update(watch.channel, watch.messageTs, message);
    if (!updated.ok) return slackFailed(watch, updated);
    deps.metrics.watchUpdate();
    const replied = await replyInThread(watch, threadLine(watch.eventId, changes, null, text));
    // The line did not go out: keep the old snapshot so the next poll tells these changes again.
    if (replied && !replied.ok) return replied.gone ? slackFailed(watch, replied) : postpone(watch, 0, deps.now() + (replied.retryAfterMs ?? 0));
    await store.update({ ...changed, nextPollAtMs: nextPoll(0) });
  };

  const slackFailed = async (watch: WatchRecord, result: Extract<WatchCallResult, { ok: false }>): Promise<void> => {
    if (result.gone) return end(watch, { reason: result.gone, by: null }, [], null);
    log.warn('watch.update_failed', fields(watch, { slack_error: result.failure.code, retry_after_ms: result.retryAfterMs }));
    // Honour Retry-After; otherwise try again at the next interval.
    return postpone(watch, watch.failures, deps.now() + (result.retryAfterMs ?? 0));
  };

  const act = (watch: WatchRecord, work: () => Promise<void>): Promise<void> => {
    const done = work()
      .catch((err: unknown) => log.error('watch.failed', fields(watch, { error: err instanceof Error ? err.message : String(err) })))
      .finally(() => busy.delete(watch.key));
    busy.set(watch.key, done);
    return done;
  };

  /** The watches this replica should look at on this pass: their message is posted, their lease is ours, and they are idle. */
  const ours = async (watches: readonly WatchRecord[]): Promise<WatchRecord[]> => {
    const now = deps.now();
    const posted: WatchRecord[] = [];
    for (const watch of watches) {
      if (watch.messageTs !== '') posted.push(watch);
      else if (now - watch.startedAtMs > PENDING_MAX_MS) await store.remove(watch.key);
    }
    // Renewed every third of a lease, also while a poll runs: the lease lapses only when this replica is gone.
    const holding = await leases.held(posted.map((watch) => watch.key), now);
    const mine: WatchRecord[] = [];
    for (const watch of posted) {
      if (!holding.has(watch.key)) {
        held.drop(watch.key);
        continue;
      }
      held.hold(watch);
      if (!busy.has(watch.key)) mine.push(watch);
    }
    return mine;
  };

  /** End, poll or leave `watch`, given who asked to stop it (null: nobody). */
  const visit = (watch: WatchRecord, stopBy: string | null): Promise<void> | null => {
    // Checked again after the awaits: a Stop watching click may have begun ending it meanwhile.
    if (busy.has(watch.key)) return null;
    if (stopBy !== null) return act(watch, () => end(watch, { reason: 'stopped', by: stopBy }, [], null));
    const now = deps.now();
    const due = dueToEnd(watch, now, maxAgeMs);
    if (due) return act(watch, () => end(watch, { reason: due, by: null }, [], null));
    if (now >= watch.nextPollAtMs) return act(watch, () => poll(watch));
    return null;
  };

  /** One pass over the watches; resolves once every poll or end it began has been started. */
  const scanOnce = async (): Promise<Array<Promise<void>>> => {
    const listed = await store.list();
    const watches = [...listed, ...(await writeBack(await held.lost(listed)))];
    deps.metrics.watchesActive(watches.length);
    leases.keepOnly(new Set(watches.map((watch) => watch.key)));
    const mine = await ours(watches);
    // Every stop request in one round trip, not one per watch per pass.
    const stops = await store.stopRequests(mine.map((watch) => watch.key));
    const begun: Array<Promise<void>> = [];
    for (const watch of mine) {
      const work = visit(watch, stops.get(watch.key) ?? null);
      if (work) begun.push(work);
    }
    return begun;
  };

  /** Watches the store lost (Redis restarted empty or flushed), written back by this replica that held them. */
  const writeBack = async (lost: readonly WatchRecord[]): Promise<WatchRecord[]> => {
    const restored: WatchRecord[] = [];
    for (const watch of lost) {
      const added = await store.add(watch, settings.max);
      if (added.kind === 'added') {
        log.warn('watch.restored', fields(watch, { reason: 'store_lost_it' }));
        restored.push(watch);
      } else if (added.kind === 'full') {
        // It cannot come back: its message must not go on saying "Watching".
        held.drop(watch.key);
        await tellEnded(watch, { reason: 'store_lost', by: null }, [], null);
      }
    }
    return restored;
  };

  // Never two passes at once: both could find a watch idle and poll it twice (two thread lines).
  let scanning: Promise<Array<Promise<void>>> | null = null;
  const scan = (): Promise<Array<Promise<void>>> => {
    scanning ??= scanOnce().finally(() => {
      scanning = null;
    });
    return scanning;
  };

  const tick = async (): Promise<void> => {
    await Promise.all(await scan());
  };

  const schedule = (): void => {
    if (closed) return;
    timer = setTimeout(() => {
      // Polls run on their own: the next pass does not wait for slow ones (it skips them while busy, renewing their leases).
      scan().then(
        () => schedule(),
        (err: unknown) => {
          log.error('watch.tick_failed', { error: err instanceof Error ? err.message : String(err) });
          schedule();
        },
      );
    }, tickMs);
    timer.unref();
  };

  return {
    existing: (channel, eventId) => store.get(watchKey(channel, eventId)),
    pollSoon: async (channel, eventId) => {
      const watch = await store.get(watchKey(channel, eventId));
      if (watch === null) return false;
      // Whichever replica holds the watch polls it at its next pass (every WATCH_TICK, at most 2 s).
      return deps.now() >= watch.nextPollAtMs || store.update({ ...watch, nextPollAtMs: deps.now() });
    },
    start,
    requestStop: async (key, by) => {
      if ((await store.get(key)) === null) return false;
      await store.requestStop(key, by);
      // Act now if this replica holds the watch; otherwise its holder sees the request at its next tick.
      const watch = await store.get(key);
      const mine = watch !== null && (await store.lease(key, deps.replicaId, settings.leaseMs));
      // busy is read after the last await, so a poll that began meanwhile finishes first and the next pass ends it.
      if (mine && !busy.has(key)) await act(watch, () => end(watch, { reason: 'stopped', by }, [], null));
      return true;
    },
    tick,
    run: () => {
      if (timer === null && !closed) schedule();
    },
    close: async (graceMs) => {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const deadline = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
      await Promise.race([Promise.allSettled([...busy.values()]), deadline()]);
      const mine = await store.list();
      if (store.durable) {
        // Hand the watches on at once rather than after the lease lapses.
        await Promise.all(mine.map((watch) => store.releaseLease(watch.key, deps.replicaId)));
        return;
      }
      // One watch after another, each waiting out Slack's Retry-After while the grace lasts: all at once, most final
      // messages would be refused by Slack's rate limits and left saying "Watching". Thread lines go after every message.
      const pace: ShutdownPace = { untilMs: Date.now() + graceMs, threadLines: [] };
      const ending = (async () => {
        for (const watch of mine.filter((w) => w.messageTs !== '')) {
          if (Date.now() >= pace.untilMs) return;
          await end(watch, { reason: 'restart', by: null }, [], null, pace).catch((err: unknown) =>
            log.error('watch.failed', fields(watch, { error: err instanceof Error ? err.message : String(err) })),
          );
        }
        for (const line of pace.threadLines) if (Date.now() < pace.untilMs) await line();
      })();
      await Promise.race([ending, deadline()]);
    },
  };
}

