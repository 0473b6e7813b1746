import type { Harness } from './app-harness';
import { waitFor } from './wait-for';
import { blockActions, TEAM } from './slack-payloads';

/**
 * Acting on an alert as a person in Slack would: press Acknowledge or Shield
 * (block_actions), get the modal from views.open, fill it in and submit it
 * (view_submission, as Slack sends it), and read what came back privately.
 */

export interface SlackPerson {
  id: string;
  name: string;
}

let clicks = 0;

/** Where a click's answers arrive (its own response_url path). */
export function clickUrl(h: Harness, n: number): string {
  return `${h.responses.url}/click/${n}`;
}

/**
 * Press a button (value as given: a forged one too) as `who` on a message in the channel whose blocks are
 * `blocks` (a watch's live message carries Stop watching); resolves with the click's number.
 */
export async function press(h: Harness, actionId: string, value: string, who: SlackPerson, blocks: unknown[] = []): Promise<number> {
  const n = ++clicks;
  const message = { ts: `1700000300.${String(n).padStart(6, '0')}`, text: 'Event', blocks };
  const payload = blockActions({ action_id: actionId, value, text: actionId }, { ephemeral: false, message }, clickUrl(h, n));
  const res = await h.postInteraction({ ...payload, user: { id: who.id, username: who.name, name: who.name, team_id: TEAM.id } });
  if (res.status !== 200) throw new Error(`click answered HTTP ${res.status}`);
  return n;
}

/** The modal views.open received for the `count`-th time. */
export async function openedModal(h: Harness, count: number): Promise<Record<string, unknown>> {
  const calls = await h.slack.waitForCall('views.open', count);
  return calls[count - 1]!.view as Record<string, unknown>;
}

/** Input values as Slack puts them in view.state.values: {block_id: {action_id: value}}. */
export type ModalInputs = Record<string, Record<string, unknown>>;

export function noteInput(note: string): ModalInputs {
  return { note: { note: { type: 'plain_text_input', value: note === '' ? null : note } } };
}

export function shieldInputs(minutes: number, reason: string, other = ''): ModalInputs {
  return {
    duration: { duration: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: `${minutes}` }, value: String(minutes) } } },
    reason: { reason: { type: 'radio_buttons', selected_option: { text: { type: 'plain_text', text: reason }, value: reason } } },
    other: { other: { type: 'plain_text_input', value: other === '' ? null : other } },
  };
}

let views = 0;

/** Submit `modal` as `who` with these inputs; `viewId` is Slack's id for the open view (a replay sends the same one). */
export async function submitModal(
  h: Harness,
  modal: Record<string, unknown>,
  who: SlackPerson,
  inputs: ModalInputs,
  viewId = `V0TRIAGE${++views}`,
  triggerId = `${viewId}.trigger`,
): Promise<Response> {
  const payload = {
    type: 'view_submission',
    team: TEAM,
    user: { id: who.id, username: who.name, name: who.name, team_id: TEAM.id },
    api_app_id: 'A0EVENTLOG',
    token: 'legacy-verification-token',
    trigger_id: triggerId,
    view: {
      ...modal,
      id: viewId,
      team_id: TEAM.id,
      state: { values: inputs },
      hash: `1700000600.${viewId}`,
      previous_view_id: null,
      root_view_id: viewId,
      app_id: 'A0EVENTLOG',
      bot_id: 'BBOT',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  return h.postInteraction(payload);
}

/** The bodies a click's response_url received so far. */
export function answersTo(h: Harness, n: number): Array<Record<string, unknown>> {
  return h.responses.requests.filter((r) => r.path === `/click/${n}`).map((r) => JSON.parse(r.body) as Record<string, unknown>);
}

/** Wait until a click's response_url has `count` bodies, and return them. */
export function waitForAnswers(h: Harness, n: number, count: number): Promise<Array<Record<string, unknown>>> {
  return waitFor(() => answersTo(h, n), count);
}
