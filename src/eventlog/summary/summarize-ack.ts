import type { EventRecord } from '../model/record';

/** Who acknowledged and with what note, as far as an ACK record tells. */
export interface AckDetails {
  by: string | null;
  note: string | null;
}

// New generation: "admin确认了该告警事件并备注：,<note>" (the comma is how Monitor joins the parts);
// read in English: "admin Confirmed the event and alarm NOTE:,<note>" / "admin Confirmed the alarm".
const NEW_GENERATION_ACK =
  /^\s*(.+?)\s*(?:确认了该告警(?:事件)?|Confirmed the (?:event and )?alarm)(?:\s*(?:并备注|NOTE)\s*[：:]\s*[,，]?\s*([\s\S]*))?\s*$/;
// Old generation ACKs leave `message` empty; when something is there and it looks like a username, it is the operator.
const BARE_USERNAME = /^[\w.@-]{1,64}$/;

/**
 * Read the operator and note out of an ACK record of either generation.
 * The old generation's note is `extend_info.message` (record.ackNote); the new
 * generation writes both into `message`.
 */
export function parseAck(record: EventRecord): AckDetails {
  const message = record.message.trim();
  const extendNote = blankToNull(record.ackNote);
  const match = NEW_GENERATION_ACK.exec(message);
  if (match) {
    return { by: blankToNull(match[1] ?? null), note: extendNote ?? blankToNull(match[2] ?? null) };
  }
  if (message !== '' && BARE_USERNAME.test(message)) return { by: message, note: extendNote };
  return { by: null, note: extendNote ?? blankToNull(message) };
}

function blankToNull(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
