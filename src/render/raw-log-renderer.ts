import type { FetchedLog } from '../eventlog/answers/answer';
import type { EventLog, RawLog } from '../eventlog/model/record';
import type { AnswerSettings } from './event-log-message';
import type { LogSurface, SurfaceOutput } from './log-surface';

/**
 * Renders a log kept raw (a big answer, see EventLog.raw) away from the main
 * thread, on any surface (message, Full log modal, unfurl): reading and laying
 * out thousands of records would hold up every other command's ack.
 * src/offload/ provides one; the main path renders ordinary logs itself.
 */
export interface RawLogRenderer {
  render<S extends LogSurface>(fetched: RawFetchedLog, settings: AnswerSettings, surface: S, nowMs: number): Promise<SurfaceOutput<S>>;
}

/** A fetched log whose records are kept raw, with its per-receiver results. */
export type RawFetchedLog = Omit<FetchedLog, 'log'> & { log: EventLog & { raw: RawLog } };
