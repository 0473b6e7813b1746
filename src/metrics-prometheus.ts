import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Metrics } from './metrics';

/** Metrics in Prometheus text format, on a registry of our own (no global state between app instances). */
export interface PrometheusMetrics extends Metrics {
  contentType: string;
  render(): Promise<string>;
}

/** Build the counters and histograms once; each call site only increments. */
export function createPrometheusMetrics(options: { defaultMetrics: boolean }): PrometheusMetrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'eventlog_' });
  const lookups = new Counter({
    name: 'eventlog_lookups_total',
    help: 'Event-log lookups by outcome (ok, an upstream error kind, or refused_*)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'eventlog_upstream_latency_seconds',
    help: 'Latency of BlueKing get_event_log calls',
    labelNames: ['outcome'],
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const ackTimes = new Histogram({
    name: 'eventlog_slack_ack_seconds',
    help: "Time from a Slack request reaching the bot to its HTTP answer (the ack; Slack waits 3 s). HTTP mode only",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
    registers: [registry],
  });
  const cacheHits = new Counter({ name: 'eventlog_cache_hits_total', help: 'Lookups answered from the cache', registers: [registry] });
  const coalesced = new Counter({
    name: 'eventlog_coalesced_total',
    help: 'Lookups that joined an upstream call already in flight',
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'eventlog_rate_limited_total',
    help: 'Requests turned away: user (per-user limit), busy (in-flight cap), upstream (BlueKing rate limit)',
    labelNames: ['kind'],
    registers: [registry],
  });
  const watches = new Gauge({ name: 'eventlog_watches_active', help: 'Events being watched now', registers: [registry] });
  const watchPolls = new Counter({
    name: 'eventlog_watch_polls_total',
    help: 'Watch polls by lookup outcome (ok, an upstream error kind, or refused_*)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const watchUpdates = new Counter({ name: 'eventlog_watch_updates_total', help: 'chat.update calls of watching messages', registers: [registry] });
  const watchReplies = new Counter({ name: 'eventlog_watch_replies_total', help: 'Thread replies posted by watches', registers: [registry] });
  const watchStops = new Counter({
    name: 'eventlog_watch_stops_total',
    help: 'Watches ended, by reason (closed, stopped, max_age, message_gone, …)',
    labelNames: ['reason'],
    registers: [registry],
  });
  const acrossReplicas = new Counter({
    name: 'eventlog_coalesced_across_replicas_total',
    help: 'Lookups answered by a BlueKing call another replica made (shared store)',
    registers: [registry],
  });
  const storeOperations = new Counter({
    name: 'eventlog_store_operations_total',
    help: 'Shared-store operations by operation and outcome (ok, or error: fell back to process memory)',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const storeErrors = new Counter({
    name: 'eventlog_store_errors_total',
    help: 'Failed shared-store operations by kind: timeout, disconnected, auth, refused (a command Redis refused), other',
    labelNames: ['kind'],
    registers: [registry],
  });
  const triageActs = new Counter({
    name: 'eventlog_triage_acts_total',
    help: 'Acts on alerts from Slack (ack, shield, unshield), by result',
    labelNames: ['act', 'result'],
    registers: [registry],
  });
  const duplicates = new Counter({
    name: 'eventlog_duplicate_deliveries_total',
    help: 'Slack deliveries seen before (retries, or one event on two replicas) and not answered again, by kind',
    labelNames: ['kind'],
    registers: [registry],
  });
  return {
    coalescedAcrossReplicas: () => acrossReplicas.inc(),
    storeOperation: (operation, outcome) => storeOperations.inc({ operation, outcome }),
    storeError: (kind) => storeErrors.inc({ kind }),
    duplicateDelivery: (kind) => duplicates.inc({ kind }),
    triage: (act, result) => triageActs.inc({ act, result }),
    ackTime: (seconds) => ackTimes.observe(seconds),
    lookup: (outcome) => lookups.inc({ outcome }),
    upstreamLatency: (seconds, outcome) => latency.observe({ outcome }, seconds),
    cacheHit: () => cacheHits.inc(),
    coalesced: () => coalesced.inc(),
    rateLimited: (kind) => rateLimited.inc({ kind }),
    watchesActive: (count) => watches.set(count),
    watchPoll: (outcome) => watchPolls.inc({ outcome }),
    watchUpdate: () => watchUpdates.inc(),
    watchReply: () => watchReplies.inc(),
    watchStop: (reason) => watchStops.inc({ reason }),
    contentType: registry.contentType,
    render: () => registry.metrics(),
  };
}
