import type { Config } from '../config';
import type { EventLogService } from '../eventlog/service';
import type { Logger } from '../log';
import type { Metrics } from '../metrics';
import type { Watcher } from '../watch/watcher';
import type { Store } from '../store/store';
import type { TriageService } from '../triage/triage-service';
import type { RawLogRenderer } from './raw-log-renderer';
import type { TaskTracker } from './tasks';

/** What every Slack listener needs, built once in createApp and passed in. */
export interface SlackContext {
  config: Config;
  service: EventLogService;
  log: Logger;
  metrics: Metrics;
  tasks: TaskTracker;
  watcher: Watcher;
  now: () => number;
  /** Shared state (Slack delivery dedupe here; records and leases for later features). */
  store: Store;
  /** Acting on alerts (ack, shield) as the clicking user; absent = off. */
  triage?: TriageService;
  /** Renders big logs kept raw, off the main thread; needed when the BlueKing client keeps any (see EventLog.raw). */
  rawLogs?: RawLogRenderer;
}
