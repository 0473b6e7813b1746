import type { types } from '@slack/bolt';
import type { AlertContext } from '../eventlog/model/alert-context';
import { isEventId } from '../eventlog/model/event-id';
import type { Acknowledgement } from '../eventlog/summary/summarize-types';
import { messagesFor } from '../i18n/catalog';
import { encodeButtonValue, type ButtonValue } from './actions';
import { contextBlock } from './blocks';
import { dateToken } from './date-token';
import { RENDER_BUDGET } from './limits';
import { clipInline } from './mrkdwn';
import { TRIAGE_ACTION_IDS } from './triage-state';
import type { RenderOptions } from './types';

/** block_id of the Acknowledge / Shield buttons. */
export const TRIAGE_BLOCK_ID = 'eventlog_triage';

/**
 * Acknowledge and Shield under the answer of an alert BlueKing reports open,
 * not acked and not shielded; once it is acked or shielded, who did it and
 * when instead. Nothing for a recovered or closed alert (the header says so).
 * The buttons carry only the view: who may act is judged when they are used.
 */
export function triageBlocks(
  alert: AlertContext,
  view: ButtonValue,
  ack: Acknowledgement | null,
  opts: Pick<RenderOptions, 'lang' | 'timezone'>,
  nowMs: number | null = null,
): types.KnownBlock[] {
  if (!isEventId(view.id) || alert.id !== view.id || alert.status !== 'ABNORMAL') return [];
  const words = messagesFor(opts.lang).triage;
  const name = (text: string): string => clipInline(text, RENDER_BUDGET.name);
  const lines: string[] = [];
  if (alert.isAck) {
    const by = alert.ackOperator || ack?.by || '?';
    const at = ack?.atMs && (ack.by === null || ack.by === by) ? dateToken(ack.atMs, opts.timezone, 'date-time', nowMs) : null;
    lines.push(words.ackedLine(name(by), at));
  }
  if (alert.isShielded) lines.push(words.shieldedLine(name(alert.shieldLeftTime)));
  if (lines.length > 0) return [contextBlock(lines)];
  const value = encodeButtonValue(view);
  const button = (actionId: string, text: string, primary: boolean): types.Button => ({
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text, emoji: true },
    value,
    ...(primary ? { style: 'primary' as const } : {}),
  });
  return [{ type: 'actions', block_id: TRIAGE_BLOCK_ID, elements: [button(TRIAGE_ACTION_IDS.ack, words.buttons.ack, true), button(TRIAGE_ACTION_IDS.shield, words.buttons.shield, false)] }];
}
