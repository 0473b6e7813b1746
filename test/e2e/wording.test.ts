import { startHarness, type Harness } from '../helpers/app-harness';
import { logLines, messageText } from '../helpers/message-text';

/** Replies that say what the data proves and what the bot will do, not more. */
describe('wording of upstream trouble', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ USER_RATE_LIMIT_PER_MIN: '0', BK_CACHE_TTL_MS: '0' });
  });
  afterAll(() => h.close());

  it('a Retry-After of an hour is answered with the pause the bot will take (60 s), not the hour', async () => {
    h.esb.enqueue({ status: 429, headers: { 'Retry-After': '3600' }, body: JSON.stringify({ result: false, code: 1306429, message: 'rate limited', data: null }) });
    await h.postCommand('5310');
    const [first] = await h.responses.waitForRequests(1);
    const text = messageText(JSON.parse(first.body));
    expect(text).toContain('Wait 60 s');
    expect(text).not.toContain('3600');
  });

});

describe('a 100,000-deep nested answer', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ USER_RATE_LIMIT_PER_MIN: '0', BK_CACHE_TTL_MS: '0' });
  });
  afterAll(() => h.close());

  const depth = 100_000;
  it.each([
    // One record that is not a record: shown as unreadable, as any odd record is.
    ['in data', `{"result":true,"code":0,"message":"OK","data":${'['.repeat(depth)}${']'.repeat(depth)}}`, 'ok'],
    ['in message', `{"result":false,"code":1,"message":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`, 'bad_shape'],
    ['as the whole body', `${'['.repeat(depth)}${']'.repeat(depth)}`, 'bad_shape'],
  ])("is BlueKing's bad answer, not a bug of the bot (%s)", async (_label, body, outcome) => {
    const before = h.responses.requests.length;
    const logsBefore = h.logs.length;
    h.esb.enqueue({ body });
    await h.postCommand('5310');
    await h.responses.waitForRequests(before + 1);
    const logs = h.logs.slice(logsBefore);
    expect(logLines(logs, 'lookup').at(-1)?.outcome).toBe(outcome);
    expect(logLines(logs, 'lookup.unexpected')).toHaveLength(0);
  });
});
