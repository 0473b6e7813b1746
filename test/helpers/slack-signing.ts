import { createHmac } from 'node:crypto';

/** Headers Slack would send with `body`, signed with `signingSecret` at `timestampSec`. */
export function slackSignatureHeaders(signingSecret: string, body: string, timestampSec = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestampSec), 'x-slack-signature': `v0=${signature}` };
}
