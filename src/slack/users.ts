import type { webApi } from '@slack/bolt';
import type { EmailLookup } from '../eventlog/identity';
import type { Logger } from '../log';

/** users.info → the user's email (scope users:read.email), or null when Slack will not say. */
export function emailLookupVia(client: webApi.WebClient, log: Logger): EmailLookup {
  return async (userId) => {
    try {
      const res = await client.users.info({ user: userId });
      return res.user?.profile?.email ?? null;
    } catch (err) {
      log.warn('users.info.failed', { user: userId, error: err instanceof Error ? err.message : String(err) });
      return null;
    }
  };
}
