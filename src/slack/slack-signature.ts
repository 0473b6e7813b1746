import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Slack's request signature check, done once per request in front of Bolt
 * (whose own check is then turned off): the same rules as Bolt 5.1's
 * verifySlackRequest — a numeric timestamp no more than 5 minutes old,
 * version `v0`, `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}` keyed by
 * the signing secret — with one HMAC and a constant-time compare, where
 * Bolt's tsscmp spends two more HMACs and random bytes. Pure.
 */

export interface SignedRequest {
  /** The raw body as text (UTF-8), as Bolt hashes it. */
  body: string;
  /** `X-Slack-Signature`, or null when absent or repeated. */
  signature: string | null;
  /** `X-Slack-Request-Timestamp`, or null when absent or repeated. */
  timestamp: string | null;
}

/** Why a request's signature is refused; 'valid' when it is Slack's. */
export type SignatureVerdict = 'valid' | 'no_signature' | 'bad_timestamp' | 'stale_timestamp' | 'unknown_signature_version' | 'signature_mismatch';

/** How old a request may be, as Bolt allows (a request from the future is the guard's own check). */
const MAX_AGE_SEC = 5 * 60;

/** Check `request` against `signingSecret` at `nowMs`. */
export function verifySlackSignature(signingSecret: string, request: SignedRequest, nowMs: number): SignatureVerdict {
  if (request.signature === null || request.timestamp === null) return 'no_signature';
  const timestampSec = Number(request.timestamp);
  if (Number.isNaN(timestampSec)) return 'bad_timestamp';
  if (timestampSec < Math.floor(nowMs / 1000) - MAX_AGE_SEC) return 'stale_timestamp';
  // As Bolt reads it: the version before the first '=', the hash up to the next.
  const [version, hash] = request.signature.split('=');
  if (version !== 'v0') return 'unknown_signature_version';
  // Bolt hashes the timestamp as the number it read ("017…" → "17…"), so a request it accepts is accepted here.
  const expected = createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${request.body}`).digest();
  return hash !== undefined && sameHex(hash, expected) ? 'valid' : 'signature_mismatch';
}

/** `hex` (lower-case, as Slack and Bolt write it) equals `digest`, compared in constant time. */
function sameHex(hex: string, digest: Buffer): boolean {
  const given = Buffer.from(hex, 'utf8');
  const ours = Buffer.from(digest.toString('hex'), 'utf8');
  return given.length === ours.length && timingSafeEqual(given, ours);
}
