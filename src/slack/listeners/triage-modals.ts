import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { isShieldMinutes, isShieldReason } from '../../eventlog/triage/shield-choices';
import type { TriageAsk } from '../../eventlog/triage/triage-types';
import type { SlackContext } from '../context';
import { decodeTriageState, TRIAGE_CALLBACK_IDS, TRIAGE_INPUTS } from '../../render/triage-state';
import { runTriageAct } from '../triage-act';
import type { InteractionRoutes } from '../interaction-routes';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type InputValues = ViewSubmitAction['view']['state']['values'];

/**
 * The Acknowledge and Shield modals' submissions. The modal closes at once;
 * the act runs after, as the person who submitted, on the alert the modal
 * names (judged afresh), and its view.id makes a Slack retry or a replayed
 * submission write nothing new.
 */
export function register(routes: InteractionRoutes, ctx: SlackContext): void {
  routes.submission(TRIAGE_CALLBACK_IDS.ack, (args: SubmitArgs) => submit(args, ctx, 'ack'));
  routes.submission(TRIAGE_CALLBACK_IDS.shield, (args: SubmitArgs) => submit(args, ctx, 'shield'));
}

async function submit({ ack, body, view, client }: SubmitArgs, ctx: SlackContext, which: 'ack' | 'shield'): Promise<void> {
  await ack();
  const userId = body.user.id;
  const state = decodeTriageState(view.private_metadata);
  const ask = state ? askOf(which, state.view.id, view.state.values) : null;
  if (!state || !ask) {
    ctx.log.warn('modal.stale_state', { user: userId, control: `triage_${which}` });
    return;
  }
  const actor = { userId, teamId: body.team?.id ?? body.user.team_id ?? null };
  ctx.tasks.run(async () => {
    await runTriageAct(ctx, client, ask, state, actor, `view/${view.id}`);
  });
}

/** The act the inputs ask for; null when a value is not one the modal offered (it came back through Slack). */
function askOf(which: 'ack' | 'shield', alertId: string, values: InputValues): TriageAsk | null {
  const input = (block: string) => values[block]?.[block];
  if (which === 'ack') return { act: 'ack', alertId, note: (input(TRIAGE_INPUTS.note)?.value ?? '').trim() };
  const minutes = Number(input(TRIAGE_INPUTS.duration)?.selected_option?.value ?? NaN);
  const reason = input(TRIAGE_INPUTS.reason)?.selected_option?.value ?? '';
  if (!isShieldMinutes(minutes) || !isShieldReason(reason)) return null;
  return { act: 'shield', alertId, minutes, reason, otherText: (input(TRIAGE_INPUTS.other)?.value ?? '').trim() };
}
