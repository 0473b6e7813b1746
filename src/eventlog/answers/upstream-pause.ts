import { LookupError } from '../model/lookup-error';

/**
 * BlueKing's rate-limit pause as it is kept in the store: written by the
 * service's cooldown (service/rate-limiter.ts) and read in one round trip with
 * a shared lookup's first step (shared-answers.ts).
 */

/** What is kept of BlueKing's last rate-limit answer, to tell users while the pause runs. */
export interface PauseNote {
  code: string | null;
  upstreamMessage: string | null;
}

/** Where the pause is kept (read in one round trip with a shared lookup's first step: shared-answers.ts). */
export const COOLDOWN_KEY = 'upstream:cooldown';

/** BlueKing's pause as read just now with another step (a LookupError while it runs, null when none): the gate need not read it again. */
export type KnownPause = { error: LookupError | null };

/** What the pause entry (COOLDOWN_KEY with its TTL, read however) says: BlueKing's rate-limit error with the seconds left, or null. */
export function heldBackBy(entry: { value: string; ttlMs: number } | null): LookupError | null {
  if (!entry || entry.ttlMs <= 0) return null;
  const note = parseNote(entry.value);
  return new LookupError({ kind: 'rate_limited', code: note.code, upstreamMessage: note.upstreamMessage, retryAfterSec: Math.ceil(entry.ttlMs / 1000) });
}

function parseNote(text: string): PauseNote {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null) {
      const { code, upstreamMessage } = value as Record<string, unknown>;
      return { code: typeof code === 'string' ? code : null, upstreamMessage: typeof upstreamMessage === 'string' ? upstreamMessage : null };
    }
  } catch {
    // Written by another version of the bot: the pause still holds, without BlueKing's words.
  }
  return { code: null, upstreamMessage: null };
}
