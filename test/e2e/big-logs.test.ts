import { benchEsbBody } from '../../bench/bench-log';
import { OFFLOAD_MIN_BYTES } from '../../src/offload/log-workers';
import { startHarness, type Harness } from '../helpers/app-harness';
import { watchMainThreadJson, type MainThreadJson } from '../helpers/main-thread-json';
import { logLines, messageText } from '../helpers/message-text';
import { expectOlderPageFromCache } from '../helpers/older-page';

/**
 * A big log (5 MB logs once held the event loop for 300 ms each, so
 * other commands' acks passed Slack's 3 s) is read and rendered on worker
 * threads: the main thread never parses its body, first answer or later
 * pages from the cache alike. Timing itself is measured by `npm run bench`.
 */

const RECORDS = 3_000;
const BODY = benchEsbBody(RECORDS);

describe('a big log, over real HTTP', () => {
  let h: Harness;
  let json: MainThreadJson;

  beforeAll(async () => {
    h = await startHarness({ USER_RATE_LIMIT_PER_MIN: '0' }, { offload: true });
    h.esb.setFallback({ status: 200, body: BODY });
    json = watchMainThreadJson();
  });
  afterAll(async () => {
    json?.restore();
    await h.close();
  });

  it('is big enough to go to a worker', () => {
    expect(Buffer.byteLength(BODY)).toBeGreaterThan(OFFLOAD_MIN_BYTES * 4);
  });

  it('is answered with its log, never parsed on the main thread, and pages from the cache the same way', async () => {
    await h.postCommand('1001');
    const [first] = await h.responses.waitForRequests(1, 120_000);
    const page0 = JSON.parse(first.body) as Record<string, unknown>;
    expect(page0).toMatchObject({ replace_original: true });
    expect(messageText(page0)).toContain('1001');
    expect(logLines(h.logs, 'lookup')[0]).toMatchObject({ outcome: 'ok', records: RECORDS, from_cache: false });

    await expectOlderPageFromCache(h, page0, '1700000300.000500', RECORDS);

    expect(json.longestParsed()).toBeLessThan(OFFLOAD_MIN_BYTES);
  }, 180_000);
});
