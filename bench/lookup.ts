import { performance } from 'node:perf_hooks';
import { BENCH_REQUEST_ID } from './bench-log';
import { RELAY_ANSWER_TEXT, type BenchContext } from './bench-types';
import type { Target } from './target-process';

/** One command's journey, timed by the load generator. */
export interface LookupTiming {
  /** From sending the command to its ack. */
  ackMs: number;
  /** From sending the command to the final response_url POST arriving. */
  answerMs: number;
  /** The answer is what it should be: the rendered log (bot) or the fixed text (relay). */
  ok: boolean;
}

const ANSWER_TIMEOUT_MS = 30_000;
const RELAY_TEXT = `"text":${JSON.stringify(RELAY_ANSWER_TEXT)}`;

/** `/eventlog <id>` to `target`, then wait for its answer at the response_url stand-in. */
export async function lookupOnce(ctx: BenchContext, target: Target, id = ctx.nextId()): Promise<LookupTiming> {
  const key = `${target.kind}-${ctx.nextId()}`;
  const answer = ctx.responses.expect(key, ANSWER_TIMEOUT_MS);
  // If the command itself fails, nobody awaits the answer: keep its timeout from surfacing as an unhandled rejection.
  answer.catch(() => undefined);
  const started = performance.now();
  const ack = await ctx.client.send(target.url, id, ctx.responses.urlFor(key));
  if (ack.status !== 200) throw new Error(`${target.kind} acked with HTTP ${ack.status}`);
  const { atMs, body } = await answer;
  return { ackMs: ack.ackMs, answerMs: atMs - started, ok: isExpectedAnswer(body) };
}

/**
 * The bot's rendered log (a header, the ESB's request_id in the footer, a
 * divider before the timeline) or the relay's fixed text: anything else (a
 * refusal, an error message) means the figure would not be measuring a lookup.
 */
export function isExpectedAnswer(body: string): boolean {
  if (body.includes(RELAY_TEXT)) return true;
  return body.includes('"type":"header"') && body.includes(BENCH_REQUEST_ID) && body.includes('"type":"divider"');
}
