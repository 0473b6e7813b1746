import type { BenchContext, ItemResult } from '../bench-types';
import { verdict } from '../bench-types';
import { lookupOnce, type LookupTiming } from '../lookup';
import type { Target } from '../target-process';

/**
 * Item 5: 200 simultaneous lookups of one ID must reach BlueKing once
 * (coalescing, cache off); 200 of different IDs with BK_MAX_IN_FLIGHT=8 must
 * never have more than 8 calls open at the ESB stand-in (counted there).
 */

const LOOKUPS = 200;
export const IN_FLIGHT_CAP = 8;
/** Long enough that every one of the 200 commands arrives while the first call is still open. */
const COALESCE_ESB_DELAY_MS = 500;
/** Short, so the capped run keeps a queue waiting behind the 8 slots without taking long. */
const CAPPED_ESB_DELAY_MS = 20;

/** Measure item 5: coalescing on the bot `app`; the cap on a second bot started with BK_MAX_IN_FLIGHT=8. */
export async function measureCoalescing(ctx: BenchContext, app: Target): Promise<ItemResult> {
  ctx.progress(`5. coalescing and caps: ${LOOKUPS} simultaneous lookups of one ID, then of ${LOOKUPS} IDs with a cap of ${IN_FLIGHT_CAP}`);
  const sameId = ctx.nextId();
  ctx.esb.resetCounters();
  ctx.esb.delayMs = COALESCE_ESB_DELAY_MS;
  const coalesced = await allAtOnce(() => lookupOnce(ctx, app, sameId));
  const upstreamCalls = ctx.esb.callsFor(sameId);

  const capped = await ctx.start('app', { env: { BK_MAX_IN_FLIGHT: String(IN_FLIGHT_CAP) } });
  let spread: Outcome;
  let maxConcurrent: number;
  let spreadCalls: number;
  try {
    ctx.esb.delayMs = 0;
    await lookupOnce(ctx, capped);
    ctx.esb.resetCounters();
    ctx.esb.delayMs = CAPPED_ESB_DELAY_MS;
    spread = await allAtOnce(() => lookupOnce(ctx, capped));
    maxConcurrent = ctx.esb.maxConcurrent;
    spreadCalls = ctx.esb.calls;
  } finally {
    ctx.esb.delayMs = 0;
    await capped.stop();
  }

  const coalescePass = upstreamCalls === 1 && coalesced.answered === LOOKUPS;
  const capPass = maxConcurrent <= IN_FLIGHT_CAP && spread.answered === LOOKUPS;
  return {
    key: 'coalescing',
    figures: {
      same_id: { lookups: LOOKUPS, answered: coalesced.answered, upstream_calls: upstreamCalls, pass: coalescePass },
      different_ids: { lookups: LOOKUPS, answered: spread.answered, upstream_calls: spreadCalls, max_in_flight: maxConcurrent, cap: IN_FLIGHT_CAP, pass: capPass },
      pass: coalescePass && capPass,
    },
    rows: [
      { item: '5 coalescing', figure: `${LOOKUPS} lookups of one ID: ESB calls (answered)`, value: `${upstreamCalls} (${coalesced.answered})`, target: `1 (${LOOKUPS})`, verdict: verdict(coalescePass) },
      { item: '  and caps', figure: `${LOOKUPS} IDs, cap ${IN_FLIGHT_CAP}: most open at ESB (answered)`, value: `${maxConcurrent} (${spread.answered})`, target: `≤ ${IN_FLIGHT_CAP} (${LOOKUPS})`, verdict: verdict(capPass) },
    ],
  };
}

interface Outcome {
  /** Lookups answered with the rendered log. */
  answered: number;
}

/** Start LOOKUPS lookups without waiting for any, then wait for all. */
async function allAtOnce(lookup: () => Promise<LookupTiming>): Promise<Outcome> {
  const settled = await Promise.allSettled(Array.from({ length: LOOKUPS }, lookup));
  return { answered: settled.filter((s) => s.status === 'fulfilled' && s.value.ok).length };
}
