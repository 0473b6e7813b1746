import { checkMessageLimits, checkModalLimits, checkUnfurlLimits } from './check-limits';
import type { SlackMessage } from '../../src/render/types';
import type { Harness } from './app-harness';
import { blockActions, type ButtonContainer } from './slack-payloads';

/**
 * Everything the app sent towards Slack in a test, however it went: Web API
 * posts (chat.postMessage, chat.postEphemeral, chat.update) and response_url
 * POSTs. Used to check every message against Slack's limits, and to find the
 * buttons a user would click next.
 */

export interface SentMessage {
  /** 'chat.postMessage', 'chat.postEphemeral', 'chat.update' or 'response_url'. */
  via: string;
  body: Record<string, unknown>;
}

const POSTING_METHODS = ['chat.postMessage', 'chat.postEphemeral', 'chat.update'] as const;

/** Every message (anything with text or blocks) the app sent so far; `delete_original`-only bodies are left out. */
export function sentMessages(h: Harness): SentMessage[] {
  const viaApi = POSTING_METHODS.flatMap((method) => h.slack.calls(method).map((body) => ({ via: method, body })));
  const viaResponseUrl = h.responseBodies().map((body) => ({ via: 'response_url', body }));
  return [...viaApi, ...viaResponseUrl].filter(({ body }) => 'text' in body || 'blocks' in body);
}

export interface ButtonElement {
  type: 'button';
  action_id: string;
  value?: string;
  url?: string;
  text: { text: string };
}

/** The buttons of a message's actions blocks, in order. */
export function buttonsOf(message: Record<string, unknown>): ButtonElement[] {
  const blocks = Array.isArray(message.blocks) ? (message.blocks as Array<Record<string, unknown>>) : [];
  return blocks
    .filter((b) => b.type === 'actions' && Array.isArray(b.elements))
    .flatMap((b) => b.elements as ButtonElement[])
    .filter((e) => e.type === 'button');
}

/** The button with `actionId`, or undefined. */
export function buttonOf(message: Record<string, unknown>, actionId: string): ButtonElement | undefined {
  return buttonsOf(message).find((b) => b.action_id === actionId);
}

/** The button with `actionId`; fails the test with the buttons there are when it is missing. */
export function requireButton(message: Record<string, unknown>, actionId: string): ButtonElement & { value: string } {
  const button = buttonOf(message, actionId);
  if (!button || typeof button.value !== 'string') {
    throw new Error(`no ${actionId} button with a value; buttons: ${buttonsOf(message).map((b) => b.action_id).join(', ') || 'none'}`);
  }
  return { ...button, value: button.value };
}

/** Click `actionId` on `message` as Slack sends the click (block_actions), its response_url at `responsePath` on the recording server. */
export function clickButton(h: Harness, message: Record<string, unknown>, actionId: string, container: ButtonContainer, responsePath: string): Promise<Response> {
  const button = requireButton(message, actionId);
  return h.postInteraction(blockActions({ action_id: actionId, value: button.value, text: button.text.text }, container, `${h.responses.url}${responsePath}`));
}

/**
 * Every limit problem of every message sent so far, each prefixed with how it
 * was sent; [] when Slack would take them all.
 */
export function sentLimitProblems(h: Harness): string[] {
  const messages = sentMessages(h).flatMap(({ via, body }, i) =>
    // The body came back as JSON: checkMessageLimits reads it as plain data, whatever its block types.
    checkMessageLimits(body as unknown as SlackMessage).map((problem) => `message ${i} (${via}): ${problem}`),
  );
  const views = sentViews(h).flatMap(({ via, view }, i) => checkModalLimits(view).map((problem) => `view ${i} (${via}): ${problem}`));
  const unfurls = h.slack.calls('chat.unfurl').flatMap((args, i) =>
    Object.entries(isRecord(args.unfurls) ? args.unfurls : {}).flatMap(([url, unfurl]) =>
      checkUnfurlLimits(unfurl).map((problem) => `unfurl ${i} (${url}): ${problem}`),
    ),
  );
  return [...messages, ...views, ...unfurls];
}

/** Every modal view the app sent with views.open / views.update, in order of the calls per method. */
export function sentViews(h: Harness): Array<{ via: string; view: Record<string, unknown> }> {
  return ['views.open', 'views.update'].flatMap((method) =>
    h.slack.calls(method).map((args) => ({ via: method, view: isRecord(args.view) ? args.view : {} })),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
