import { z } from 'zod';
import { isEventId } from '../eventlog/model/event-id';
import { decodeButtonValue, encodeButtonValue, type ButtonValue } from './actions';
import { metadataJson } from './modal-state';

/**
 * What a triage modal (Acknowledge, Shield) carries in its private_metadata:
 * which answer it came from and where to reply. None of it grants anything:
 * the alert named is judged afresh, as BlueKing reports it at submission.
 */
export interface TriageModalState {
  /** The answer's view (alert ID, page, variant), to redraw it after the act. */
  view: ButtonValue;
  channelId: string | null;
  /** The click's response_url: private answers, and the answer replaced in place. Null in an unfurl. */
  responseUrl: string | null;
  /** The button sat on a watch's live message: the watch redraws it, the act does not replace it. */
  live: boolean;
  /** Who shared the answer, kept when it is redrawn. */
  sharedBy: string | null;
  /** The answer is in the channel (not ephemeral): redrawn with Watch offered. */
  inChannel: boolean;
}

const metadata = z.object({
  v: z.string().max(64),
  c: z.string().regex(/^[CDG][A-Z0-9]{2,30}$/).nullable(),
  r: z.string().max(1000).nullable(),
  l: z.boolean(),
  s: z.string().regex(/^[UW][A-Z0-9]{2,30}$/).nullable(),
  i: z.boolean(),
});

export function encodeTriageState(state: TriageModalState): string {
  return JSON.stringify({ v: encodeButtonValue(state.view), c: state.channelId, r: state.responseUrl, l: state.live, s: state.sharedBy, i: state.inChannel });
}

/** The state a modal's private_metadata holds; null for anything we did not write. */
export function decodeTriageState(raw: unknown): TriageModalState | null {
  const parsed = metadata.safeParse(metadataJson(raw));
  if (!parsed.success) return null;
  const view = decodeButtonValue(parsed.data.v);
  if (!view) return null;
  const { c: channelId, r: responseUrl, l: live, s: sharedBy, i: inChannel } = parsed.data;
  return { view, channelId, responseUrl, live, sharedBy, inChannel };
}

/** A Lift shield button's value: "<shield id>@<answer view>". */
export function encodeUnshieldValue(shieldId: string, view: ButtonValue): string {
  return `${shieldId}@${encodeButtonValue(view)}`;
}

export function decodeUnshieldValue(raw: string): { shieldId: string; view: ButtonValue } | null {
  if (typeof raw !== 'string' || raw.length > 90) return null;
  const [shieldId, rest, extra] = raw.split('@');
  if (extra !== undefined || !shieldId || !/^\d{1,20}$/.test(shieldId) || rest === undefined) return null;
  const view = decodeButtonValue(rest);
  return view && isEventId(view.id) ? { shieldId, view } : null;
}

/** The buttons under an open alert's answer, and on a shield's answer. */
export const TRIAGE_ACTION_IDS = { ack: 'eventlog_triage_ack', shield: 'eventlog_triage_shield', unshield: 'eventlog_triage_unshield' } as const;

/** callback_id of the two modals. */
export const TRIAGE_CALLBACK_IDS = { ack: 'eventlog_triage_ack', shield: 'eventlog_triage_shield' } as const;

/** block_id / action_id of the modals' inputs. */
export const TRIAGE_INPUTS = { note: 'note', duration: 'duration', reason: 'reason', other: 'other' } as const;
