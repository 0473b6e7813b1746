import type { BenchContext, ItemResult } from '../bench-types';
import { verdict } from '../bench-types';
import { closedLoop } from '../load-loops';
import { lookupOnce } from '../lookup';
import { interleavedRounds } from '../rounds';
import { round } from '../stats';
import type { Target } from '../target-process';

/**
 * Item 2: full-path throughput at saturation. 32 workers each send a
 * command and wait for its final answer at response_url before the next;
 * only commands answered with the expected message count. Bot vs relay.
 * Beside the rates, the CPU each side spent per answer (from /proc): on a
 * machine shared with other jobs the rates swing with who gets the cores,
 * the CPU per answer much less.
 */

const CONCURRENCY = 32;
const ROUND_MS = 3_000;
const ROUNDS = 3;
// Long enough for V8 to finish optimizing the hot paths: shorter, and the first round of each side runs slow.
const WARM_UP_MS = 2_500;
// Issue 23: at least 0.6× a bare Bolt relay (which does no parse or render); it was 0.85× before.
export const THROUGHPUT_MIN_RATIO = 0.6;

interface RoundResult {
  perSec: number;
  wrong: number;
  failed: number;
  /** Answers received in the round, including those that finished after its end, and the CPU the target spent on them. */
  answered: number;
  cpuMs: number;
}

/** Measure item 2: `app` is the bot, `relay` the Bolt relay. */
export async function measureThroughput(ctx: BenchContext, app: Target, relay: Target): Promise<ItemResult> {
  ctx.progress(`2. throughput: closed loop, ${CONCURRENCY} concurrent, ${ROUNDS} rounds of ${ROUND_MS / 1000} s per side`);
  ctx.esb.delayMs = 0;
  for (const target of [app, relay]) await saturatedRound(ctx, target, WARM_UP_MS);
  const [appRounds, relayRounds] = await interleavedRounds(ROUNDS, [app, relay], (target) => saturatedRound(ctx, target, ROUND_MS));
  const bot = sideFigures(appRounds);
  const base = sideFigures(relayRounds);
  const ratio = bot.per_sec / base.per_sec;
  const pass = ratio >= THROUGHPUT_MIN_RATIO;
  return {
    key: 'throughput',
    figures: { concurrency: CONCURRENCY, app: bot, relay: base, ratio: round(ratio), target_min_ratio: THROUGHPUT_MIN_RATIO, pass },
    rows: [
      { item: '2 throughput', figure: 'answered/s bot / relay', value: `${bot.per_sec} / ${base.per_sec} = ${round(ratio)}×`, target: `≥ ${THROUGHPUT_MIN_RATIO}×`, verdict: verdict(pass) },
      { item: '', figure: 'CPU per answer, bot / relay (ms)', value: `${bot.cpu_ms_per_answer} / ${base.cpu_ms_per_answer}`, target: '', verdict: '' },
      { item: '', figure: 'wrong or failed answers', value: `${bot.wrong + bot.failed} / ${base.wrong + base.failed}`, target: '', verdict: '' },
    ],
  };
}

async function saturatedRound(ctx: BenchContext, target: Target, durationMs: number): Promise<RoundResult> {
  let wrong = 0;
  let answered = 0;
  const cpuBefore = target.readCpuMs();
  const { completed, failed } = await closedLoop(CONCURRENCY, durationMs, async () => {
    const timing = await lookupOnce(ctx, target);
    answered++;
    if (!timing.ok) {
      wrong++;
      throw new Error('unexpected answer');
    }
  });
  return { perSec: completed / (durationMs / 1000), wrong, failed: failed - wrong, answered, cpuMs: target.readCpuMs() - cpuBefore };
}

function sideFigures(rounds: readonly RoundResult[]): { per_sec: number; rounds_per_sec: number[]; cpu_ms_per_answer: number; wrong: number; failed: number } {
  const rates = rounds.map((r) => r.perSec);
  const sum = (pick: (r: RoundResult) => number): number => rounds.reduce((total, r) => total + pick(r), 0);
  return {
    per_sec: round(rates.reduce((total, r) => total + r, 0) / rates.length, 1),
    rounds_per_sec: rates.map((r) => round(r, 1)),
    cpu_ms_per_answer: round(sum((r) => r.cpuMs) / sum((r) => r.answered), 3),
    wrong: sum((r) => r.wrong),
    failed: sum((r) => r.failed),
  };
}
