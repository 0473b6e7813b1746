import type { LookupContext } from '../lookup/lookup-context';
import type { Watcher } from '../watch/watcher';
import type { Store } from '../store/store';
import type { TriageService } from '../eventlog/triage/triage-service';
import type { TaskTracker } from './tasks';

/** What every Slack listener needs, built once by the wiring and passed in: the lookup's needs plus Slack's own. */
export interface SlackContext extends LookupContext {
  tasks: TaskTracker;
  watcher: Watcher;
  /** Shared state (Slack retry dedupe here; records and leases for later features). */
  store: Store;
  /** Acting on alerts (ack, shield) as the clicking user; absent = off. */
  triage?: TriageService;
}
