import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config';
import { parseEventLogResponse } from '../src/bk/envelope';
import { createEventLogService, type EventLogService } from '../src/eventlog/service/service';
import type { EventLogSource } from '../src/eventlog/model/source';
import { encodeSharedAnswer } from '../src/eventlog/answers/shared-answer-codec';
import { createStore } from '../src/store/create-store';
import type { Store } from '../src/store/store';
import { noopMetrics, silentLogger } from '../test/helpers/silent';
import { benchEsbBody } from './bench-log';
import { closedLoop } from './load-loops';
import { median, round } from './stats';

/**
 * Where a Redis-mode lookup's time goes (issue 23), in this process: the
 * service alone (no Slack, no HTTP) in front of a source that answers after
 * `sourceDelayMs`, on process memory and on Redis, `concurrency` lookups of
 * distinct IDs at a time, in interleaved rounds. Every store operation is
 * timed where the service calls it, so the table says which steps come
 * before BlueKing's answer and what each costs; encoding an answer for the
 * other replicas is timed on its own.
 */

export interface StoreSteps {
  /** p50 of a lookup, ms: memory, Redis. */
  memoryP50Ms: number;
  redisP50Ms: number;
  /** p50 from a lookup's start to the source being asked, and from its answer to the lookup's outcome, ms: memory, Redis. */
  beforeCallP50Ms: number[];
  afterCallP50Ms: number[];
  /** Per store operation on Redis: calls per lookup and p50 ms each. */
  operations: Array<{ operation: string; perLookup: number; p50Ms: number }>;
  /** Encoding one 50-record answer for other replicas (JSON + gzip), p50 ms. */
  encodeP50Ms: number;
}

const RECORDS = 50;

export async function measureStoreSteps(redisUrl: string, options: { concurrency: number; sourceDelayMs: number; roundMs: number; rounds: number }): Promise<StoreSteps> {
  const body = benchEsbBody(RECORDS);
  const startedAt = new Map<string, number>();
  const calledAt = new Map<string, number>();
  const answeredAt = new Map<string, number>();
  const source: EventLogSource = {
    fetchEventLog: async (id) => {
      calledAt.set(id, performance.now());
      await new Promise((resolve) => setTimeout(resolve, options.sourceDelayMs));
      answeredAt.set(id, performance.now());
      return parseEventLogResponse({ id, httpStatus: 200, headers: { get: () => null }, body, zone: 'Asia/Shanghai' });
    },
  };
  const env = { BK_CACHE_TTL_MS: '0', USER_RATE_LIMIT_PER_MIN: '0', BK_MAX_IN_FLIGHT: '1000' };
  const timings = new Map<string, number[]>();
  const sides: Array<{ name: 'memory' | 'redis'; service: EventLogService; store: Store; latencies: number[]; before: number[]; after: number[] }> = [];
  for (const name of ['memory', 'redis'] as const) {
    const config = loadConfig(name === 'redis' ? { ...env, REDIS_URL: redisUrl, REDIS_PREFIX: 'bench-steps:' } : env);
    const store = createStore(config.store, { now: Date.now, log: silentLogger, metrics: noopMetrics });
    const timed = name === 'redis' ? timedStore(store, timings) : store;
    sides.push({ name, store, service: createEventLogService(config, { source, now: Date.now, log: silentLogger, metrics: noopMetrics, lookupEmail: async () => null, store: timed }), latencies: [], before: [], after: [] });
  }
  let ids = 500_000;
  let lookups = 0;
  const roundOf = async (side: (typeof sides)[number], record: boolean): Promise<void> => {
    await closedLoop(options.concurrency, options.roundMs, async () => {
      const started = performance.now();
      const id = String(ids++);
      startedAt.set(id, started);
      const outcome = await side.service.lookup({ id, userId: 'U0ONCALL', channelId: 'C0INCIDENT', teamId: 'T0BENCH', bypassCache: false });
      if (outcome.kind !== 'ok') throw new Error(`lookup ${outcome.kind}`);
      if (record) {
        side.latencies.push(performance.now() - started);
        side.before.push((calledAt.get(id) ?? NaN) - started);
        side.after.push(performance.now() - (answeredAt.get(id) ?? NaN));
        if (side.name === 'redis') lookups++;
      }
    });
  };
  try {
    for (const side of sides) await roundOf(side, false);
    timings.clear();
    for (let i = 0; i < options.rounds; i++) for (const side of i % 2 === 0 ? sides : [...sides].reverse()) await roundOf(side, true);
  } finally {
    await Promise.all(sides.map((side) => side.store.close()));
  }
  const encodes: number[] = [];
  const fetched = await source.fetchEventLog('1', { username: null });
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await encodeSharedAnswer({ token: 'x', freshUntil: 0, fetched: { kind: 'ok', log: fetched, deliveries: { kind: 'absent', absence: { kind: 'not_asked' } }, alert: { kind: 'absent', absence: { kind: 'not_asked' } } } });
    encodes.push(performance.now() - started);
  }
  return {
    memoryP50Ms: round(median(sides[0].latencies), 3),
    redisP50Ms: round(median(sides[1].latencies), 3),
    beforeCallP50Ms: sides.map((side) => round(median(side.before), 3)),
    afterCallP50Ms: sides.map((side) => round(median(side.after), 3)),
    operations: [...timings].map(([operation, ms]) => ({ operation, perLookup: round(ms.length / Math.max(1, lookups), 2), p50Ms: round(median(ms), 3) })),
    encodeP50Ms: round(median(encodes), 3),
  };
}

/** `store` with every call timed into `timings`, by method name. */
function timedStore(store: Store, timings: Map<string, number[]>): Store {
  return new Proxy(store, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || typeof name !== 'string' || name === 'close') return value;
      return (...args: unknown[]) => {
        const started = performance.now();
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.finally(() => {
          const list = timings.get(name) ?? [];
          list.push(performance.now() - started);
          timings.set(name, list);
        });
      };
    },
  });
}
