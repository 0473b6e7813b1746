import { redisServerPath, REDIS_SKIP_REASON, startRedisServer, type RedisServer } from '../../test/helpers/redis-process';
import type { BenchContext, ItemResult, Row } from '../bench-types';
import { verdict } from '../bench-types';
import { lookupOnce } from '../lookup';
import { interleavedRounds } from '../rounds';
import { round } from '../stats';
import type { Target } from '../target-process';
import { sideFigures, timedRound } from './overhead';
import { measureStoreSteps } from '../store-steps';
import { measureSharedBigLog } from './shared-big-log';

/**
 * Item 7: the shared store (REDIS_URL). What Redis costs one replica (p50
 * beyond the ESB, as item 3 measures it, Redis vs process memory), and what
 * it buys several: a burst of identical lookups spread round-robin over 1 or
 * 3 replicas, with and without Redis, counting the calls that reach the ESB.
 * And what a big log in the shared store costs a replica that reads it
 * (shared-big-log.ts). Starts its own redis-server (loopback, no persistence).
 */

const ROUND_MS = 3_000;
const ROUNDS = 3;
const WARM_UP_MS = 600;
/** Issue 23: Redis adds at most this much to a lookup's p50, 5 lookups at a time, BlueKing answering in 50 ms. */
export const REDIS_P50_MAX_EXTRA_MS = 2;
const LOAD = { concurrency: 5, esbDelayMs: 50 };
const BURST = 200;
/** Long enough that the whole burst arrives while the first call is still out (the cache is off), even on a loaded machine. */
const BURST_ESB_DELAY_MS = 2_000;

export async function measureSharedStore(ctx: BenchContext): Promise<ItemResult> {
  if (!redisServerPath()) {
    ctx.progress(`7. shared store: skipped, ${REDIS_SKIP_REASON}`);
    return { key: 'shared_store', figures: { skipped: REDIS_SKIP_REASON }, rows: [{ item: '7 shared store', figure: 'skipped', value: REDIS_SKIP_REASON, target: '', verdict: '' }] };
  }
  const redis = await startRedisServer();
  try {
    const overhead = await redisOverhead(ctx, redis);
    ctx.progress('7. shared store: where a Redis lookup spends its time (the service alone, in this process)');
    const steps = await measureStoreSteps(redis.url, { ...LOAD, sourceDelayMs: LOAD.esbDelayMs, roundMs: 2_000, rounds: 3 });
    const bursts = [];
    for (const replicas of [1, 3]) for (const withRedis of [false, true]) bursts.push(await burst(ctx, redis, replicas, withRedis));
    const bigLog = await measureSharedBigLog(ctx, redis);
    const burstPass = bursts.every((b) => b.answered === BURST && (!b.redis || b.upstream_calls === 1));
    const rows: Row[] = [
      { item: '7 shared store', figure: `p50 beyond ESB, Redis / memory (ms), ${LOAD.concurrency} at a time`, value: `${overhead.redis.p50_ms} / ${overhead.memory.p50_ms} (+${overhead.p50_extra_ms})`, target: `≤ memory + ${REDIS_P50_MAX_EXTRA_MS} ms`, verdict: verdict(overhead.pass) },
      {
        item: '',
        figure: '  service alone: p50 Redis / memory; before the call (ms)',
        value: `${steps.redisP50Ms} / ${steps.memoryP50Ms} (+${round(steps.redisP50Ms - steps.memoryP50Ms, 3)}); ${steps.beforeCallP50Ms[1]} / ${steps.beforeCallP50Ms[0]}`,
        target: '',
        verdict: '',
      },
      {
        item: '',
        figure: '  store operations per lookup × p50 ms; encode',
        value: `${steps.operations.map((o) => `${o.operation} ${o.perLookup}×${o.p50Ms}`).join(', ')}; encode ${steps.encodeP50Ms}`,
        target: '',
        verdict: '',
      },
      ...bursts.map((b) => ({
        item: '',
        figure: `${BURST} of one ID over ${b.replicas} replica${b.replicas > 1 ? 's' : ''}, ${b.redis ? 'Redis' : 'memory'}: ESB calls (answered)`,
        value: `${b.upstream_calls} (${b.answered})`,
        target: b.redis ? `1 (${BURST})` : `(${BURST})`,
        verdict: verdict(b.answered === BURST && (!b.redis || b.upstream_calls === 1)),
      })),
      ...bigLog.rows,
    ];
    const stepFigures = { memory_p50_ms: steps.memoryP50Ms, redis_p50_ms: steps.redisP50Ms, before_call_p50_ms: steps.beforeCallP50Ms, operations: steps.operations.map((o) => ({ ...o })), encode_p50_ms: steps.encodeP50Ms };
    return { key: 'shared_store', figures: { overhead, steps: stepFigures, bursts, big_log: bigLog.figures, pass: overhead.pass && burstPass }, rows };
  } finally {
    ctx.esb.delayMs = 0;
    await redis.stop();
  }
}

async function redisOverhead(ctx: BenchContext, redis: RedisServer) {
  ctx.progress(`7. shared store: p50 beyond the ESB with Redis vs process memory, ${LOAD.concurrency} concurrent, ESB ${LOAD.esbDelayMs} ms, ${ROUNDS} rounds of ${ROUND_MS / 1000} s per side`);
  const memory = await ctx.start('app');
  const shared = await ctx.start('app', { env: { REDIS_URL: redis.url, REDIS_PREFIX: 'bench-overhead:' } });
  ctx.esb.delayMs = LOAD.esbDelayMs;
  try {
    for (const target of [memory, shared]) await timedRound(ctx, target, WARM_UP_MS, LOAD);
    const [memoryRounds, redisRounds] = await interleavedRounds(ROUNDS, [memory, shared], (target) => timedRound(ctx, target, ROUND_MS, LOAD));
    const base = sideFigures(memoryRounds);
    const withRedis = sideFigures(redisRounds);
    const extra = round(withRedis.p50_ms - base.p50_ms, 3);
    return { memory: base, redis: withRedis, p50_extra_ms: extra, target_max_extra_ms: REDIS_P50_MAX_EXTRA_MS, pass: extra <= REDIS_P50_MAX_EXTRA_MS };
  } finally {
    await Promise.all([memory.stop(), shared.stop()]);
  }
}

/** BURST simultaneous lookups of one fresh ID, round-robin over `replicas` bots. */
async function burst(ctx: BenchContext, redis: RedisServer, replicas: number, withRedis: boolean) {
  ctx.progress(`7. shared store: ${BURST} simultaneous lookups of one ID over ${replicas} replica(s), ${withRedis ? 'Redis' : 'process memory'}`);
  const env: Record<string, string> = withRedis ? { REDIS_URL: redis.url, REDIS_PREFIX: `bench-burst-${replicas}:` } : {};
  const bots: Target[] = await Promise.all(Array.from({ length: replicas }, () => ctx.start('app', { env })));
  try {
    const id = ctx.nextId();
    ctx.esb.resetCounters();
    ctx.esb.delayMs = BURST_ESB_DELAY_MS;
    const settled = await Promise.allSettled(Array.from({ length: BURST }, (_, i) => lookupOnce(ctx, bots[i % replicas], id)));
    const answered = settled.filter((s) => s.status === 'fulfilled' && s.value.ok).length;
    return { replicas, redis: withRedis, lookups: BURST, answered, upstream_calls: ctx.esb.callsFor(id) };
  } finally {
    ctx.esb.delayMs = 0;
    await Promise.all(bots.map((bot) => bot.stop()));
  }
}
