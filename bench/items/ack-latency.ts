import type { BenchContext, ItemResult } from '../bench-types';
import { verdict } from '../bench-types';
import { openLoop } from '../load-loops';
import { interleavedRounds } from '../rounds';
import { latencyFigures, round } from '../stats';
import type { Target } from '../target-process';

/**
 * Item 1: how fast a command is acknowledged at a steady 200 commands/s
 * (open loop), the real bot against a Bolt app that only acks. The bot does
 * the whole lookup after each ack, so this also shows whether that work
 * delays the acks of the commands behind it.
 */

const RATE_PER_SEC = 200;
const ROUND_MS = 2_500;
const ROUNDS = 4;
const WARM_UP_MS = 1_000;
const DRAIN_TIMEOUT_MS = 20_000;
export const ACK_P50_MAX_RATIO = 1.2;
export const ACK_P99_MAX_RATIO = 2;

interface Side {
  acks: number[];
  errors: number;
}

/** Measure item 1: `app` is the bot, `floor` the ack-only Bolt app. */
export async function measureAckLatency(ctx: BenchContext, app: Target, floor: Target): Promise<ItemResult> {
  ctx.progress(`1. ack latency: ${RATE_PER_SEC}/s open loop, ${ROUNDS} rounds of ${ROUND_MS / 1000} s per side`);
  ctx.esb.delayMs = 0;
  for (const target of [app, floor]) await steadyRound(ctx, target, WARM_UP_MS);
  const [appRounds, floorRounds] = await interleavedRounds(ROUNDS, [app, floor], (target) => steadyRound(ctx, target, ROUND_MS));
  const bot = sideFigures(appRounds);
  const base = sideFigures(floorRounds);
  const p50Ratio = bot.p50_ms / base.p50_ms;
  const p99Ratio = bot.p99_ms / base.p99_ms;
  const p50Pass = p50Ratio <= ACK_P50_MAX_RATIO;
  const p99Pass = p99Ratio <= ACK_P99_MAX_RATIO;
  return {
    key: 'ack_latency',
    figures: {
      rate_per_sec: RATE_PER_SEC,
      app: bot,
      ack_only: base,
      p50_ratio: round(p50Ratio),
      p99_ratio: round(p99Ratio),
      p50_target_max_ratio: ACK_P50_MAX_RATIO,
      p99_target_max_ratio: ACK_P99_MAX_RATIO,
      pass: p50Pass && p99Pass,
    },
    rows: [
      { item: '1 ack latency', figure: `p50 bot / ack-only (ms)`, value: `${bot.p50_ms} / ${base.p50_ms} = ${round(p50Ratio)}×`, target: `≤ ${ACK_P50_MAX_RATIO}×`, verdict: verdict(p50Pass) },
      { item: '', figure: `p99 bot / ack-only (ms)`, value: `${bot.p99_ms} / ${base.p99_ms} = ${round(p99Ratio)}×`, target: `≤ ${ACK_P99_MAX_RATIO}×`, verdict: verdict(p99Pass) },
      { item: '', figure: 'acks measured (errors)', value: `${bot.samples} (${bot.errors}) / ${base.samples} (${base.errors})`, target: '', verdict: '' },
    ],
  };
}

/** One open-loop round; for the bot, also wait until every answer is out, so its tail work never overlaps the floor's round. */
async function steadyRound(ctx: BenchContext, target: Target, durationMs: number): Promise<Side> {
  const side: Side = { acks: [], errors: 0 };
  const answersBefore = ctx.responses.received;
  await openLoop(RATE_PER_SEC, durationMs, async () => {
    try {
      const ack = await ctx.client.send(target.url, ctx.nextId(), ctx.responses.urlFor(`ack-${ctx.nextId()}`));
      if (ack.status === 200) side.acks.push(ack.ackMs);
      else side.errors++;
    } catch {
      side.errors++;
    }
  });
  if (target.kind === 'app') {
    await ctx.responses.waitForCount(answersBefore + side.acks.length, DRAIN_TIMEOUT_MS).catch(() => undefined);
  }
  return side;
}

function sideFigures(rounds: readonly Side[]): { p50_ms: number; p99_ms: number; samples: number; errors: number } {
  return { ...latencyFigures(rounds.flatMap((r) => r.acks)), errors: rounds.reduce((sum, r) => sum + r.errors, 0) };
}
