/**
 * Interactive payloads and events in the shapes Slack really sends them
 * (message_action, block_actions, app_mention), for driving the running app
 * through the harness's postInteraction/postEvent. Each builder takes only
 * what a test varies; the rest is filled in the way Slack fills it.
 */

export const TEAM = { id: 'T0001', domain: 'example' } as const;
export const CHANNEL = { id: 'C0INCIDENT', name: 'incident' } as const;
export const ALICE = { id: 'U0ALICE', username: 'alice', name: 'alice', team_id: TEAM.id } as const;
/** The bot's own user ID, as the fake Slack API's auth.test reports it. */
export const BOT_USER_ID = 'UBOT';

let counter = 0;
const next = (): number => ++counter;

/** A Slack message as the shortcut payload carries it. */
export interface PayloadMessage {
  type: 'message';
  user?: string;
  bot_id?: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  thread_ts?: string;
}

/** A message posted by someone (an alert bot, a person), at `ts`. */
export function chatMessage(parts: Partial<PayloadMessage> & { ts: string }): PayloadMessage {
  return { type: 'message', user: 'U0ALERTBOT', text: '', ...parts };
}

/** The "Show event log" message shortcut used on `message`; answers go to `responseUrl`. */
export function messageAction(message: PayloadMessage, responseUrl: string, callbackId = 'show_event_log'): Record<string, unknown> {
  const n = next();
  return {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: `1700000100.${String(n).padStart(6, '0')}`,
    callback_id: callbackId,
    trigger_id: `${n}.trigger`,
    response_url: responseUrl,
    team: TEAM,
    channel: CHANNEL,
    user: ALICE,
    message,
    message_ts: message.ts,
    is_enterprise_install: false,
  };
}

/** A button as Slack echoes it back in `actions[]`. */
export interface ClickedButton {
  action_id: string;
  value: string;
  text: string;
  block_id?: string;
}

/** Where the clicked button sat: an ephemeral answer, or a message in the channel (or a thread). */
export type ButtonContainer =
  | { ephemeral: true; messageTs: string; threadTs?: string }
  | { ephemeral: false; message: { ts: string; text: string; blocks: unknown[]; thread_ts?: string } };

/** A click on a Block Kit button (block_actions); answers go to `responseUrl`. */
export function blockActions(button: ClickedButton, container: ButtonContainer, responseUrl: string): Record<string, unknown> {
  const n = next();
  const messageTs = container.ephemeral ? container.messageTs : container.message.ts;
  const threadTs = container.ephemeral ? container.threadTs : container.message.thread_ts;
  const payload: Record<string, unknown> = {
    type: 'block_actions',
    user: ALICE,
    api_app_id: 'A0EVENTLOG',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: messageTs,
      channel_id: CHANNEL.id,
      is_ephemeral: container.ephemeral,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    },
    trigger_id: `${n}.trigger`,
    team: TEAM,
    enterprise: null,
    is_enterprise_install: false,
    channel: CHANNEL,
    state: { values: {} },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: button.action_id,
        block_id: button.block_id ?? `blk${n}`,
        text: { type: 'plain_text', text: button.text, emoji: true },
        value: button.value,
        action_ts: `1700000200.${String(n).padStart(6, '0')}`,
      },
    ],
  };
  // Slack sends the message itself only for messages that are not ephemeral.
  if (!container.ephemeral) payload.message = { type: 'message', user: BOT_USER_ID, bot_id: 'BBOT', ...container.message };
  return payload;
}

/** A modal as Slack echoes it back with a click inside it: what the app sent, plus Slack's id, hash and state. */
export interface OpenView {
  id: string;
  hash: string;
  view: Record<string, unknown>;
}

/** What was clicked inside a modal: a button, or a static select's new choice. */
export type ViewControl = { type: 'button'; action_id: string; text: string } | { type: 'static_select'; action_id: string; value: string; text: string };

/**
 * A click inside a modal (block_actions from a view): it carries `view` (id, hash,
 * private_metadata, the blocks) and `container: {type: 'view'}`, and no
 * channel and no response_url.
 */
export function viewBlockActions(open: OpenView, control: ViewControl): Record<string, unknown> {
  const n = next();
  const actionTs = `1700000300.${String(n).padStart(6, '0')}`;
  const action =
    control.type === 'button'
      ? { type: 'button', action_id: control.action_id, block_id: `blk${n}`, text: { type: 'plain_text', text: control.text, emoji: true }, action_ts: actionTs }
      : {
          type: 'static_select',
          action_id: control.action_id,
          block_id: 'eventlog_modal_filters',
          selected_option: { text: { type: 'plain_text', text: control.text, emoji: true }, value: control.value },
          action_ts: actionTs,
        };
  return {
    type: 'block_actions',
    user: ALICE,
    api_app_id: 'A0EVENTLOG',
    token: 'legacy-verification-token',
    container: { type: 'view', view_id: open.id },
    trigger_id: `${n}.trigger`,
    team: TEAM,
    enterprise: null,
    is_enterprise_install: false,
    view: {
      ...open.view,
      id: open.id,
      team_id: TEAM.id,
      state: { values: {} },
      hash: open.hash,
      previous_view_id: null,
      root_view_id: open.id,
      app_id: 'A0EVENTLOG',
      bot_id: 'BBOT',
    },
    actions: [action],
  };
}

/** A link_shared event: `links` pasted by `user` (ALICE) in CHANNEL, posted (conversations_history) or still in the composer. */
export function linkShared(urls: readonly string[], parts: { user?: string; source?: 'composer' | 'conversations_history'; channel?: string } = {}): Record<string, unknown> {
  const n = next();
  const source = parts.source ?? 'conversations_history';
  const composer = source === 'composer';
  const messageTs = composer ? `${parts.user ?? ALICE.id}-909b5454-75f8-4ac4-b325-${String(n).padStart(12, '0')}` : `1700000400.${String(n).padStart(6, '0')}`;
  const channel = composer ? 'COMPOSER' : (parts.channel ?? CHANNEL.id);
  return {
    type: 'link_shared',
    channel,
    is_bot_user_member: true,
    user: parts.user ?? ALICE.id,
    message_ts: messageTs,
    unfurl_id: `${channel}.${messageTs}.${n}.1b90fa1278528ce6e2f6c5c2bfa1abc9a41d57d02b29d173f40399c9ffdecf4b`,
    source,
    event_ts: messageTs,
    links: urls.map((url) => ({ domain: new URL(url).hostname, url })),
  };
}

/** An app_mention event: `text` as Slack sends it (`<@UBOT> 123`). */
export function appMention(parts: { text: string; ts: string; thread_ts?: string; user?: string; bot_id?: string }): Record<string, unknown> {
  return {
    type: 'app_mention',
    user: parts.user ?? ALICE.id,
    text: parts.text,
    ts: parts.ts,
    channel: CHANNEL.id,
    event_ts: parts.ts,
    team: TEAM.id,
    ...(parts.thread_ts ? { thread_ts: parts.thread_ts } : {}),
    ...(parts.bot_id ? { bot_id: parts.bot_id } : {}),
  };
}

/** A /eventlog slash-command payload as Slack sends it (form fields over HTTP, `payload` in Socket Mode). */
export function slashCommand(text: string, responseUrl: string, fields: Record<string, string> = {}): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: CHANNEL.id,
    channel_name: CHANNEL.name,
    user_id: ALICE.id,
    user_name: ALICE.username,
    command: '/eventlog',
    text,
    api_app_id: 'A0EVENTLOG',
    response_url: responseUrl,
    trigger_id: 'trigger',
    ...fields,
  };
}

/** The Events API envelope Slack POSTs around `event`; a redelivery keeps its `event_id`. */
export function eventCallback(event: object, eventId = `Ev${Date.now()}${Math.random().toString(36).slice(2, 8)}`): Record<string, unknown> {
  return {
    token: 'legacy',
    team_id: TEAM.id,
    api_app_id: 'A0EVENTLOG',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
  };
}
