import type { BenchContext } from './bench-types';
import type { Target } from './target-process';

/** Meanwhile `/eventlog help` is sent to the same bot. */
export const HELP_EVERY_MS = 50;

/**
 * Send `/eventlog help` to `app` every HELP_EVERY_MS until `work` settles, and
 * give back how long each ack took (ms, HTTP 200 only): other commands' acks
 * while the bot is busy with `work`.
 */
export async function helpAcksWhile<T>(ctx: BenchContext, app: Target, work: Promise<T>): Promise<{ result: T; helpAcks: number[] }> {
  const helpAcks: number[] = [];
  let done = false;
  const settled = work.finally(() => {
    done = true;
  });
  const sent: Array<Promise<void>> = [];
  while (!done) {
    sent.push(
      ctx.client.send(app.url, 'help', ctx.responses.urlFor(`help-${ctx.nextId()}`)).then(
        (ack) => {
          if (ack.status === 200) helpAcks.push(ack.ackMs);
        },
        () => undefined,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, HELP_EVERY_MS));
  }
  const result = await settled;
  await Promise.all(sent);
  return { result, helpAcks };
}
