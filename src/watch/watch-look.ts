import type { FetchedLog } from '../eventlog/answers/answer';
import { summarize } from '../eventlog/summary/summarize';
import { renderAnswer, type AnswerSettings, type AnswerView } from '../render/event-log-message';
import type { RawFetchedLog } from '../render/raw-log-renderer';
import type { SlackMessage } from '../render/types';
import { keepKnownAlert, keepKnownDeliveries, snapshotOf, snapshotsDiffer, type WatchSnapshot } from './snapshot';

/**
 * What a watch asks of a look: the watching message for `view` (none when
 * null); with `since` (the last poll's snapshot), the look is a poll after it,
 * and the message is drawn only if the log now shows something different.
 */
export interface WatchAsk {
  view: AnswerView | null;
  since: WatchSnapshot | null;
}

/**
 * What a watch needs of a fetched log: its snapshot (to see what changed) and,
 * when asked for with a view, the watching message, from one summary. Plain
 * data both ways, so a worker thread can work it out for a big log
 * (src/offload/) and hand back only these, never the records.
 */
export interface WatchLook {
  snapshot: WatchSnapshot;
  /** The message for the view asked for; null when none was, or for a poll, when nothing changed since `since` or the log is closed. */
  message: SlackMessage | null;
}

/**
 * Look at a log for a watch. Pure. A poll's look draws the changed message in
 * the same go: for a big log, one read on a worker per poll, not a second one when it changed.
 */
export function lookForWatch({ log, deliveries, alert }: FetchedLog, settings: AnswerSettings, { view, since }: WatchAsk, nowMs: number): WatchLook {
  const summary = summarize(log, nowMs, deliveries, alert);
  const seen = snapshotOf(summary);
  const snapshot = since ? keepKnownAlert(since, keepKnownDeliveries(since, seen)) : seen;
  // A poll that finds the log closed ends the watch, with a message of its own.
  const draw = view !== null && (since === null || (!snapshot.closed && snapshotsDiffer(since, snapshot)));
  return { snapshot, message: draw ? renderAnswer(summary, settings, view) : null };
}

/** Looks at a big log kept raw for a watch away from the main thread (src/offload/ provides one). */
export interface RawLogWatchLooker {
  watchLook(fetched: RawFetchedLog, settings: AnswerSettings, ask: WatchAsk, nowMs: number): Promise<WatchLook>;
}
