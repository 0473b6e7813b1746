import type { webApi } from '@slack/bolt';
import type { EmailLookup } from '../eventlog/service/identity';
import type { Logger } from '../log';
import { slackErrorCode } from './slack-api-error';

/**
 * users.info → the user's email (scope users:read.email) and home workspace, or null when Slack
 * will not say. A failure (missing_scope, user_not_found, ratelimited) is
 * logged with Slack's error word, so an operator can tell "no email on the
 * profile" from "the app lacks the scope".
 */
export function emailLookupVia(client: webApi.WebClient, log: Logger): EmailLookup {
  return async (userId) => {
    try {
      const res = await client.users.info({ user: userId });
      const email = res.user?.profile?.email ?? null;
      if (email === null) log.info('users.info.no_email', { user: userId });
      return { email, teamId: res.user?.team_id ?? null };
    } catch (err) {
      log.warn('users.info.failed', { user: userId, slack_error: slackErrorCode(err) });
      return null;
    }
  };
}
