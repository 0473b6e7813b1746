import type { SocketModeReceiverOptions } from '@slack/bolt';
import type { Logger } from '../log';

type ProcessEventErrorHandler = NonNullable<SocketModeReceiverOptions['processEventErrorHandler']>;

/** Payload types of interactions: each a person's click or submission, answered once and never worth Slack sending again. */
const INTERACTIONS: ReadonlySet<string> = new Set(['block_actions', 'view_submission', 'view_closed', 'message_action', 'shortcut', 'block_suggestion']);

/**
 * What Socket Mode does with an envelope Bolt could not even route (an
 * interaction whose `actions` is not a list, say): Bolt throws before any
 * listener runs, so nothing acks it and Slack shows the person an error after
 * 3 s and sends it again. Over HTTP the request guard answers these; here an
 * interaction is acked and logged once (`interaction.unknown`, as over HTTP).
 * Anything else keeps Bolt's own behaviour: logged, not acked.
 */
export function socketEventErrors(log: Logger): ProcessEventErrorHandler {
  return async ({ error, event }) => {
    const body: unknown = event.body;
    const type = typeof body === 'object' && body !== null && typeof (body as { type?: unknown }).type === 'string' ? (body as { type: string }).type : null;
    const reason = error instanceof Error ? error.name : 'unknown';
    if (type !== null && INTERACTIONS.has(type)) {
      log.warn('interaction.unknown', { kind: type, reason: 'not_routable', error: reason, transport: 'socket' });
      return true;
    }
    log.error('socket.event_failed', { kind: type, error: reason });
    return false;
  };
}
