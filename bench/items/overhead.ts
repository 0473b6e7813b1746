import type { BenchContext, ItemResult } from '../bench-types';
import { verdict } from '../bench-types';
import { closedLoop } from '../load-loops';
import { lookupOnce } from '../lookup';
import { interleavedRounds } from '../rounds';
import { latencyFigures, round } from '../stats';
import type { Target } from '../target-process';

/**
 * Item 3: what the bot adds to BlueKing's own latency. The ESB stand-in
 * answers after a fixed 100 ms; the figure is the time from the command's
 * POST to the final response_url POST, minus those 100 ms, for the 50-record
 * log at 10 concurrent. Bot vs relay.
 */

export const ESB_DELAY_MS = 100;
const CONCURRENCY = 10;
const ROUND_MS = 3_000;
const ROUNDS = 3;
const WARM_UP_MS = 600;
export const OVERHEAD_P50_MAX_EXTRA_MS = 2;

export interface RoundResult {
  overheads: number[];
  wrong: number;
}

/** Measure item 3: `app` is the bot, `relay` the Bolt relay. */
export async function measureOverhead(ctx: BenchContext, app: Target, relay: Target): Promise<ItemResult> {
  ctx.progress(`3. overhead beyond BlueKing: ESB answers after ${ESB_DELAY_MS} ms, ${CONCURRENCY} concurrent, ${ROUNDS} rounds of ${ROUND_MS / 1000} s per side`);
  ctx.esb.delayMs = ESB_DELAY_MS;
  try {
    for (const target of [app, relay]) await timedRound(ctx, target, WARM_UP_MS);
    const [appRounds, relayRounds] = await interleavedRounds(ROUNDS, [app, relay], (target) => timedRound(ctx, target, ROUND_MS));
    const bot = sideFigures(appRounds);
    const base = sideFigures(relayRounds);
    const extra = bot.p50_ms - base.p50_ms;
    const pass = extra <= OVERHEAD_P50_MAX_EXTRA_MS;
    return {
      key: 'overhead',
      figures: { esb_delay_ms: ESB_DELAY_MS, concurrency: CONCURRENCY, records: 50, app: bot, relay: base, p50_extra_ms: round(extra, 3), target_max_extra_ms: OVERHEAD_P50_MAX_EXTRA_MS, pass },
      rows: [
        { item: '3 overhead', figure: 'p50 beyond ESB, bot / relay (ms)', value: `${bot.p50_ms} / ${base.p50_ms} (+${round(extra, 2)})`, target: `≤ relay + ${OVERHEAD_P50_MAX_EXTRA_MS} ms`, verdict: verdict(pass) },
        { item: '', figure: 'p99 beyond ESB, bot / relay (ms)', value: `${bot.p99_ms} / ${base.p99_ms}`, target: '', verdict: '' },
      ],
    };
  } finally {
    ctx.esb.delayMs = 0;
  }
}

/** One closed-loop round against `target`: each lookup's time beyond the ESB's fixed delay (item 3's load unless `load` says otherwise). */
export async function timedRound(ctx: BenchContext, target: Target, durationMs: number, load = { concurrency: CONCURRENCY, esbDelayMs: ESB_DELAY_MS }): Promise<RoundResult> {
  const result: RoundResult = { overheads: [], wrong: 0 };
  await closedLoop(load.concurrency, durationMs, async () => {
    const timing = await lookupOnce(ctx, target);
    if (timing.ok) result.overheads.push(timing.answerMs - load.esbDelayMs);
    else result.wrong++;
  });
  return result;
}

/** p50/p99 over every round of one side, and how many answers were wrong. */
export function sideFigures(rounds: readonly RoundResult[]): { p50_ms: number; p99_ms: number; samples: number; wrong: number } {
  return { ...latencyFigures(rounds.flatMap((r) => r.overheads)), wrong: rounds.reduce((sum, r) => sum + r.wrong, 0) };
}
