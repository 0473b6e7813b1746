import { FAILURES, OLD_GENERATION_5310 } from '../fixtures/bk';
import { startHarness, type Harness } from '../helpers/app-harness';
import type { EsbReply } from '../helpers/fake-esb';
import { logLines } from '../helpers/message-text';
import { promSample } from '../helpers/prometheus-text';

/** What an operator sees of load and faults: GET /metrics after a known sequence, and the JSON log lines. */

const GOOD: EsbReply = { status: 200, body: OLD_GENERATION_5310.body };
const NOT_FOUND = FAILURES.find((f) => f.code === '3324002');
const GATEWAY_RATE_LIMIT = FAILURES.find((f) => f.code === '1642902');

describe('GET /metrics after a known sequence of lookups', () => {
  let h: Harness;
  let metrics: string;

  beforeAll(async () => {
    if (!NOT_FOUND || !GATEWAY_RATE_LIMIT) throw new Error('fixtures missing');
    h = await startHarness({ LOG_LEVEL: 'info', USER_RATE_LIMIT_PER_MIN: '2' });
    let answered = 0;
    const settle = async (count = 1): Promise<void> => {
      answered += count;
      await h.responses.waitForRequests(answered);
    };
    h.esb.setFallback(GOOD);

    await h.postCommand('5310', { user_id: 'U0ALICE' }); // upstream ok
    await settle();
    await h.postCommand('5310', { user_id: 'U0BOB' }); // cache hit
    await settle();
    h.esb.enqueue({ ...GOOD, delayMs: 500 }); // three people at once: one call, two join it
    await Promise.all(['U0CAROL', 'U0DAVE', 'U0ERIN'].map((user) => h.postCommand('4821', { user_id: user })));
    await settle(3);
    h.esb.enqueue(NOT_FOUND.reply); // not found
    await h.postCommand('999', { user_id: 'U0FRANK' });
    await settle();
    await h.postCommand('1', { user_id: 'U0ALICE' }); // Alice's second this minute: ok
    await settle();
    await h.postCommand('2', { user_id: 'U0ALICE' }); // her third: slow down
    await settle();
    h.esb.enqueue(GATEWAY_RATE_LIMIT.reply); // BlueKing rate limits
    await h.postCommand('7', { user_id: 'U0GRACE' });
    await settle();

    const res = await fetch(`${h.url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    metrics = await res.text();
  });

  afterAll(() => h.close());

  it('counts lookups by outcome', () => {
    expect(promSample(metrics, 'eventlog_lookups_total', { outcome: 'ok' })).toBe(6);
    expect(promSample(metrics, 'eventlog_lookups_total', { outcome: 'not_found' })).toBe(1);
    expect(promSample(metrics, 'eventlog_lookups_total', { outcome: 'refused_user_rate_limited' })).toBe(1);
    expect(promSample(metrics, 'eventlog_lookups_total', { outcome: 'rate_limited' })).toBe(1);
  });

  it('counts cache hits, coalesced calls and rate-limited requests', () => {
    expect(promSample(metrics, 'eventlog_cache_hits_total')).toBe(1);
    expect(promSample(metrics, 'eventlog_coalesced_total')).toBe(2);
    expect(promSample(metrics, 'eventlog_rate_limited_total', { kind: 'user' })).toBe(1);
    expect(promSample(metrics, 'eventlog_rate_limited_total', { kind: 'upstream' })).toBe(1);
    expect(promSample(metrics, 'eventlog_rate_limited_total', { kind: 'busy' })).toBe(0);
  });

  it('records one upstream latency per call BlueKing actually received, by outcome', () => {
    expect(h.esb.requests).toHaveLength(5);
    expect(promSample(metrics, 'eventlog_upstream_latency_seconds_count', { outcome: 'ok' })).toBe(3);
    expect(promSample(metrics, 'eventlog_upstream_latency_seconds_count', { outcome: 'not_found' })).toBe(1);
    expect(promSample(metrics, 'eventlog_upstream_latency_seconds_count', { outcome: 'rate_limited' })).toBe(1);
    // The call BlueKing held for 500 ms cannot fall in the 0.25 s bucket; every call falls in +Inf.
    expect(promSample(metrics, 'eventlog_upstream_latency_seconds_bucket', { outcome: 'ok', le: '0.25' })).toBeLessThanOrEqual(2);
    expect(promSample(metrics, 'eventlog_upstream_latency_seconds_bucket', { outcome: 'ok', le: '+Inf' })).toBe(3);
    expect(promSample(metrics, 'eventlog_upstream_latency_seconds_sum', { outcome: 'ok' })).toBeGreaterThan(0.45);
  });

  it('times every ack of a Slack request, from its arrival to the answer written (the 9 commands above)', () => {
    expect(promSample(metrics, 'eventlog_slack_ack_seconds_count')).toBe(9);
    expect(promSample(metrics, 'eventlog_slack_ack_seconds_bucket', { le: '+Inf' })).toBe(9);
    expect(promSample(metrics, 'eventlog_slack_ack_seconds_sum')).toBeGreaterThan(0);
  });

  it('writes one JSON line per event at LOG_LEVEL=info, and no debug lines', () => {
    expect(h.logLines.length).toBeGreaterThan(0);
    for (const raw of h.logLines) {
      expect(raw.endsWith('\n')).toBe(true);
      const line = JSON.parse(raw) as Record<string, unknown>;
      expect(Object.keys(line).slice(0, 3)).toEqual(['time', 'level', 'msg']);
      expect(['info', 'warn', 'error']).toContain(line.level);
      expect(Number.isNaN(Date.parse(String(line.time)))).toBe(false);
    }
    const lookups = logLines(h.logs, 'lookup');
    expect(lookups.map((l) => [l.level, l.outcome, l.user])).toEqual([
      ['info', 'ok', 'U0ALICE'],
      ['info', 'ok', 'U0BOB'],
      ['info', 'ok', expect.stringMatching(/^U0(CAROL|DAVE|ERIN)$/)],
      ['info', 'ok', expect.stringMatching(/^U0(CAROL|DAVE|ERIN)$/)],
      ['info', 'ok', expect.stringMatching(/^U0(CAROL|DAVE|ERIN)$/)],
      ['info', 'not_found', 'U0FRANK'],
      ['info', 'ok', 'U0ALICE'],
      ['warn', 'refused_user_rate_limited', 'U0ALICE'],
      ['warn', 'rate_limited', 'U0GRACE'],
    ]);
    expect(lookups[5]).toMatchObject({ event_id: '999', channel: 'C0INCIDENT', code: '3324002', request_id: NOT_FOUND?.requestId });
  });
});

describe('LOG_LEVEL=debug', () => {
  it('adds debug lines that info leaves out', async () => {
    const h = await startHarness({ LOG_LEVEL: 'debug' });
    try {
      h.esb.setFallback(GOOD);
      await h.postCommand('5310');
      await h.responses.waitForRequests(1);
      expect(h.logs.some((line) => line.level === 'debug')).toBe(true);
      expect(logLines(h.logs, 'lookup')).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});
