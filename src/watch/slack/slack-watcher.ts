import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { webApi, type Logger as BoltLogger } from '@slack/bolt';
import type { Config, SlackConnection } from '../../config';
import type { EventLogService } from '../../eventlog/service/service';
import type { Logger } from '../../log';
import type { Metrics } from '../../metrics';
import type { WatchLogWorkers } from '../watch-logs';
import { createWatcher, type Watcher } from '../watcher';
import type { WatchStore } from '../watch-store';
import { webApiWatchSlack } from './watch-slack-api';

export interface SlackWatcherDeps {
  service: EventLogService;
  log: Logger;
  metrics: Metrics;
  now: () => number;
  random?: () => number;
  /** Where watches live (the shared store's watch records; process memory when no Redis). */
  store: WatchStore;
  /** The app's Web API options (API URL, timeout). */
  clientOptions: webApi.WebClientOptions;
  logger: BoltLogger;
  /** Reads and draws big logs kept raw on worker threads (shared with the client and the listeners). */
  logWorkers?: WatchLogWorkers;
  /** Acting on alerts from Slack is on: watching messages of open alerts offer Acknowledge / Shield. */
  actions?: boolean;
}

/** The watcher of a Slack app: polls through the app's service and talks to Slack with a client of its own. */
export function createSlackWatcher(config: Config & { slack: SlackConnection }, deps: SlackWatcherDeps): Watcher {
  // Its own client: a rate-limited call must come back with its Retry-After rather than be waited out
  // inside the client, and a failed call is simply tried again at the next poll.
  const client = new webApi.WebClient(config.slack.botToken, {
    ...deps.clientOptions,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: deps.logger,
  });
  return createWatcher({
    store: deps.store,
    lookup: (request) => deps.service.lookup(request),
    slack: webApiWatchSlack(client),
    log: deps.log,
    metrics: deps.metrics,
    now: deps.now,
    random: deps.random ?? Math.random,
    replicaId: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    settings: config.watch,
    render: { lang: config.lang, timezone: config.timezone, monitorUrl: config.monitorUrl, actions: deps.actions ?? false },
    logWorkers: deps.logWorkers,
  });
}
