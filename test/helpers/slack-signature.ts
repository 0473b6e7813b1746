import { createHmac } from 'node:crypto';

/**
 * The headers Slack sends with a request: `v0=` + hex HMAC-SHA256 of
 * `v0:{timestamp}:{raw body}`, keyed by the signing secret. Shared by the
 * tests and the bench (which signs every load request the same way).
 */
export function slackSignatureHeaders(signingSecret: string, body: string, timestampSec = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestampSec), 'x-slack-signature': `v0=${signature}` };
}
