import { App } from '@slack/bolt';
import type { Config, SlackConnection } from './config';
import { createEventLogService, type EventLogService } from './eventlog/service/service';
import type { EventLogSource } from './eventlog/model/source';
import type { Logger } from './log';
import type { PrometheusMetrics } from './metrics-prometheus';
import { boltLevel, toBoltLogger } from './slack/bolt-logger';
import type { SlackContext } from './slack/context';
import { registerListeners } from './slack/listeners';
import { createReceiver } from './slack/receiver';
import { slackErrorCode } from './slack/slack-api-error';
import { TaskTracker } from './slack/tasks';
import { emailLookupVia } from './slack/users';
import { createSlackWatcher } from './watch/slack/slack-watcher';
import { createStoreWatchStore } from './watch/store-watch-store';
import type { WatchLogWorkers } from './watch/watch-logs';
import type { Watcher } from './watch/watcher';
import type { WatchStore } from './watch/watch-store';
import { createStore } from './store/create-store';
import { FallbackStore } from './store/fallback-store';
import type { Store } from './store/store';
import { createTriageService } from './eventlog/triage/triage-service';

export interface AppDeps {
  source: EventLogSource;
  log: Logger;
  metrics: PrometheusMetrics;
  now?: () => number;
  /** Web API retries; tests pass { retries: 0 } so a stand-in's error is seen at once. */
  webApiRetries?: number;
  /** Where watches live; default: this process's memory (a restart ends them). */
  watchStore?: WatchStore;
  /** Jitter source of watch polls (tests pin it). */
  random?: () => number;
  /** Shared state; default: what REDIS_URL asks for (process memory when unset). Closed by stop(). */
  store?: Store;
  /** Reads and renders big logs the BlueKing client kept raw, for every surface and watches (src/offload/, shared with the client). */
  logWorkers?: WatchLogWorkers;
}

export interface RunningApp {
  app: App;
  service: EventLogService;
  tasks: TaskTracker;
  watcher: Watcher;
  /** Where shared state lives (answers, locks, budgets, dedupe; later features' records and leases). */
  store: Store;
  /** Listen (HTTP) or connect (Socket Mode); resolves with the HTTP port in use. */
  start(): Promise<{ port: number | null }>;
  /** Stop taking requests, let in-flight lookups finish for up to `graceMs`. Resolves true if all finished. */
  stop(graceMs: number): Promise<boolean>;
}

/** A Bolt App with every listener registered, for HTTP or Socket Mode. */
export function createApp(config: Config & { slack: SlackConnection }, deps: AppDeps): RunningApp {
  const now = deps.now ?? Date.now;
  const { log, metrics } = deps;
  const boltLogger = toBoltLogger(log);
  const logLevel = boltLevel(config.logLevel);
  // One set of Web API options for both the app's client and Socket Mode's own (apps.connections.open),
  // so SLACK_API_URL (GovSlack, tests) reaches both.
  const clientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: { retries: deps.webApiRetries ?? 2, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
    timeout: 10_000,
  };
  const store = deps.store ?? createStore(config.store, { now, log, metrics });
  const bot = createReceiver(config.slack, {
    port: config.port,
    metrics: async () => ({ contentType: metrics.contentType, body: await metrics.render() }),
    metricsToken: config.metricsToken,
    logger: boltLogger,
    logLevel,
    clientOptions,
    // Replays are remembered in the shared store, so a replay sent to another replica is a repeat too.
    guard: { log, seen: store, slackApiUrl: config.slackApiUrl, answered: (seconds) => metrics.ackTime(seconds) },
  });
  const app = new App({
    token: config.slack.botToken,
    receiver: bot.receiver,
    logger: boltLogger,
    logLevel,
    clientOptions,
    // No listener keeps conversation state; Bolt's default store would run a lookup middleware on every request.
    convoStore: false,
  });

  // The workspace the bot token belongs to (auth.test at start): email identity names only its users.
  let homeTeamId: string | null = null;
  const tasks = new TaskTracker((err) => log.error('task.failed', { error: err instanceof Error ? err.message : String(err) }));
  const service = createEventLogService(config, {
    source: deps.source,
    now,
    log,
    metrics,
    lookupEmail: emailLookupVia(app.client, log),
    homeTeamId: () => homeTeamId,
    store,
  });
  const triage = createTriageService(config, { source: deps.source.triage, store, log, metrics, lookupEmail: emailLookupVia(app.client, log), homeTeamId: () => homeTeamId, now });
  const watcher = createSlackWatcher(config, { service, log, metrics, now, random: deps.random, store: deps.watchStore ?? createStoreWatchStore(store, log), clientOptions, logger: boltLogger, logWorkers: deps.logWorkers, actions: triage.enabled });
  const ctx: SlackContext = { config, service, log, metrics, tasks, now, watcher, store, logWorkers: deps.logWorkers, triage, actions: triage.enabled, cutByShutdown: () => tasks.interrupted };
  registerListeners(app, ctx);
  app.error(async (err) => {
    log.error('bolt.error', { error: err.message, code: 'code' in err ? String(err.code) : null });
  });

  return {
    app,
    service,
    tasks,
    watcher,
    store,
    start: async () => {
      homeTeamId = await verifyBotToken(app, log);
      await connectStore(store, log);
      const port = bot.started(await app.start(config.port), config.port);
      watcher.run();
      return { port };
    },
    stop: async (graceMs) => {
      bot.stopped();
      await app.stop().catch((err: unknown) => log.warn('stop.receiver', { error: err instanceof Error ? err.message : String(err) }));
      // Watches first: with the memory store each watching message is told the bot restarted.
      await watcher.close(graceMs / 2);
      const finished = await tasks.drain(graceMs);
      await store.close();
      return finished;
    },
  };
}

/**
 * Give Redis a moment to connect before Slack traffic arrives, so the first
 * lookups share state; if it is not there, start anyway (answers work without it).
 */
async function connectStore(store: Store, log: Logger): Promise<void> {
  if (!(store instanceof FallbackStore)) return;
  if (await store.waitForPrimary(STORE_CONNECT_WAIT_MS)) log.info('store.connected', { store: store.kind });
  else log.warn('store.unavailable', { store: store.kind, operation: 'connect', error: store.primaryProblem, fallback: 'process memory', note: 'still trying to connect' });
}

const STORE_CONNECT_WAIT_MS = 3_000;

/** auth.test once at start: a wrong or revoked token stops the start with Slack's own word for it. Resolves with the bot's workspace. */
async function verifyBotToken(app: App, log: Logger): Promise<string | null> {
  try {
    const who = await app.client.auth.test();
    log.info('slack.auth', { team: who.team_id ?? null, bot_user: who.user_id ?? null });
    return who.team_id ?? null;
  } catch (err) {
    throw new Error(tokenCheckFailure(slackErrorCode(err)));
  }
}

/** Why the start-up token check failed: Slack's refusal, or no answer from Slack at all (the token is then unproven, not wrong). */
function tokenCheckFailure(code: string): string {
  if (code === 'request_error') return `Could not reach Slack to check SLACK_BOT_TOKEN (${code}): check the network path to Slack (and SLACK_API_URL if set)`;
  if (code === 'http_error') return `Slack answered with an HTTP error while checking SLACK_BOT_TOKEN (${code}): try again shortly`;
  return `Slack did not accept SLACK_BOT_TOKEN (${code})`;
}
