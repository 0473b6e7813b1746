/**
 * The console's answer to one line: the same parsing, lookup and rendering
 * as the Slack command, then shown as terminal text, JSON or a builder link.
 */
import { LookupError } from '../eventlog/lookup-error';
import type { Lang } from '../config';
import { fetchLogWithDeliveries, type AlertContextSetting, type FetchedLog, type NoticeResultsSetting } from '../eventlog/fetch-with-deliveries';
import type { BkIdentity, EventLogSource } from '../eventlog/source';
import { messagesFor } from '../i18n/catalog';
import { parseCommandText } from '../slack/ids/parse-command';
import { renderLookupError } from '../slack/render/error-message';
import { renderUsage } from '../slack/render/plain-message';
import { renderFetchedLog } from '../slack/render/event-log-message';
import { renderInvalidInput } from '../slack/render/status-message';
import type { SlackMessage } from '../slack/render/types';
import { messageAsModal, renderFetchedLogModal, type FullLogView } from '../slack/render/modal-view';
import type { ModalState } from '../slack/render/modal-state';
import { blockKitBuilderUrl, messageJson, viewJson } from './block-kit-json';
import { watchInConsole } from './console-watch';
import { triageInConsole } from './console-triage';
import type { TriageService } from '../triage/triage-service';
import type { ConsoleCommand, OutputFormat } from './console-command';
import type { DemoEvent } from './demo-data';
import { displayWidth } from './display-width';
import { mrkdwnToTerminal, stripTerminalControls } from './mrkdwn-text';
import { blocksToTerminalText } from './terminal-text';
import { terminalStyle } from './terminal-style';

/** Everything an answer depends on besides the line itself. */
export interface AnswerContext {
  source: EventLogSource;
  sourceLabel: string;
  identity: BkIdentity;
  /** BK_NOTICE_RESULTS: whether new-generation alerts also get per-receiver results. */
  noticeResults: NoticeResultsSetting;
  /** BK_ALERT_CONTEXT: whether new-generation alerts also get the alert itself (search_alert). */
  alertContext: AlertContextSetting;
  lang: Lang;
  timezone: string;
  monitorUrl: string | null;
  now: () => number;
  isTTY: boolean;
  /** Demo events to list in help; empty when a real BlueKing answers. */
  demoEvents: readonly DemoEvent[];
  /** Where `watch <id>` prints each Slack call as it happens; without it they come back with the answer. */
  print?: (text: string) => void;
  /** Real pause between a watch's polls, so a person can follow them (0 in tests). */
  watchPauseMs?: number;
  /** `ack` / `shield` on the demo alerts; absent when a real BlueKing answers (the console never acts on it). */
  triage?: TriageService | null;
}

/** What the message was, as far as the console's extra notes care. */
interface Rendered {
  message: SlackMessage;
  /** The Full log modal, when it was asked for (`--all`, `--modal`, `--filter=…`); shown instead of the message. */
  view: FullLogView | null;
  /** The lookup succeeded and asked for `public`: say where Slack would have put it. */
  publicNote: boolean;
  /** The console's help, shown in place of Slack's usage message in text form. */
  isHelp: boolean;
}

/**
 * The text to print for one console command (without the trailing newline),
 * or null for nothing. Errors from the source become the bot's error message;
 * any other error propagates to the caller.
 */
export async function answerCommand(command: ConsoleCommand, ctx: AnswerContext): Promise<string | null> {
  const labels = messagesFor(ctx.lang).console;
  switch (command.kind) {
    case 'empty':
    case 'quit':
      return null;
    case 'help':
      return consoleHelp(ctx);
    case 'unknown_command':
      return labels.unknownCommand(stripTerminalControls(command.name));
    case 'triage':
      return triageInConsole(command.ask, ctx);
    case 'eventlog': {
      const request = parseCommandText(command.text);
      if (request.kind === 'lookup' && request.watch) return watchAndTell(request.id, ctx);
      const rendered = await renderEventlogText(command, ctx);
      return formatAnswer(rendered, command.format, ctx);
    }
  }
}

/** `watch <id>`: printed as it goes when the console can, else returned whole. */
async function watchAndTell(id: string, ctx: AnswerContext): Promise<string> {
  const collected: string[] = [];
  const print = ctx.print ?? ((text: string) => void collected.push(text));
  const summary = await watchInConsole(id, ctx, print, ctx.watchPauseMs ?? 0);
  return [...collected, summary].join('\n');
}

/** The welcome printed once at start: what to type, then the help. */
export function welcomeText(ctx: AnswerContext): string {
  return [messagesFor(ctx.lang).console.welcome, '', consoleCommandsAndDemos(ctx)].join('\n');
}

async function renderEventlogText(command: Extract<ConsoleCommand, { kind: 'eventlog' }>, ctx: AnswerContext): Promise<Rendered> {
  const request = parseCommandText(command.text);
  if (request.kind === 'help') return { message: renderUsage(ctx.lang), view: null, publicNote: false, isHelp: true };
  if (request.kind === 'invalid') {
    return { message: renderInvalidInput(request.reason, request.excerpt, ctx.lang), view: null, publicNote: false, isHelp: false };
  }
  const fetched = await lookUp(request.id, ctx);
  if (command.modal || request.all) {
    // As Slack would show it: no channel behind a console, and the page and filter the flags name.
    const state: ModalState = { id: request.id, page: command.page, filter: command.filter, channelId: null };
    const view = fetched.ok ? renderFetchedLogModal(fetched, ctx, state, ctx.now()) : messageAsModal(fetched.message, state, ctx.lang);
    return { message: fetched.ok ? { text: '', blocks: [] } : fetched.message, view, publicNote: false, isHelp: false };
  }
  const message = fetched.ok ? renderFetchedLog(fetched, ctx, { variant: 'full', page: command.page, sharedBy: null }, ctx.now()) : fetched.message;
  return { message, view: null, publicNote: request.public && fetched.ok, isHelp: false };
}

/** The log with its per-receiver results and alert (as a lookup fetches them), or BlueKing's error as the bot words it. */
async function lookUp(id: string, ctx: AnswerContext): Promise<({ ok: true } & FetchedLog) | { ok: false; message: SlackMessage }> {
  try {
    return { ok: true, ...(await fetchLogWithDeliveries(ctx.source, id, ctx.identity, ctx)) };
  } catch (err) {
    if (err instanceof LookupError) return { ok: false, message: renderLookupError(id, err, { lang: ctx.lang }) };
    throw err;
  }
}

function formatAnswer(rendered: Rendered, format: OutputFormat, ctx: AnswerContext): string {
  const labels = messagesFor(ctx.lang).console;
  if (rendered.view) return formatModal(rendered.view, format, ctx);
  if (format === 'json') return messageJson(rendered.message);
  if (format === 'builder') return `${labels.builderNote}\n${blockKitBuilderUrl(rendered.message)}`;
  if (rendered.isHelp) return consoleHelp(ctx);
  const style = terminalStyle(ctx.isTTY);
  const lines = [blocksToTerminalText(rendered.message.blocks, { isTTY: ctx.isTTY }), ''];
  // The top-level text is what a phone's push notification shows; worth seeing next to the blocks.
  lines.push(style.line('dim', `🔔 ${labels.pushText} ${mrkdwnToTerminal(rendered.message.text, style, 'dim')}`));
  if (rendered.publicNote) lines.push(style.line('dim', `📣 ${labels.publicNote}`));
  return lines.join('\n');
}

/** The Full log modal: its exact view JSON (paste into Block Kit Builder), a builder link, or as terminal text under its title. */
function formatModal(view: FullLogView, format: OutputFormat, ctx: AnswerContext): string {
  if (format === 'json') return viewJson(view);
  if (format === 'builder') return `${messagesFor(ctx.lang).console.builderNote}\n${blockKitBuilderUrl(view)}`;
  const style = terminalStyle(ctx.isTTY);
  return [style.line('dim', `▣ ${view.title.text}`), blocksToTerminalText(view.blocks, { isTTY: ctx.isTTY })].join('\n');
}

/** Slack's own usage message, then the console's commands and the demo events. */
function consoleHelp(ctx: AnswerContext): string {
  const usage = blocksToTerminalText(renderUsage(ctx.lang).blocks, { isTTY: ctx.isTTY });
  return [usage, '', messagesFor(ctx.lang).console.source(ctx.sourceLabel), '', consoleCommandsAndDemos(ctx)].join('\n');
}

function consoleCommandsAndDemos(ctx: AnswerContext): string {
  const labels = messagesFor(ctx.lang).console;
  const lines = [labels.commandsTitle, ...aligned(labels.commands)];
  if (ctx.demoEvents.length > 0) {
    lines.push('', labels.demoTitle, ...aligned(ctx.demoEvents.map((e) => [`/eventlog ${e.id}`, labels.demos[e.name]] as const)));
  }
  return lines.join('\n');
}

/** Two columns, the second starting at the same place on every line. */
function aligned(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => displayWidth(left)));
  return rows.map(([left, right]) => `  ${left}${' '.repeat(width - displayWidth(left))}   ${right}`);
}
