import { benchEsbBody } from '../bench-log';
import type { BenchContext, ItemResult } from '../bench-types';
import { verdict } from '../bench-types';
import { startEsbStandIn } from '../esb-stand-in';
import { HELP_EVERY_MS, helpAcksWhile } from '../help-acks';
import { lookupOnce, type LookupTiming } from '../lookup';
import { latencyFigures, round } from '../stats';
import type { AckBuckets, Target } from '../target-process';

/**
 * Item 8: acks of other commands while big logs are in flight.
 * 20 lookups of distinct ~5 MB logs (about 7,500 records, under the default
 * BK_MAX_BODY_BYTES) start at once; meanwhile `/eventlog help` is sent every
 * 50 ms from the same client, and its acks are timed until every big answer
 * is out, and the bot reports (its /metrics) the longest its event loop was
 * held and how long its acks took from arrival to answer (the client's
 * figure adds the kernel and the load generator's own turns). Each big log costs hundreds of milliseconds of parsing, checking,
 * summarizing and rendering: that work must not hold up the acks.
 */

const BIG_RECORDS = 7_500;
const CONCURRENT_BIG = 20;
const ROUNDS = 2;
export const HELP_ACK_P99_MAX_MS = 100;
/** Issue 12: no log, at any size and concurrency, holds the event loop longer than this at a time. */
const LOOP_HELD_MAX_MS = 20;
const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Measure item 8 on a bot of its own, whose ESB stand-in answers every ID with the big log. */
export async function measureBigLogs(ctx: BenchContext): Promise<ItemResult> {
  const body = benchEsbBody(BIG_RECORDS);
  const bytes = Buffer.byteLength(body);
  if (bytes > MAX_BODY_BYTES) throw new Error(`big log of ${bytes} bytes is over the default BK_MAX_BODY_BYTES`);
  ctx.progress(`8. big logs: ${CONCURRENT_BIG} lookups of ${(bytes / 1e6).toFixed(1)} MB logs at once, /eventlog help every ${HELP_EVERY_MS} ms, ${ROUNDS} rounds`);
  const esb = await startEsbStandIn(body);
  const app = await ctx.start('app', { env: { BK_API_BASE_URL: esb.url, BK_MAX_IN_FLIGHT: String(CONCURRENT_BIG) } });
  try {
    // Warm-up: the first big logs start whatever the bot starts lazily (worker threads).
    await Promise.all([lookupOnce(ctx, app), lookupOnce(ctx, app)]);
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(await round20(ctx, app));
    const help = latencyFigures(rounds.flatMap((r) => r.helpAcks));
    const helpMax = round(Math.max(...rounds.flatMap((r) => r.helpAcks)));
    const big = rounds.flatMap((r) => r.big);
    const answered = big.filter((t) => t.ok).length;
    const allAnswerMs = round(Math.max(...rounds.map((r) => r.allAnsweredMs)));
    const botAcks = {
      count: rounds.reduce((sum, r) => sum + r.botAcks.count, 0),
      within100Ms: rounds.reduce((sum, r) => sum + r.botAcks.within100Ms, 0),
      slowestAtMostMs: Math.max(...rounds.map((r) => r.botAcks.slowestAtMostMs)),
    };
    const loopHeldMaxMs = round(Math.max(...rounds.map((r) => r.loopHeldMaxMs)));
    const pass = help.p99_ms < HELP_ACK_P99_MAX_MS && answered === big.length && loopHeldMaxMs <= LOOP_HELD_MAX_MS;
    return {
      key: 'big_logs',
      figures: {
        big_log_bytes: bytes,
        big_log_records: BIG_RECORDS,
        concurrent_big_logs: CONCURRENT_BIG,
        help_ack: { ...help, max_ms: helpMax },
        big_answered: answered,
        big_lookups: big.length,
        slowest_round_all_answered_ms: allAnswerMs,
        bot_event_loop_held_max_ms: loopHeldMaxMs,
        bot_acks: botAcks.count,
        bot_acks_within_100_ms: botAcks.within100Ms,
        bot_slowest_ack_at_most_ms: botAcks.slowestAtMostMs,
        bot_event_loop_held_target_max_ms: LOOP_HELD_MAX_MS,
        help_ack_p99_target_max_ms: HELP_ACK_P99_MAX_MS,
        pass,
      },
      rows: [
        {
          item: '8 big logs',
          figure: `help ack p50 / p99 / max (ms), ${CONCURRENT_BIG} × ${(bytes / 1e6).toFixed(1)} MB in flight`,
          value: `${help.p50_ms} / ${help.p99_ms} / ${helpMax}`,
          target: `p99 < ${HELP_ACK_P99_MAX_MS} ms`,
          verdict: verdict(help.p99_ms < HELP_ACK_P99_MAX_MS),
        },
        {
          item: '',
          figure: "longest the bot's event loop was held (its /metrics)",
          value: `${loopHeldMaxMs} ms`,
          target: `≤ ${LOOP_HELD_MAX_MS} ms`,
          verdict: verdict(loopHeldMaxMs <= LOOP_HELD_MAX_MS),
        },
        {
          item: '',
          figure: "acks as the bot timed them (arrival → answer written): within 100 ms, slowest",
          value: `${botAcks.within100Ms} / ${botAcks.count}, ≤ ${botAcks.slowestAtMostMs} ms`,
          target: '',
          verdict: '',
        },
        { item: '', figure: 'big logs answered (slowest round, all out)', value: `${answered} / ${big.length} (${allAnswerMs} ms)`, target: '', verdict: '' },
      ],
    };
  } finally {
    await app.stop();
    await esb.close();
  }
}

interface Round {
  helpAcks: number[];
  /** The longest the bot's own event loop was held during the round (its /metrics), ms. */
  loopHeldMaxMs: number;
  /** The bot's own ack times this round (its /metrics): every Slack request it answered, help and big lookups alike. */
  botAcks: { count: number; within100Ms: number; slowestAtMostMs: number };
  big: LookupTiming[];
  allAnsweredMs: number;
}

/** 20 big lookups at once, and help commands every 50 ms until all 20 are answered. */
async function round20(ctx: BenchContext, app: Target): Promise<Round> {
  await app.readEventLoopLagMaxMs(); // a scrape resets the bot's maximum: from here on it is this round's
  const acksBefore = await app.readAckBuckets();
  const started = performance.now();
  const bigs = Promise.all(Array.from({ length: CONCURRENT_BIG }, () => lookupOnce(ctx, app).catch(() => ({ ackMs: NaN, answerMs: NaN, ok: false }))));
  const { result: big, helpAcks } = await helpAcksWhile(ctx, app, bigs.then((done) => ({ done, allAnsweredMs: performance.now() - started })));
  const loopHeldMaxMs = await app.readEventLoopLagMaxMs();
  return { helpAcks, big: big.done, allAnsweredMs: big.allAnsweredMs, loopHeldMaxMs, botAcks: ackTimesBetween(acksBefore, await app.readAckBuckets()) };
}

/** The acks counted between two readings of the bot's histogram: how many, how many within 100 ms, and the bound of the slowest. */
function ackTimesBetween(before: AckBuckets, after: AckBuckets): Round['botAcks'] {
  const countAt = (buckets: AckBuckets, le: number): number => buckets.find((b) => b.le === le)?.count ?? 0;
  const inRound = after.map(({ le, count }) => ({ le, count: count - countAt(before, le) }));
  const count = inRound[inRound.length - 1]?.count ?? 0;
  const slowest = inRound.find((b) => b.count === count)?.le ?? Infinity;
  return { count, within100Ms: countAt(inRound, 0.1), slowestAtMostMs: slowest * 1000 };
}
