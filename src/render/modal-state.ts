import { isTimelineFilter, type TimelineFilter } from '../eventlog/summary/timeline-filter';
import { isEventId } from '../eventlog/model/event-id';
import { MODAL_LIMITS } from './limits';

/**
 * What a Full log modal shows, carried in the view's private_metadata (Slack
 * keeps it for us and sends it back with every click inside the view), so the
 * bot holds no state per open modal. It comes back through Slack, so decoding
 * treats it as untrusted input.
 */
export interface ModalState {
  /** Event ID, digits. */
  id: string;
  /** Page of the filtered timeline, 0-based (clamped when rendered). */
  page: number;
  filter: TimelineFilter;
  /** Channel of the click that opened it: the channel allowlist still applies to clicks inside the modal, which carry none. */
  channelId: string | null;
}


const CHANNEL_ID = /^[CDG][A-Z0-9]{2,30}$/;
const MAX_PAGE = 999_999;

/** private_metadata for a modal: about 80 characters, far below Slack's 3,000. */
export function encodeModalState(state: ModalState): string {
  return JSON.stringify({ id: state.id, p: state.page, f: state.filter, c: state.channelId });
}

/** The state a modal's private_metadata holds; null for anything we did not write. */
export function decodeModalState(metadata: unknown): ModalState | null {
  const parsed = metadataJson(metadata);
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { id, p, f, c } = parsed as Record<string, unknown>;
  if (typeof id !== 'string' || !isEventId(id)) return null;
  if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > MAX_PAGE) return null;
  if (!isTimelineFilter(f)) return null;
  if (c !== null && (typeof c !== 'string' || !CHANNEL_ID.test(c))) return null;
  return { id, page: p, filter: f, channelId: c };
}

/** A modal's private_metadata read as JSON; null when it is not a string of JSON within Slack's size. */
export function metadataJson(metadata: unknown): unknown {
  if (typeof metadata !== 'string' || metadata.length > MODAL_LIMITS.privateMetadata) return null;
  try {
    return JSON.parse(metadata) as unknown;
  } catch {
    return null;
  }
}
