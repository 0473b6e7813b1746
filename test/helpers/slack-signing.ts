import { slackSignatureHeaders as signAt } from '../../src/bench/slack-signature';

/** Headers Slack would send with `body`, signed with `signingSecret` at `timestampSec` (default: now). */
export function slackSignatureHeaders(signingSecret: string, body: string, timestampSec = Math.floor(Date.now() / 1000)): Record<string, string> {
  return signAt(signingSecret, body, timestampSec);
}
