import type { Config } from '../config';
import type { EventLogService } from '../eventlog/service/service';
import type { Logger } from '../log';
import type { Metrics } from '../metrics';
import type { RawLogRenderer } from '../render/raw-log-renderer';

/** What the lookup use case needs from the bot: built once by the wiring, shared by every entry point. */
export interface LookupContext {
  config: Config;
  service: EventLogService;
  log: Logger;
  metrics: Metrics;
  now: () => number;
  /** Renders big logs kept raw, off the main thread; needed when the BlueKing client keeps any (see EventLog.raw). */
  logWorkers?: RawLogRenderer;
  /** Acting from Slack is on: answers of open alerts offer Acknowledge and Shield. */
  actions?: boolean;
  /** Whether the bot's own shutdown has cut lookups short (their askers were told it is restarting). */
  cutByShutdown?: () => boolean;
}
