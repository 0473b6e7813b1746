import type { AllMiddlewareArgs, AnyMiddlewareArgs, App } from '@slack/bolt';
import type { SlackContext } from '../context';
import type { InteractionRouter } from '../interaction-routes';
import { eventIdInValue } from '../../render/actions';
import { renderStaleButton } from '../../render/status-message';
import { postToResponseUrl } from '../response-url';

type Args = AnyMiddlewareArgs & AllMiddlewareArgs;

/** An interaction no listener answers: an old message's button, a modal of an older version, a malformed `actions`. */
interface Unknown {
  kind: string;
  actionId: string | null;
  callbackId: string | null;
  /** The event the button's value names, for the hint. */
  eventId: string | null;
}

/**
 * Interactions no listener of this bot answers are acked at once, so Slack
 * shows no error and Bolt waits for no 3-second timeout; an unknown button is
 * told privately to run the command again. (The HTTP guard answers an `actions`
 * that is not a list, which Bolt cannot even route.)
 */
export function register(app: App, routes: Pick<InteractionRouter, 'answersAction' | 'takesSubmission'>, ctx: SlackContext): void {
  app.use(async (args: Args) => {
    const unknown = unknownInteraction(args.body, routes);
    if (!unknown) return args.next();
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
    const body = args.body as Record<string, unknown>;
    const user = field(body.user, 'id');
    const channel = field(body.channel, 'id') ?? field(body.container, 'channel_id');
    ctx.log.warn('interaction.unknown', { kind: unknown.kind, action_id: unknown.actionId, callback_id: unknown.callbackId, user, channel });
    const responseUrl = body.response_url;
    if (unknown.kind !== 'block_actions' || unknown.actionId === null || typeof responseUrl !== 'string') return;
    const message = renderStaleButton(ctx.config.lang, ctx.config.slashCommand, unknown.eventId);
    ctx.tasks.run(async () => {
      await postToResponseUrl(responseUrl, { response_type: 'ephemeral', replace_original: false, ...message }, ctx.log, { user, channel });
    });
  });
}

/** What is unknown about this request, or null when a listener answers it (or it is no interaction). */
function unknownInteraction(body: unknown, routes: Pick<InteractionRouter, 'answersAction' | 'takesSubmission'>): Unknown | null {
  if (typeof body !== 'object' || body === null) return null;
  const { type, actions, view } = body as Record<string, unknown>;
  if (type === 'view_submission' || type === 'view_closed') {
    // Only the triage modals are submitted (Acknowledge, Shield); no modal asks to hear of its close.
    const callbackId = field(view, 'callback_id');
    if (type === 'view_submission' && callbackId !== null && routes.takesSubmission(callbackId)) return null;
    return { kind: type, actionId: null, callbackId, eventId: null };
  }
  if (type !== 'block_actions') return null;
  const first: unknown = Array.isArray(actions) ? actions[0] : undefined;
  const actionId = field(first, 'action_id');
  if (actionId !== null && routes.answersAction(actionId)) return null;
  const value = typeof first === 'object' && first !== null ? (first as Record<string, unknown>).value : undefined;
  return { kind: 'block_actions', actionId, callbackId: null, eventId: eventIdInValue(value) };
}

/** A string field of an object from Slack's payload, or null. */
function field(from: unknown, name: string): string | null {
  if (typeof from !== 'object' || from === null) return null;
  const value = (from as Record<string, unknown>)[name];
  return typeof value === 'string' ? value.slice(0, 255) : null;
}
