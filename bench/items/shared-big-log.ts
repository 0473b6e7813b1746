import { performance } from 'node:perf_hooks';
import { parseEventLogResponse } from '../../src/bk/envelope';
import { rawEventLog } from '../../src/bk/raw-event-log';
import { createSharedAnswers } from '../../src/eventlog/answers/shared-answers';
import type { Fetched } from '../../src/eventlog/answers/answer';
import { RedisStore } from '../../src/store/redis-store';
import type { RedisServer } from '../../test/helpers/redis-process';
import { BENCH_ZONE, benchEsbBody } from '../bench-log';
import type { BenchContext, Row } from '../bench-types';
import { latencyFigures, round } from '../stats';

/**
 * Part of item 7: a big log in the shared store. One "replica" (the shared
 * answers of the bot, in this process, on a real Redis) stores a 5.1 MB log
 * kept raw; another serves it as a cached answer 40 times, as paging through
 * it would. Figures: time per cached read, and the longest the event loop
 * was held meanwhile (a 1 ms timer's worst lateness).
 */

const RECORDS = 7_500;
const READS = 40;
const KEY = 'bench-user/1001';

export async function measureSharedBigLog(ctx: BenchContext, redis: RedisServer) {
  ctx.progress(`7. shared store: a ${RECORDS}-record log stored by one replica, read ${READS} times as cached by another`);
  const store = new RedisStore({ url: redis.url, prefix: 'bench-big:' });
  try {
    await store.waitUntilReady(5_000);
    const text = benchEsbBody(RECORDS);
    const parsed = parseEventLogResponse({ id: '1001', httpStatus: 200, headers: { get: () => null }, body: text, zone: BENCH_ZONE });
    const reading = { zone: BENCH_ZONE };
    const log = rawEventLog({ id: '1001', body: Buffer.from(text), records: parsed.entries.length, generation: parsed.generation, requestId: parsed.requestId }, reading);
    const replica = () =>
      createSharedAnswers({ store, cacheTtlMs: 600_000, cacheMaxEntries: 500, callLimitMs: 20_000, onJoin: () => undefined, rawLog: (parts) => rawEventLog(parts, reading) });
    const [writer, reader] = [replica(), replica()];
    const fetched: Fetched = { kind: 'ok', log, deliveries: { kind: 'absent', absence: { kind: 'not_asked' } }, alert: { kind: 'absent', absence: { kind: 'not_asked' } } };
    await writer.fetchOnce(KEY, async () => fetched);
    await writer.written();

    const hold = loopHoldMeter();
    const reads: number[] = [];
    for (let i = 0; i < READS; i++) {
      const started = performance.now();
      const hit = await reader.cached(KEY);
      reads.push(performance.now() - started);
      if (hit?.kind !== 'ok' || !hit.log.raw) throw new Error('the cached big log did not come back raw');
    }
    const longestHoldMs = round(hold.stop(), 1);
    const figures = { records: RECORDS, body_bytes: Buffer.byteLength(text), ...latencyFigures(reads), first_read_ms: round(reads[0], 2), longest_loop_hold_ms: longestHoldMs };
    const rows: Row[] = [
      {
        item: '',
        figure: `cached ${(figures.body_bytes / 1e6).toFixed(1)} MB log read by another replica ×${READS}: p50 / p99 / first (ms)`,
        value: `${figures.p50_ms} / ${figures.p99_ms} / ${figures.first_read_ms}`,
        target: '',
        verdict: '',
      },
      { item: '', figure: '  longest event-loop hold during those reads (ms)', value: String(longestHoldMs), target: '', verdict: '' },
    ];
    return { figures, rows };
  } finally {
    await store.close();
  }
}

/** The worst lateness of a 1 ms timer from now until stop(): how long the event loop was held at a time. */
function loopHoldMeter(): { stop(): number } {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 1);
    last = now;
  }, 1);
  return {
    stop: () => {
      clearInterval(timer);
      return worst;
    },
  };
}
