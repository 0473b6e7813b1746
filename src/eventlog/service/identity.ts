import type { IdentityConfig } from '../../config';
import { TtlCache } from '../answers/ttl-cache';

/** How we learn a Slack user's email (users.info), injected so the core stays free of Slack I/O. */
export type EmailLookup = (slackUserId: string) => Promise<string | null>;

export type IdentityResult = { ok: true; username: string | null } | { ok: false; why: 'unmapped' | 'no_email' };

const BK_USERNAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Chooses the BlueKing username a lookup runs as. Never falls back to the
 * service account for a user who should have been mapped: that would hand
 * them more privilege than their own BlueKing account has.
 */
export function createIdentityResolver(
  config: IdentityConfig,
  serviceUsername: string | null,
  lookupEmail: EmailLookup,
  now: () => number,
): (slackUserId: string) => Promise<IdentityResult> {
  if (config.mode === 'service') return async () => ({ ok: true, username: serviceUsername });
  if (config.mode === 'map') {
    return async (slackUserId) => {
      const username = config.userMap.get(slackUserId);
      return username ? { ok: true, username } : { ok: false, why: 'unmapped' };
    };
  }
  const cache = new TtlCache<string>(3_600_000, 10_000, now);
  return async (slackUserId) => {
    const cached = cache.get(slackUserId);
    if (cached) return { ok: true, username: cached };
    const email = await lookupEmail(slackUserId);
    const local = email?.split('@')[0] ?? '';
    if (!BK_USERNAME_PATTERN.test(local)) return { ok: false, why: 'no_email' };
    cache.set(slackUserId, local);
    return { ok: true, username: local };
  };
}
