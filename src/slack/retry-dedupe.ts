import type { SlackContext } from './context';

/**
 * Slack delivers some things more than once: an event again when it doubts
 * the first delivery (X-Slack-Retry-Num, up to 3 times over about 5 minutes),
 * Socket Mode an envelope that was not acked in time; with several replicas
 * the second delivery can land on another one. Each is answered once: the
 * first to claim its key in the store answers, the others stop.
 */

/** How long a request is remembered: longer than Slack's retries go on. */
export const RETRY_MEMORY_MS = 10 * 60_000;

export type RetryKind = 'mention' | 'unfurl' | 'command' | 'shortcut' | 'button';

/** Events, which Slack retries over HTTP too: each is one message, answered once however it arrives. */
const EVENT_KINDS: ReadonlySet<RetryKind> = new Set(['mention', 'unfurl']);

/** What the check uses of the app's context. */
export type RetryDedupeContext = Pick<SlackContext, 'log'> & {
  store: Pick<SlackContext['store'], 'seen'>;
  metrics: Pick<SlackContext['metrics'], 'duplicateDelivery'>;
  config: { slack: Pick<SlackContext['config']['slack'], 'kind'> };
};

/**
 * True for a delivery already claimed (logged and counted); false for the first, which should be answered.
 * A mention or a shared link is one message, answered once however it arrives. A command, shortcut or click is a repeat only
 * when Slack marks it as a redelivery (retry_num ≥ 1): two clicks of one button are two requests.
 */
export async function isSlackRetry(ctx: RetryDedupeContext, kind: RetryKind, key: string, retryNum?: number): Promise<boolean> {
  // Over HTTP, Slack never sends a slash command, shortcut or click again (only events, like a mention, are
  // retried): nothing to remember. Socket Mode sends any envelope again when its ack came late.
  if (!EVENT_KINDS.has(kind) && ctx.config.slack.kind !== 'socket') return false;
  const marking = ctx.store.seen(`delivery:${kind}:${key}`, RETRY_MEMORY_MS);
  if (!EVENT_KINDS.has(kind) && !((retryNum ?? 0) > 0)) {
    // A first delivery is answered whatever the store says: it is marked for a redelivery to find, and the
    // answer does not wait for the mark (with Redis, one round trip less before BlueKing is asked).
    marking.catch((err: unknown) => ctx.log.warn('delivery.mark_failed', { kind, key, error: err instanceof Error ? err.message : String(err) }));
    return false;
  }
  const repeat = await marking;
  if (repeat) {
    ctx.metrics.duplicateDelivery(kind);
    ctx.log.info(`${kind}.duplicate`, { key, retry_num: retryNum ?? null });
  }
  return repeat;
}

/** The key of a button click or message shortcut: the message, the action and its time (all the same in a redelivery). */
export function actionKey(channel: string | null | undefined, messageTs: string | null | undefined, actionId: string, actionTs: string): string {
  return `${channel ?? '-'}/${messageTs ?? '-'}/${actionId}/${actionTs}`;
}
