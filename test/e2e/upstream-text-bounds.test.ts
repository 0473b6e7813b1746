import { BK_SECRET, startHarness, type Harness } from '../helpers/app-harness';
import type { EsbReply } from '../helpers/fake-esb';
import { logLines, messageText } from '../helpers/message-text';

/**
 * Upstream text meets a cut: BlueKing's error text with the app secret
 * straddling the 300-character snippet limit must not leave a fragment of it
 * in Slack or in the log, and an outsized echoed field (request_id, code) is
 * bounded before it reaches either.
 */

/** What a cut can leave of a secret: any head or tail of 6 characters or more. */
function secretFragments(secret: string): string[] {
  const out: string[] = [];
  for (let n = 6; n <= secret.length; n++) out.push(secret.slice(0, n), secret.slice(secret.length - n));
  return out;
}

/** Text that puts the secret across the snippet limit, starting `before` characters in. */
const straddling = (before: number): string => `${'x'.repeat(before)}${BK_SECRET}${'y'.repeat(40)}`;

const REQUEST_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
/** Each place BlueKing's text enters a reply, with the secret at a cut (one start offset per place is enough to straddle 300). */
const PLACES: Array<{ name: string; reply: (before: number) => EsbReply }> = [
  {
    name: 'envelope message',
    reply: (before) => ({ body: JSON.stringify({ result: false, code: 1306406, message: straddling(before), data: null, request_id: REQUEST_ID }) }),
  },
  {
    name: 'X-Bkapi-Error-Message',
    reply: (before) => ({ status: 401, headers: { 'X-Bkapi-Error-Code': '1640001', 'X-Bkapi-Error-Message': straddling(before) }, body: '{}' }),
  },
  {
    name: 'HTML <title>',
    reply: (before) => ({ status: 502, headers: { 'Content-Type': 'text/html' }, body: `<html><title>${straddling(before)}</title></html>` }),
  },
  { name: 'plain-text body', reply: (before) => ({ status: 500, headers: { 'Content-Type': 'text/plain' }, body: straddling(before) }) },
  { name: 'JSON detail', reply: (before) => ({ status: 500, body: JSON.stringify({ detail: straddling(before) }) }) },
  {
    name: 'request_id',
    reply: (before) => ({ body: JSON.stringify({ result: false, code: 1306406, message: 'bad', data: null, request_id: straddling(before) }) }),
  },
  { name: 'code', reply: (before) => ({ body: JSON.stringify({ result: false, code: straddling(before), message: 'bad', data: null }) }) },
];
// Offsets that put the cut inside the secret for a 300-character snippet ending in "…" (and a little either side).
const OFFSETS = [280, 285, 290, 295, 298];

describe('a secret at the cut of upstream text', () => {
  let h: Harness;
  beforeAll(async () => {
    // Logs unredacted: the line itself must already be clean.
    h = await startHarness({ BK_CACHE_TTL_MS: '0', USER_RATE_LIMIT_PER_MIN: '0' }, { redactLogs: false });
  });
  afterAll(() => h.close());

  it.each(PLACES)('leaves no fragment of the app secret in the reply or the log: $name', async ({ reply }) => {
    const startReplies = h.responses.requests.length;
    const startLogs = h.logLines.length;
    for (const before of OFFSETS) {
      h.esb.enqueue(reply(before));
      await h.postCommand('5310');
    }
    const delivered = await h.responses.waitForRequests(startReplies + OFFSETS.length);
    const seen = [...delivered.slice(startReplies).map((r) => r.body), ...h.logLines.slice(startLogs)].join('\n');
    // Every one of them was BlueKing's answer, not a refusal of ours.
    expect(logLines(h.logs.slice(startLogs), 'lookup').map((l) => l.outcome)).not.toContain('refused_user_rate_limited');
    for (const fragment of secretFragments(BK_SECRET)) expect(seen).not.toContain(fragment);
  });
});

describe('an outsized upstream field', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ USER_RATE_LIMIT_PER_MIN: '0' });
  });
  afterAll(() => h.close());

  const HUGE = 'r'.repeat(2 * 1024 * 1024);

  it('is bounded and marked in every lookup log line and in the reply (request_id of a good log, cache hits included)', async () => {
    const body = JSON.stringify({ result: true, code: 0, message: 'OK', data: [], request_id: HUGE });
    h.esb.setFallback({ status: 200, body });
    await h.postCommand('5310');
    await h.postCommand('5310');
    const delivered = await h.responses.waitForRequests(2);
    const lines = logLines(h.logs, 'lookup');
    expect(lines).toHaveLength(2);
    for (const line of h.logLines) expect(line.length).toBeLessThan(4000);
    for (const line of lines) expect(String(line.request_id)).toMatch(/^r+…/);
    for (const line of lines) expect(String(line.request_id)).toContain(String(HUGE.length));
    for (const r of delivered) expect(r.body.length).toBeLessThan(10_000);
    expect(messageText(JSON.parse(delivered[0].body))).toMatch(/r+…/);
  });

  it('marks a code that does not look like one, and bounds it in the log', async () => {
    h.esb.enqueue({ body: JSON.stringify({ result: false, code: `12<b>${'9'.repeat(5000)}`, message: 'bad', data: null, request_id: REQUEST_ID }) });
    await h.postCommand('5311');
    const [, , delivered] = await h.responses.waitForRequests(3);
    const line = logLines(h.logs, 'lookup').at(-1) ?? {};
    expect(String(line.code).length).toBeLessThan(100);
    expect(String(line.code)).toContain('5005 chars');
    expect(delivered.body.length).toBeLessThan(10_000);
  });
});
