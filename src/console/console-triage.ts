import type { EventLogSource } from '../eventlog/model/source';
import { messagesFor } from '../i18n/catalog';
import { createLogger } from '../log';
import { renderFetchedLog } from '../render/event-log-message';
import { renderTriageOutcome } from '../render/triage-reply';
import { MemoryStore } from '../store/memory-store';
import { createTriageService, type TriageService } from '../eventlog/triage/triage-service';
import type { TriageAsk } from '../eventlog/triage/triage-types';
import type { AnswerContext } from './answer-context';
import { CONSOLE_USER, consoleLookupRequest } from './console-request';
import type { ConsoleTriage } from './console-command';
import { blocksToTerminalText } from './terminal-text';

/** The BlueKing user the console's person acts as on the demo data. */
export const CONSOLE_BK_USER = 'demo';

/**
 * `ack <id>` / `shield <id> 3h` in the console, on the demo data only: the
 * same act as the Slack buttons (who may act, one write per alert, read
 * back), as the console's own BlueKing user, then the answer as it now reads.
 */
export function createConsoleTriage(source: EventLogSource, now: () => number): TriageService | null {
  if (!source.triage) return null;
  const none = new Set<string>();
  return createTriageService(
    { identity: { mode: 'map', userMap: new Map([[CONSOLE_USER, CONSOLE_BK_USER]]), emailDomains: none }, access: { teamIds: none, channelIds: none, userIds: none }, actions: { userIds: none } },
    {
      source: source.triage,
      store: new MemoryStore(now),
      log: createLogger({ level: 'error', secrets: [], write: () => undefined }),
      metrics: { triage: () => undefined },
      lookupEmail: async () => null,
      now,
    },
  );
}

export async function triageInConsole(ask: ConsoleTriage | null, ctx: AnswerContext): Promise<string> {
  const words = messagesFor(ctx.lang).console.triage;
  if (ask === null) return words.usage;
  if (!ctx.triage) return words.demoOnly;
  const triageAsk: TriageAsk = ask.act === 'ack' ? { act: 'ack', alertId: ask.id, note: ask.note } : { ...ask, act: 'shield', alertId: ask.id };
  const outcome = await ctx.triage.act({ ask: triageAsk, userId: CONSOLE_USER, teamId: null, channelId: null, onceKey: null });
  const view = { id: ask.id, page: 0, variant: 'full' as const };
  const told = renderTriageOutcome(outcome, view, { lang: ctx.lang, timezone: ctx.timezone, nowMs: ctx.now() });
  const lines = [words.actingAs(CONSOLE_BK_USER), '', blocksToTerminalText(told.blocks, { isTTY: ctx.isTTY })];
  const answer = await answerNow(ask.id, ctx);
  if (answer) lines.push('', words.answerNow, '', answer);
  return lines.join('\n');
}

/** The answer as it reads after the act, with the buttons acting offers. */
async function answerNow(id: string, ctx: AnswerContext): Promise<string | null> {
  const outcome = await ctx.lookup.service.lookup(consoleLookupRequest(id));
  if (outcome.kind !== 'ok') return null;
  const message = renderFetchedLog(outcome, { ...ctx, actions: true }, { variant: 'full', page: 0, sharedBy: null }, ctx.now());
  return blocksToTerminalText(message.blocks, { isTTY: ctx.isTTY });
}
