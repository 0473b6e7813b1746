import { createApp, type RunningApp } from './app';
import { createBkClient, type BkClient } from './bk/client';
import type { Config, SlackConnection } from './config';
import { createConsoleTriage } from './console/console-triage';
import { createDemoSource } from './console/demo-data';
import type { EventLogSource } from './eventlog/model/source';
import { createEventLogService } from './eventlog/service/service';
import type { Logger } from './log';
import type { LookupContext } from './lookup/lookup-context';
import { createPrometheusMetrics, type PrometheusMetrics } from './metrics-prometheus';
import { createLogWorkers, type LogWorkers } from './offload/log-workers';
import { storeSecrets } from './store/create-store';
import { MemoryStore } from './store/memory-store';
import type { Store } from './store/store';
import type { TriageService } from './eventlog/triage/triage-service';
import type { WatchStore } from './watch/watch-store';

/**
 * The one wiring of the bot: where logs come from (BlueKing or the demo
 * data), the log workers, the service, and the Slack app or the console's
 * lookup path. main.ts, the tests and the bench build the bot here, so what
 * they run is what production runs.
 */

export interface BotOverrides {
  log: Logger;
  /** Default: a registry of our own with Node's default metrics. */
  metrics?: PrometheusMetrics;
  /** The bot's clock (cache TTL, rate limits, watches); Slack's signatures keep the real time. */
  now?: () => number;
  /** Jitter of watch polls (tests pin it). */
  random?: () => number;
  /** Web API retries (tests pass 0 so a stand-in's error is seen at once). */
  webApiRetries?: number;
  /** Shared state; default: what REDIS_URL asks for. */
  store?: Store;
  /** Where watches live; default: in the shared store. */
  watchStore?: WatchStore;
  /**
   * Read and draw big BlueKing bodies on worker threads. Default: on with Slack (acks never wait behind a
   * big log), off in the console (one person, one answer at a time). A function wraps the workers (tests count jobs).
   */
  logWorkers?: boolean | ((workers: LogWorkers) => LogWorkers);
  /** Wrap the source (tests hand the app a log no real client would produce). */
  wrapSource?: (source: EventLogSource) => EventLogSource;
}

/** What every bot has, whatever it talks through. */
interface BotBase {
  /** Where logs come from: the BlueKing client, or the built-in demo data when BlueKing is not configured. */
  source: EventLogSource;
  /** True when the source is the built-in demo data. */
  demo: boolean;
}

export interface SlackBot extends BotBase {
  kind: 'slack';
  app: RunningApp;
  /** Start the app (listen or connect), then warm one log worker: not beside the first big log's acks. */
  start(): Promise<{ port: number | null }>;
  /** Stop the app (in-flight lookups get `graceMs`), then close the BlueKing client and the log workers. */
  stop(graceMs: number): Promise<boolean>;
}

export interface ConsoleBot extends BotBase {
  kind: 'console';
  /** The lookup-and-render path, as Slack's entry points use it. */
  lookup: LookupContext;
  /** `ack` / `shield` on the demo alerts; null when a real BlueKing answers (the console never writes to it). */
  triage: TriageService | null;
  /** Close the BlueKing client's connections. */
  close(): Promise<void>;
}

export function createBot(config: Config & { slack: SlackConnection }, overrides: BotOverrides): SlackBot;
export function createBot(config: Config, overrides: BotOverrides): SlackBot | ConsoleBot;
export function createBot(config: Config, overrides: BotOverrides): SlackBot | ConsoleBot {
  const slack = config.slack.kind === 'console' ? null : config.slack;
  const workers = logWorkersFor(overrides.logWorkers ?? slack !== null);
  const bk = config.bk ? createBkClient(config.bk, { zone: config.timezone, secrets: secretsOf(config), ...(workers ? { logWorkers: workers } : {}) }) : null;
  const plain: EventLogSource = bk ?? createDemoSource(config.timezone, (overrides.now ?? Date.now)());
  const source = overrides.wrapSource ? overrides.wrapSource(plain) : plain;
  const metrics = overrides.metrics ?? createPrometheusMetrics({ defaultMetrics: true });
  const close = closer(bk, workers);
  const base = { source, demo: bk === null };

  if (slack === null) {
    const now = overrides.now ?? Date.now;
    const triage = bk === null ? createConsoleTriage(source, now) : null;
    return { kind: 'console', ...base, close, lookup: consoleLookup(config, source, overrides.log, metrics, now), triage };
  }
  const app = createApp(
    { ...config, slack },
    {
      source,
      log: overrides.log,
      metrics,
      now: overrides.now,
      random: overrides.random,
      webApiRetries: overrides.webApiRetries,
      store: overrides.store,
      watchStore: overrides.watchStore,
      ...(workers ? { logWorkers: workers } : {}),
    },
  );
  return {
    kind: 'slack',
    ...base,
    app,
    start: async () => {
      const started = await app.start();
      workers?.warm();
      return started;
    },
    stop: async (graceMs) => {
      const finished = await app.stop(graceMs);
      await close();
      return finished;
    },
  };
}

/** Every secret the settings hold, blanked wherever text leaves the process (log lines, BlueKing's words in Slack). */
export function secretsOf(config: Config): string[] {
  const slack = config.slack;
  const values = [config.bk?.appSecret, config.metricsToken];
  if (slack.kind !== 'console') values.push(slack.botToken, slack.signingSecret ?? undefined);
  if (slack.kind === 'socket') values.push(slack.appToken);
  values.push(...storeSecrets(config.store));
  return values.filter((v): v is string => typeof v === 'string');
}

function logWorkersFor(choice: boolean | ((workers: LogWorkers) => LogWorkers)): LogWorkers | null {
  if (choice === false) return null;
  const workers = createLogWorkers();
  return typeof choice === 'function' ? choice(workers) : workers;
}

/**
 * The console's lookup path: the same service (coalescing, gate, BlueKing's
 * pause) and renderer as Slack's, for the one person at the terminal. Nobody
 * there has a Slack user, workspace or channel, so lookups run as the
 * configured service account, with no allowlist and no per-person limit.
 */
function consoleLookup(config: Config, source: EventLogSource, log: Logger, metrics: PrometheusMetrics, now: () => number): LookupContext {
  const nobody = new Set<string>();
  const atTheTerminal: Config = {
    ...config,
    identity: { ...config.identity, mode: 'service' },
    access: { teamIds: nobody, channelIds: nobody, userIds: nobody },
    limits: { ...config.limits, userPerMinute: 0 },
  };
  const service = createEventLogService(atTheTerminal, { source, now, log, metrics, lookupEmail: async () => null, store: new MemoryStore(now) });
  return { config: atTheTerminal, service, log, metrics, now };
}

function closer(bk: BkClient | null, workers: LogWorkers | null): () => Promise<void> {
  return async () => {
    bk?.close();
    await workers?.close();
  };
}
