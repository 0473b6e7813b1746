import type { FetchedLog } from '../eventlog/answers/answer';
import { withEntries } from '../eventlog/model/record';
import type { RawFetchedLog, RawLogRenderer } from '../render/raw-log-renderer';
import { renderFetchedLog, type AnswerSettings, type AnswerView } from '../render/event-log-message';
import type { SlackMessage } from '../render/types';
import { lookForWatch, type RawLogWatchLooker, type WatchAsk, type WatchLook } from './watch-look';

/** Reads and draws big logs kept raw on worker threads (src/offload/ is one). */
export type WatchLogWorkers = RawLogRenderer & RawLogWatchLooker;

/** How the watcher keeps, looks at and draws the logs it polls. */
export interface WatchLogs {
  /** A fetched log as the watcher holds it between polls (the final message shows it). */
  keep(log: FetchedLog['log']): FetchedLog['log'];
  /** Its snapshot, and the watching message as asked (see WatchAsk). */
  look(fetched: FetchedLog, ask: WatchAsk, nowMs: number): Promise<WatchLook>;
  render(fetched: FetchedLog, view: AnswerView, nowMs: number): Promise<SlackMessage>;
}

/**
 * With a worker, a big log kept raw stays raw (bytes, never its thousands of
 * records) and is looked at and drawn on a worker thread at every poll, so a
 * watch never holds up another command's ack. Without one (tests, the
 * console), a raw log is read here once when fetched and everything is done
 * here, as always.
 */
export function watchLogs(settings: AnswerSettings, logWorkers?: WatchLogWorkers): WatchLogs {
  if (!logWorkers) {
    return {
      keep: withEntries,
      look: async (fetched, ask, nowMs) => lookForWatch(readHere(fetched), settings, ask, nowMs),
      render: async (fetched, view, nowMs) => renderFetchedLog(readHere(fetched), settings, view, nowMs),
    };
  }
  return {
    keep: (log) => log,
    look: async (fetched, ask, nowMs) => {
      const raw = rawOf(fetched);
      return raw ? logWorkers.watchLook(raw, settings, ask, nowMs) : lookForWatch(fetched, settings, ask, nowMs);
    },
    render: async (fetched, view, nowMs) => {
      const raw = rawOf(fetched);
      return raw ? logWorkers.render(raw, settings, { kind: 'message', view }, nowMs) : renderFetchedLog(fetched, settings, view, nowMs);
    },
  };
}

function rawOf(fetched: FetchedLog): RawFetchedLog | null {
  const { raw } = fetched.log;
  return raw ? { ...fetched, log: { ...fetched.log, raw } } : null;
}

function readHere(fetched: FetchedLog): FetchedLog {
  return { ...fetched, log: withEntries(fetched.log) };
}
