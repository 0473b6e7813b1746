import type { Logger } from '../../src/log';
import type { Metrics } from '../../src/metrics';

/** A logger that drops everything, for tests that do not look at the log. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  isLevelEnabled: () => false,
};

/** Metrics that record nothing, for tests that do not look at them. */
export const noopMetrics: Metrics = {
  lookup: () => undefined,
  upstreamLatency: () => undefined,
  cacheHit: () => undefined,
  coalesced: () => undefined,
  rateLimited: () => undefined,
  watchesActive: () => undefined,
  watchPoll: () => undefined,
  watchUpdate: () => undefined,
  watchReply: () => undefined,
  watchStop: () => undefined,
  coalescedAcrossReplicas: () => undefined,
  storeOperation: () => undefined,
  storeError: () => undefined,
  duplicateDelivery: () => undefined,
  ackTime: () => undefined,
  triage: () => undefined,
};
