import type { FetchedLog } from '../eventlog/fetch-with-deliveries';
import { summarize } from '../eventlog/summarize';
import { renderAnswer, type AnswerSettings, type AnswerView } from '../slack/render/event-log-message';
import type { RawFetchedLog } from '../slack/raw-log-renderer';
import type { SlackMessage } from '../slack/render/types';
import { snapshotOf, type WatchSnapshot } from './snapshot';

/**
 * What a watch needs of a fetched log: its snapshot (to see what changed) and,
 * when asked for with a view, the watching message, from one summary. Plain
 * data both ways, so a worker thread can work it out for a big log
 * (src/offload/) and hand back only these, never the records.
 */
export interface WatchLook {
  snapshot: WatchSnapshot;
  /** The message for the view asked for; null when none was. */
  message: SlackMessage | null;
}

/** Look at a log for a watch. Pure. */
export function lookForWatch({ log, deliveries }: FetchedLog, settings: AnswerSettings, view: AnswerView | null, nowMs: number): WatchLook {
  const summary = summarize(log, nowMs, deliveries);
  return { snapshot: snapshotOf(summary), message: view ? renderAnswer(summary, settings, view) : null };
}

/** Looks at a big log kept raw for a watch away from the main thread (src/offload/ provides one). */
export interface RawLogWatchLooker {
  watchLook(fetched: RawFetchedLog, settings: AnswerSettings, view: AnswerView | null, nowMs: number): Promise<WatchLook>;
}
