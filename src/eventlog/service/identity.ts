import type { IdentityConfig } from '../../config';
import { TtlCache } from '../answers/ttl-cache';

/** What Slack says about a user (users.info): their email and their home workspace. */
export interface SlackProfile {
  email: string | null;
  /** users.info `team_id`: the workspace the account belongs to (another one for a Slack Connect user). */
  teamId: string | null;
}

/** How we learn a Slack user's email and workspace (users.info), injected so the core stays free of Slack I/O. */
export type EmailLookup = (slackUserId: string) => Promise<SlackProfile | null>;

export type IdentityRefusal = 'unmapped' | 'no_email' | 'other_domain' | 'other_team';

export type IdentityResult = { ok: true; username: string | null } | { ok: false; why: IdentityRefusal };

/** Which workspaces' users may be named by their email: the app's own, and those on ALLOWED_TEAM_IDS. */
export interface HomeTeams {
  /** The app's workspace (auth.test at start); null until known. */
  home: () => string | null;
  allowed: ReadonlySet<string>;
}

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
  teams: HomeTeams = { home: () => null, allowed: new Set() },
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
    const judged = usernameOf(await lookupEmail(slackUserId), config.emailDomains, teams);
    if (judged.ok && judged.username) cache.set(slackUserId, judged.username);
    return judged;
  };
}

/**
 * The BlueKing user a Slack profile names: the email's local part, only on one of our domains and
 * for an account of our workspace. admin@partner.example, or a Slack Connect guest, is not our admin.
 */
export function usernameOf(profile: SlackProfile | null, domains: ReadonlySet<string>, teams: HomeTeams): IdentityResult {
  const email = profile?.email ?? '';
  const at = email.lastIndexOf('@');
  const local = at > 0 ? email.slice(0, at) : '';
  if (!BK_USERNAME_PATTERN.test(local)) return { ok: false, why: 'no_email' };
  if (!domains.has(email.slice(at + 1).toLowerCase())) return { ok: false, why: 'other_domain' };
  // users.info always names the account's workspace; a profile without one proves nothing either way.
  const team = profile?.teamId ?? null;
  if (team !== null && team !== teams.home() && !teams.allowed.has(team)) return { ok: false, why: 'other_team' };
  return { ok: true, username: local };
}
