import type { LookupError } from '../eventlog/lookup-error';
import { fetchLogWithDeliveries } from '../eventlog/fetch-with-deliveries';
import { messagesFor } from '../i18n/catalog';
import { createLogger } from '../log';
import { renderFetchedLog } from '../slack/render/event-log-message';
import { renderTriageOutcome } from '../slack/render/triage-reply';
import { MemoryStore } from '../store/memory-store';
import { createTriageService, type TriageService } from '../triage/triage-service';
import type { TriageAsk } from '../triage/triage-types';
import type { AnswerContext } from './console-answer';
import type { ConsoleTriage } from './console-command';
import { isDemoSource } from './demo-data';
import { blocksToTerminalText } from './terminal-text';

/** The console's person, as a Slack user ID would name them, and the BlueKing user they act as on the demo data. */
const CONSOLE_USER = 'U0CONSOLE';
export const CONSOLE_BK_USER = 'demo';

/**
 * `ack <id>` / `shield <id> 3h` in the console, on the demo data only: the
 * same act as the Slack buttons (who may act, one write per alert, read
 * back), as the console's own BlueKing user, then the answer as it now reads.
 */
export function createConsoleTriage(ctx: Pick<AnswerContext, 'source' | 'now'>): TriageService | null {
  if (!isDemoSource(ctx.source) || !ctx.source.triage) return null;
  const none = new Set<string>();
  return createTriageService(
    { identity: { mode: 'map', userMap: new Map([[CONSOLE_USER, CONSOLE_BK_USER]]), emailDomains: none }, access: { teamIds: none, channelIds: none, userIds: none }, actions: { userIds: none } },
    {
      source: ctx.source.triage,
      store: new MemoryStore(ctx.now),
      log: createLogger({ level: 'error', secrets: [], write: () => undefined }),
      metrics: { triage: () => undefined },
      lookupEmail: async () => null,
      now: ctx.now,
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
  const told = renderTriageOutcome(outcome, view, ctx);
  const lines = [words.actingAs(CONSOLE_BK_USER), '', blocksToTerminalText(told.blocks, { isTTY: ctx.isTTY })];
  const answer = await answerNow(ask.id, ctx);
  if (answer) lines.push('', words.answerNow, '', answer);
  return lines.join('\n');
}

/** The answer as it reads after the act, with the buttons acting offers. */
async function answerNow(id: string, ctx: AnswerContext): Promise<string | null> {
  try {
    const fetched = await fetchLogWithDeliveries(ctx.source, id, ctx.identity, ctx);
    const message = renderFetchedLog(fetched, { ...ctx, actions: true }, { variant: 'full', page: 0, sharedBy: null }, ctx.now());
    return blocksToTerminalText(message.blocks, { isTTY: ctx.isTTY });
  } catch (err) {
    if ((err as LookupError).kind !== undefined) return null;
    throw err;
  }
}
