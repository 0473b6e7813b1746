import { isEventId } from '../eventlog/model/event-id';
import type { RenderOptions } from './types';

/**
 * The buttons' identities and the value they carry. The value is the whole
 * state of a view (which event, which page, which variant), so a click needs
 * no server-side memory; it comes back through Slack, so decoding treats it
 * as untrusted input.
 */

export const ACTION_IDS = {
  share: 'eventlog_share',
  refresh: 'eventlog_refresh',
  older: 'eventlog_older',
  newer: 'eventlog_newer',
  open: 'eventlog_open',
  watch: 'eventlog_watch',
  stopWatching: 'eventlog_watch_stop',
  fullLog: 'eventlog_full_log',
} as const;

/**
 * Controls inside the Full log modal. Their state (event, page, filter) is the
 * view's private_metadata, so these need no value of their own.
 */
export const MODAL_ACTION_IDS = {
  filter: 'eventlog_modal_filter',
  older: 'eventlog_modal_older',
  newer: 'eventlog_modal_newer',
  refresh: 'eventlog_modal_refresh',
} as const;

/** callback_id of the Full log modal. */
export const FULL_LOG_CALLBACK_ID = 'eventlog_full_log';

/** Prefix of the chooser's "pick this ID" buttons: one per ID (`eventlog_pick_0`, …). */
export const PICK_ACTION_PREFIX = 'eventlog_pick';
/** Every "pick this ID" button's action_id. */
export const PICK_ACTION_PATTERN = new RegExp(`^${PICK_ACTION_PREFIX}_\\d+$`);

export type ActionName = keyof typeof ACTION_IDS;

/** The event ID a button's value names (a view's value or a watch key), or null. */
export function eventIdInValue(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const id = /(?:^|[:/])([0-9]+)(?=$|:)/.exec(value)?.[1];
  return id !== undefined && isEventId(id) ? id : null;
}

export interface ButtonValue {
  /** Event ID, digits. */
  id: string;
  /** Timeline page, 0-based. */
  page: number;
  variant: RenderOptions['variant'];
}

// "<id>:<page>:<variant>", e.g. "5310:0:full". Short; the ID part is then held to the event-ID rule.
const VALUE_PATTERN = /^([0-9]+):(0|[1-9][0-9]{0,5}):(full|compact)$/;

/** Encode a view for a button's `value`. */
export function encodeButtonValue(value: ButtonValue): string {
  return `${value.id}:${value.page}:${value.variant}`;
}

/** Decode a button's `value`; null for anything we did not produce. */
export function decodeButtonValue(value: string): ButtonValue | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const match = VALUE_PATTERN.exec(value);
  if (!match) return null;
  const [, id, page, variant] = match;
  if (id === undefined || !isEventId(id) || page === undefined || (variant !== 'full' && variant !== 'compact')) return null;
  return { id, page: Number(page), variant };
}

// A watch's key as the Stop watching button carries it: "<channel>/<event id>".
const WATCH_KEY_PATTERN = /^[CGD][A-Z0-9]{2,30}\/([0-9]+)$/;

/** A Stop watching button's value, checked (it comes back from Slack); null when it is not a watch key. */
export function decodeWatchKey(value: string): string | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const id = WATCH_KEY_PATTERN.exec(value)?.[1];
  return id !== undefined && isEventId(id) ? value : null;
}

/**
 * The BlueKing web page of an event: the Monitor UI root with `#/event-center/detail/<id>` as its
 * fragment, so a root that carries a query (`…/bk_monitorv3/?bizId=2`) keeps it intact.
 */
export function monitorEventUrl(monitorUrl: string, id: string): string {
  const url = new URL(monitorUrl);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.hash = `/event-center/detail/${encodeURIComponent(id)}`;
  return url.toString();
}
