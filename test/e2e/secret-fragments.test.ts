import { BK_SECRET, BOT_TOKEN, SIGNING_SECRET, startHarness, type Harness } from '../helpers/app-harness';
import type { EsbReply } from '../helpers/fake-esb';
import { logLines } from '../helpers/message-text';

/**
 * Part of a secret is as bad as the whole: BlueKing text that echoes 8 or more
 * characters of any of the bot's secrets, in any letter case, reaches neither
 * Slack nor the log. (An outside probe saw 14 characters of the app secret in
 * replies, the secret lowercased, and pieces inside request_id, code and titles.)
 */

const REQUEST_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const envelope = (fields: Record<string, unknown>): EsbReply => ({
  body: JSON.stringify({ result: false, code: 1306406, message: 'bad', data: null, request_id: REQUEST_ID, ...fields }),
});

const REPLIES: Array<{ name: string; reply: EsbReply }> = [
  { name: '14 characters of the app secret', reply: envelope({ message: `check failed [app_secret=${BK_SECRET.slice(3, 17)}]` }) },
  { name: 'the app secret upper-cased', reply: envelope({ message: `APP SECRET ${BK_SECRET.toUpperCase()} IS WRONG` }) },
  { name: 'part of the bot token', reply: envelope({ message: `forwarded Authorization: Bearer ${BOT_TOKEN.slice(0, 12)}` }) },
  { name: 'part of the signing secret', reply: envelope({ message: `sig ${SIGNING_SECRET.slice(5, 18)} mismatch` }) },
  { name: 'a piece in request_id', reply: envelope({ request_id: `req-${BK_SECRET.slice(4, 14)}` }) },
  { name: 'a piece in code', reply: envelope({ code: `E${BK_SECRET.slice(2, 12)}` }) },
  { name: 'a piece in an HTML title', reply: { status: 502, headers: { 'Content-Type': 'text/html' }, body: `<title>Login ${BK_SECRET.slice(6, 16).toUpperCase()}</title>` } },
];

/** Every run of 8 characters of each secret, lower-cased. */
const RUNS = [BK_SECRET, BOT_TOKEN, SIGNING_SECRET].flatMap((secret) =>
  Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8).toLowerCase()),
);

describe('fragments of secrets in upstream text', () => {
  let h: Harness;
  beforeAll(async () => {
    // Logs unredacted by the logger: the client must already have blanked what BlueKing said.
    h = await startHarness({ BK_CACHE_TTL_MS: '0', USER_RATE_LIMIT_PER_MIN: '0' }, { redactLogs: false });
  });
  afterAll(() => h.close());

  it.each(REPLIES)('leaves no run of 8 characters of a secret in the reply or the log: $name', async ({ reply }) => {
    const startReplies = h.responses.requests.length;
    const startLogs = h.logLines.length;
    h.esb.enqueue(reply);
    await h.postCommand('5310');
    const delivered = await h.responses.waitForRequests(startReplies + 1);
    // It was BlueKing's answer that was shown, not a refusal of ours.
    expect(logLines(h.logs.slice(startLogs), 'lookup').map((l) => l.outcome)).not.toContain('ok');
    const seen = [...delivered.slice(startReplies).map((r) => r.body), ...h.logLines.slice(startLogs)].join('\n').toLowerCase();
    for (const run of RUNS) expect(seen).not.toContain(run);
    expect(seen).toContain('[redacted]');
  });
});
