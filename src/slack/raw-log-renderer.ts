import type { FetchedLog } from '../eventlog/fetch-with-deliveries';
import type { EventLog, RawLog } from '../eventlog/record';
import type { AnswerSettings, AnswerView } from './render/event-log-message';
import type { SlackMessage } from './render/types';

/**
 * Renders a log kept raw (a big answer, see EventLog.raw) away from the main
 * thread: reading and laying out thousands of records would hold up every
 * other command's ack. src/offload/ provides one; the main path renders
 * ordinary logs itself.
 */
export interface RawLogRenderer {
  render(fetched: RawFetchedLog, settings: AnswerSettings, view: AnswerView, nowMs: number): Promise<SlackMessage>;
}

/** A fetched log whose records are kept raw, with its per-receiver results. */
export type RawFetchedLog = Omit<FetchedLog, 'log'> & { log: EventLog & { raw: RawLog } };
