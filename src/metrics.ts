/**
 * What the service reports about itself. The Prometheus implementation lives
 * at the edge (src/metrics-prometheus.ts); the core only sees this interface.
 */
export interface Metrics {
  /** One finished lookup, by outcome: ok, not_found, error kind, refused reason. */
  lookup(outcome: string): void;
  /** One upstream call's latency. */
  upstreamLatency(seconds: number, outcome: string): void;
  cacheHit(): void;
  /** A lookup that joined another's upstream call instead of making its own. */
  coalesced(): void;
  /** A request turned away: 'user' (per-user limit), 'busy' (in-flight cap), 'upstream' (BlueKing said 429). */
  rateLimited(kind: 'user' | 'busy' | 'upstream'): void;
  /** Watches that exist now (all replicas, as the store holds them). */
  watchesActive(count: number): void;
  /** One watch poll, by lookup outcome. */
  watchPoll(outcome: string): void;
  /** One chat.update of a watching message. */
  watchUpdate(): void;
  /** One thread reply of a watch. */
  watchReply(): void;
  /** One watch ended, by reason. */
  watchStop(reason: string): void;
  /** A lookup answered by a call another replica made (shared store only). */
  coalescedAcrossReplicas(): void;
  /** One shared-store operation: 'ok', or 'error' (it fell back to process memory). */
  storeOperation(operation: string, outcome: 'ok' | 'error'): void;
  /** One failed shared-store operation, by kind: 'timeout', 'disconnected', 'auth' (password refused), 'refused' (a command Redis refused, e.g. a key of the wrong type), 'other'. */
  storeError(kind: StoreErrorKind): void;
  /** A Slack delivery seen before (a retry, or the same event on another replica), not answered again. */
  duplicateDelivery(kind: string): void;
  /**
   * How long one HTTP request from Slack took to answer, from reaching the bot to the answer written
   * (the ack; Slack gives up after 3 s). HTTP mode only: in Socket Mode the ack goes over the socket.
   */
  ackTime(seconds: number): void;
  /** One act on an alert from Slack (ack, shield, unshield), by result: done, already, refused, failed, … */
  triage(act: string, result: string): void;
}

export type StoreErrorKind = 'timeout' | 'disconnected' | 'auth' | 'refused' | 'other';
