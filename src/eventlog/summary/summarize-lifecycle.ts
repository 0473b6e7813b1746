import { qosClosesAlert } from './notice-outcome';
import type { LogEntry } from '../model/record';
import { parseAck } from './summarize-ack';
import type { Acknowledgement, EventState, Lifecycle } from './summarize-types';

const RECOVERED_OPERATES: ReadonlySet<string> = new Set(['RECOVER', 'SYSTEM_RECOVER']);
const CLOSED_OPERATES: ReadonlySet<string> = new Set(['CLOSE', 'SYSTEM_CLOSE']);

/**
 * Walk the chronological timeline once and work out where the event stands:
 * created, acknowledged, recovering, recovered, closed, and how long each step
 * took. A close is final; a recovery is final unless closed. `firstAtMs` (the
 * earliest readable record time) stands in for the start when there is no CREATE.
 */
export function summarizeLifecycle(timeline: readonly LogEntry[], firstAtMs: number | null, nowMs: number): Lifecycle {
  let state: EventState = 'open';
  // What a recovery that gets aborted falls back to.
  let unrecoveredState: 'open' | 'acknowledged' = 'open';
  let createdAtMs: number | null = null;
  let ack: Acknowledgement | null = null;
  let recoveredAtMs: number | null = null;
  let closedAtMs: number | null = null;
  let closedBySystem = false;
  let delayedRecoveries = 0;
  let abortedRecoveries = 0;
  let severityRaises = 0;

  for (const entry of timeline) {
    if (entry.kind !== 'record') continue;
    const at = entry.timeMs;
    const op = entry.operate;
    if (op === 'CREATE') {
      createdAtMs ??= at;
    } else if (op === 'ACK') {
      if (ack === null) ack = { atMs: at, ...parseAck(entry) };
      unrecoveredState = 'acknowledged';
      if (state === 'open') state = 'acknowledged';
    } else if (op === 'RECOVERING') {
      if (state !== 'recovered' && state !== 'closed') state = 'recovering';
    } else if (op === 'ABORT_RECOVER') {
      abortedRecoveries += 1;
      if (state === 'recovering') state = unrecoveredState;
    } else if (op === 'DELAY_RECOVER') {
      delayedRecoveries += 1;
    } else if (op === 'SEVERITY_UP') {
      severityRaises += 1;
    } else if (RECOVERED_OPERATES.has(op)) {
      recoveredAtMs ??= at;
      if (state !== 'closed') state = 'recovered';
    } else if (CLOSED_OPERATES.has(op) || qosClosesAlert(entry)) {
      if (state !== 'closed') {
        closedAtMs = at;
        closedBySystem = op !== 'CLOSE';
      }
      state = 'closed';
    }
  }

  const startedAtMs = createdAtMs ?? firstAtMs;
  const endedAtMs = state === 'closed' ? closedAtMs : state === 'recovered' ? recoveredAtMs : null;
  const isOver = state === 'closed' || state === 'recovered';
  return {
    state,
    startedAtMs,
    ack,
    recoveredAtMs,
    closedBySystem,
    timeToAckMs: elapsed(startedAtMs, ack?.atMs ?? null),
    timeToRecoverMs: elapsed(startedAtMs, recoveredAtMs),
    timeToCloseMs: elapsed(startedAtMs, closedAtMs),
    durationMs: elapsed(startedAtMs, isOver ? endedAtMs : nowMs),
    delayedRecoveries,
    abortedRecoveries,
    severityRaises,
  };
}

/** Milliseconds from `from` to `to`; null when either is unknown or the clock runs backwards. */
function elapsed(from: number | null, to: number | null): number | null {
  if (from === null || to === null) return null;
  const ms = to - from;
  return ms >= 0 ? ms : null;
}
