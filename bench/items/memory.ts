import type { BenchContext, ItemResult } from '../bench-types';
import { verdict } from '../bench-types';
import { closedLoopCount } from '../load-loops';
import { lookupOnce } from '../lookup';
import { round, slopePerStep } from '../stats';
import type { Target } from '../target-process';

/**
 * Item 6: memory. A fresh bot takes 5 rounds of 2,000 lookups (distinct IDs,
 * the 50-record log, 32 concurrent). After each round: its RSS as it stands
 * (from its own /metrics), then a full GC and the live heap and RSS after it.
 * RSS right after load is mostly garbage V8 has not collected yet, so the
 * leak check reads the live heap after the GC: it must not grow per round.
 * A fresh relay floor takes the same load, for comparison.
 */

const ROUNDS = 5;
const LOOKUPS_PER_ROUND = 2_000;
const CONCURRENCY = 32;
/** Let the last answers and sockets settle before reading. */
const SETTLE_MS = 300;
export const RSS_MAX_MB = 150;
/** "Flat": after the first round, the live heap grows by at most this much per 2,000 lookups (≈ 250 bytes each). */
export const HEAP_GROWTH_MAX_MB_PER_ROUND = 0.5;

const MB = 1024 * 1024;

interface Readings {
  startMb: number;
  /** RSS right after each round. */
  rssMb: number[];
  /** RSS after the full GC that follows each round. */
  rssAfterGcMb: number[];
  /** Live heap after that GC (NaN for a floor). */
  heapAfterGcMb: number[];
  wrong: number;
}

/** Measure item 6 on a freshly started bot, and on a fresh relay for comparison. */
export async function measureMemory(ctx: BenchContext): Promise<ItemResult> {
  ctx.progress(`6. memory: ${ROUNDS} rounds of ${LOOKUPS_PER_ROUND.toLocaleString('en-US')} lookups on a fresh bot, then on a fresh relay`);
  ctx.esb.delayMs = 0;
  const bot = await underLoad(ctx, 'app');
  const relay = await underLoad(ctx, 'relay');

  const finalMb = last(bot.rssMb);
  const heapGrowth = slopePerStep(bot.heapAfterGcMb.slice(1));
  const rssGrowth = slopePerStep(bot.rssAfterGcMb.slice(1));
  const sizePass = finalMb < RSS_MAX_MB;
  const flatPass = heapGrowth <= HEAP_GROWTH_MAX_MB_PER_ROUND;
  const mb = (values: readonly number[]): number[] => values.map((v) => round(v, 1));
  const lookups = (ROUNDS * LOOKUPS_PER_ROUND).toLocaleString('en-US');
  return {
    key: 'memory',
    figures: {
      lookups: ROUNDS * LOOKUPS_PER_ROUND,
      concurrency: CONCURRENCY,
      app: {
        rss_start_mb: round(bot.startMb, 1),
        rss_after_round_mb: mb(bot.rssMb),
        rss_after_gc_mb: mb(bot.rssAfterGcMb),
        heap_after_gc_mb: mb(bot.heapAfterGcMb),
        rss_final_mb: round(finalMb, 1),
        heap_growth_mb_per_round: round(heapGrowth, 3),
        rss_after_gc_growth_mb_per_round: round(rssGrowth, 2),
        wrong_answers: bot.wrong,
      },
      relay: {
        rss_start_mb: round(relay.startMb, 1),
        rss_after_round_mb: mb(relay.rssMb),
        rss_after_gc_mb: mb(relay.rssAfterGcMb),
        rss_final_mb: round(last(relay.rssMb), 1),
      },
      target_max_mb: RSS_MAX_MB,
      target_max_heap_growth_mb_per_round: HEAP_GROWTH_MAX_MB_PER_ROUND,
      pass: sizePass && flatPass,
    },
    rows: [
      { item: '6 memory', figure: `RSS after ${lookups} lookups, bot (relay)`, value: `${round(finalMb, 1)} MB (${round(last(relay.rssMb), 1)} MB)`, target: `< ${RSS_MAX_MB} MB`, verdict: verdict(sizePass) },
      { item: '', figure: 'RSS after each round, bot', value: `${mb(bot.rssMb).join(', ')} MB`, target: '', verdict: '' },
      { item: '', figure: 'RSS after round + full GC, bot (relay)', value: `${mb(bot.rssAfterGcMb).join(', ')} (${mb(relay.rssAfterGcMb).join(', ')})`, target: '', verdict: '' },
      { item: '', figure: 'live heap after round + full GC', value: `${mb(bot.heapAfterGcMb).join(', ')} MB`, target: '', verdict: '' },
      { item: '', figure: 'live heap growth per round after the first', value: `${round(heapGrowth, 3)} MB`, target: `≤ ${HEAP_GROWTH_MAX_MB_PER_ROUND} MB (flat)`, verdict: verdict(flatPass) },
    ],
  };
}

async function underLoad(ctx: BenchContext, kind: 'app' | 'relay'): Promise<Readings> {
  const target: Target = await ctx.start(kind, { collectableGarbage: true });
  const readings: Readings = { startMb: 0, rssMb: [], rssAfterGcMb: [], heapAfterGcMb: [], wrong: 0 };
  try {
    readings.startMb = (await target.readRss()) / MB;
    for (let r = 0; r < ROUNDS; r++) {
      const { failed } = await closedLoopCount(CONCURRENCY, LOOKUPS_PER_ROUND, async () => {
        if (!(await lookupOnce(ctx, target)).ok) readings.wrong++;
      });
      readings.wrong += failed;
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      readings.rssMb.push((await target.readRss()) / MB);
      await target.collectGarbage();
      readings.rssAfterGcMb.push((await target.readRss()) / MB);
      readings.heapAfterGcMb.push((await target.readHeapUsed()) / MB);
    }
  } finally {
    await target.stop();
  }
  return readings;
}

function last(values: readonly number[]): number {
  return values[values.length - 1];
}
