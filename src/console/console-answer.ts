/**
 * The console's answer to one line: the same parsing, lookup and rendering
 * as the Slack command, then shown as terminal text, JSON or a builder link.
 */
import { messagesFor } from '../i18n/catalog';
import { parseCommandText } from '../ids/parse-command';
import { logDrawing, lookUpAndRender, messageSurface } from '../lookup/lookup-reply';
import { renderUsage } from '../render/plain-message';
import { renderInvalidInput } from '../render/status-message';
import type { SlackMessage } from '../render/types';
import { messageAsModal, type FullLogView } from '../render/modal-view';
import type { ModalState } from '../render/modal-state';
import type { AnswerContext } from './answer-context';
import { blockKitBuilderUrl, messageJson, viewJson } from './block-kit-json';
import { consoleLookupRequest } from './console-request';
import { watchInConsole } from './console-watch';
import { triageInConsole } from './console-triage';
import type { ConsoleCommand, OutputFormat } from './console-command';
import { displayWidth } from './display-width';
import { mrkdwnToTerminal, stripTerminalControls } from './mrkdwn-text';
import { blocksToTerminalText } from './terminal-text';
import { terminalStyle } from './terminal-style';

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
  const asked = consoleLookupRequest(request.id);
  if (command.modal || request.all) {
    // As Slack would show it: no channel behind a console, and the page and filter the flags name.
    const state: ModalState = { id: request.id, page: command.page, filter: command.filter, channelId: null };
    const modal = { ...logDrawing(ctx.lookup, { kind: 'modal', state }), other: (message: SlackMessage) => messageAsModal(message, state, ctx.lang) };
    const reply = await lookUpAndRender(ctx.lookup, asked, modal);
    return { message: { text: '', blocks: [] }, view: reply.message, publicNote: false, isHelp: false };
  }
  const reply = await lookUpAndRender(ctx.lookup, asked, messageSurface(ctx.lookup, { variant: 'full', page: command.page, sharedBy: null }));
  return { message: reply.message, view: null, publicNote: request.public && reply.ok, isHelp: false };
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
  lines.push(style.line('dim', `🔔 ${labels.pushText}${mrkdwnToTerminal(rendered.message.text, style, 'dim')}`));
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
