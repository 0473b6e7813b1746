import type { BenchContext, ItemResult } from '../bench-types';
import { verdict } from '../bench-types';
import { closedLoopCount } from '../load-loops';
import { lookupOnce } from '../lookup';
import { round, slopePerStep } from '../stats';
import { startTarget } from '../target-process';

/**
 * Item 6: the bot's resident memory after 10,000 lookups (5 rounds of
 * 2,000, distinct IDs, 50-record log), read from its own /metrics after each
 * round, and whether it keeps growing from one round to the next.
 */

const ROUNDS = 5;
const LOOKUPS_PER_ROUND = 2_000;
const CONCURRENCY = 32;
/** Let in-flight sockets and the last answers settle before reading RSS. */
const SETTLE_MS = 300;
export const RSS_MAX_MB = 150;
/** "Flat": after the first round (warm-up: JIT, pools, caches fill), at most this much growth per 2,000 lookups. */
export const GROWTH_MAX_MB_PER_ROUND = 2;

const MB = 1024 * 1024;

/** Measure item 6 on a freshly started bot. */
export async function measureMemory(ctx: BenchContext): Promise<ItemResult> {
  ctx.progress(`6. memory: ${ROUNDS} rounds of ${LOOKUPS_PER_ROUND.toLocaleString('en-US')} lookups on a fresh bot`);
  const app = await startTarget('app', { env: ctx.env, cpuProfDir: ctx.cpuProfDir });
  const rssMb: number[] = [];
  let startMb: number;
  let wrong = 0;
  try {
    ctx.esb.delayMs = 0;
    startMb = (await app.readRss()) / MB;
    for (let r = 0; r < ROUNDS; r++) {
      const { failed } = await closedLoopCount(CONCURRENCY, LOOKUPS_PER_ROUND, async () => {
        if (!(await lookupOnce(ctx, app)).ok) wrong++;
      });
      wrong += failed;
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      rssMb.push((await app.readRss()) / MB);
    }
  } finally {
    await app.stop();
  }
  const finalMb = rssMb[rssMb.length - 1];
  const growth = slopePerStep(rssMb.slice(1));
  const sizePass = finalMb < RSS_MAX_MB;
  const flatPass = growth <= GROWTH_MAX_MB_PER_ROUND;
  return {
    key: 'memory',
    figures: {
      lookups: ROUNDS * LOOKUPS_PER_ROUND,
      rss_start_mb: round(startMb, 1),
      rss_after_round_mb: rssMb.map((mb) => round(mb, 1)),
      rss_final_mb: round(finalMb, 1),
      growth_mb_per_round: round(growth, 2),
      wrong_answers: wrong,
      target_max_mb: RSS_MAX_MB,
      target_max_growth_mb_per_round: GROWTH_MAX_MB_PER_ROUND,
      pass: sizePass && flatPass,
    },
    rows: [
      { item: '6 memory', figure: `RSS after ${(ROUNDS * LOOKUPS_PER_ROUND).toLocaleString('en-US')} lookups`, value: `${round(finalMb, 1)} MB (idle ${round(startMb, 1)})`, target: `< ${RSS_MAX_MB} MB`, verdict: verdict(sizePass) },
      { item: '', figure: `RSS per round of ${LOOKUPS_PER_ROUND.toLocaleString('en-US')}`, value: `${rssMb.map((mb) => round(mb, 1)).join(', ')} MB`, target: '', verdict: '' },
      { item: '', figure: 'growth per round after the first', value: `${round(growth, 2)} MB`, target: `≤ ${GROWTH_MAX_MB_PER_ROUND} MB (flat)`, verdict: verdict(flatPass) },
    ],
  };
}
