import { ACTION_IDS } from '../../src/render/actions';
import { OLD_GENERATION_5310 } from '../fixtures/bk';
import { startHarness, type Harness } from '../helpers/app-harness';
import type { EsbReply } from '../helpers/fake-esb';
import { manualClock } from '../helpers/manual-clock';
import { logLines, messageText } from '../helpers/message-text';
import { promSample } from '../helpers/prometheus-text';
import { blockActions } from '../helpers/slack-payloads';

/** Protecting BlueKing from a channel full of people: coalescing, the cache, the in-flight cap and rate limits. */

const GOOD: EsbReply = { status: 200, body: OLD_GENERATION_5310.body };


describe('protecting BlueKing, end to end', () => {
  let h: Harness;

  afterEach(async () => {
    await h?.close();
  });

  /** The n-th answer delivered to a response_url, as text. */
  async function answer(nth: number): Promise<string> {
    const delivered = await h.responses.waitForRequests(nth);
    return messageText(JSON.parse(delivered[nth - 1].body));
  }

  it('answers 200 simultaneous /eventlog commands for one ID with exactly one upstream call', async () => {
    h = await startHarness({ LOG_LEVEL: 'info' });
    h.esb.setFallback({ ...GOOD, delayMs: 300 });

    const acks = await Promise.all(Array.from({ length: 200 }, (_, i) => h.postCommand('5310', { user_id: `U0USER${i}` })));
    expect(acks.every((res) => res.status === 200)).toBe(true);
    const delivered = await h.responses.waitForRequests(200, 15_000);

    expect(h.esb.requests).toHaveLength(1);
    expect(delivered).toHaveLength(200);
    for (const request of delivered) {
      expect(JSON.parse(request.body)).toMatchObject({ response_type: 'ephemeral', replace_original: true });
      expect(messageText(JSON.parse(request.body))).toContain('Event 5310');
    }
    // Everyone but the first either joined the call in flight or was served from the cache it filled.
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(promSample(metrics, 'eventlog_coalesced_total') + promSample(metrics, 'eventlog_cache_hits_total')).toBe(199);
    expect(promSample(metrics, 'eventlog_lookups_total', { outcome: 'ok' })).toBe(200);
  }, 30_000);

  it('serves a repeat lookup from the cache within BK_CACHE_TTL_MS, and asks BlueKing again once it expires', async () => {
    const clock = manualClock();
    h = await startHarness({ LOG_LEVEL: 'info', BK_CACHE_TTL_MS: '15000' }, { now: clock.now });
    h.esb.setFallback(GOOD);

    await h.postCommand('5310');
    await answer(1);
    clock.advance(14_999);
    await h.postCommand('5310', { user_id: 'U0BOB' });
    expect(await answer(2)).toContain('Event 5310');
    expect(h.esb.requests).toHaveLength(1);

    clock.advance(1);
    await h.postCommand('5310');
    expect(await answer(3)).toContain('Event 5310');
    expect(h.esb.requests).toHaveLength(2);
    expect(logLines(h.logs, 'lookup').map((l) => l.from_cache)).toEqual([false, true, false]);
  });

  it('lets Refresh bypass the cache', async () => {
    h = await startHarness({ LOG_LEVEL: 'info' });
    h.esb.setFallback(GOOD);
    await h.postCommand('5310');
    const [first] = await h.responses.waitForRequests(1);
    const blocks = (JSON.parse(first.body) as { blocks: Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }> }).blocks;
    const refresh = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === ACTION_IDS.refresh);
    expect(refresh?.value).toBeDefined();

    await h.postInteraction(
      blockActions({ action_id: ACTION_IDS.refresh, value: String(refresh?.value), text: 'Refresh' }, { ephemeral: true, messageTs: '1700000000.000100' }, `${h.responses.url}/buttons/1`),
    );
    expect(await answer(2)).toContain('Event 5310');
    expect(h.esb.requests).toHaveLength(2);
  });

  it('never has more than BK_MAX_IN_FLIGHT calls at BlueKing at once, and still answers everyone', async () => {
    h = await startHarness({ LOG_LEVEL: 'info', BK_MAX_IN_FLIGHT: '2', BK_TIMEOUT_MS: '5000' });
    const delayMs = 100;
    let active = 0;
    let mostActive = 0;
    h.esb.setFallback(() => {
      // Counted from arrival until just before the ESB answers (this timer fires before the ESB's own).
      active += 1;
      mostActive = Math.max(mostActive, active);
      setTimeout(() => {
        active -= 1;
      }, delayMs);
      return { ...GOOD, delayMs };
    });

    const ids = Array.from({ length: 20 }, (_, i) => String(1000 + i));
    await Promise.all(ids.map((id, i) => h.postCommand(id, { user_id: `U0USER${i}` })));
    const delivered = await h.responses.waitForRequests(20, 10_000);

    expect(mostActive).toBe(2);
    expect(h.esb.requests).toHaveLength(20);
    const answered = delivered.map((r) => messageText(JSON.parse(r.body)));
    for (const id of ids) expect(answered.some((text) => text.includes(`Event ${id}`))).toBe(true);
  }, 20_000);

  it('turns a lookup away as busy when no upstream slot comes free within BK_TIMEOUT_MS', async () => {
    // One slot, 500 ms per call, a 1250 ms wait at most: three calls fit (0, 500, 1000 ms), the fourth would start at 1500.
    h = await startHarness({ LOG_LEVEL: 'info', BK_MAX_IN_FLIGHT: '1', BK_TIMEOUT_MS: '1250' });
    h.esb.setFallback({ ...GOOD, delayMs: 500 });
    await Promise.all(['11', '12', '13', '14'].map((id, i) => h.postCommand(id, { user_id: `U0USER${i}` })));
    const delivered = await h.responses.waitForRequests(4, 5000);

    const answered = delivered.map((r) => messageText(JSON.parse(r.body)));
    const busy = answered.filter((text) => text.includes('The bot is busy with other lookups'));
    expect(busy).toHaveLength(1);
    expect(busy[0]).toContain('Too many lookups are running at once, so this one was not sent.');
    expect(h.esb.requests).toHaveLength(3);
    expect(logLines(h.logs, 'lookup').filter((l) => l.outcome === 'refused_busy')).toHaveLength(1);
  });

  it('asks a user past USER_RATE_LIMIT_PER_MIN to slow down, without calling BlueKing, until the minute is over', async () => {
    const clock = manualClock();
    h = await startHarness({ LOG_LEVEL: 'info', USER_RATE_LIMIT_PER_MIN: '3' }, { now: clock.now });
    h.esb.setFallback(GOOD);
    for (const [i, id] of ['1', '2', '3'].entries()) {
      await h.postCommand(id);
      expect(await answer(i + 1)).toContain(`Event ${id}`);
    }

    clock.advance(20_000);
    await h.postCommand('4');
    const slowDown = await answer(4);
    expect(slowDown).toContain('Slow down a little');
    expect(slowDown).toContain('You have made many lookups in the last minute. Try again in 40 s.');
    expect(h.esb.requests).toHaveLength(3);
    expect(logLines(h.logs, 'lookup')[3]).toMatchObject({ level: 'warn', outcome: 'refused_user_rate_limited', user: 'U0ALICE' });

    // Someone else is not held back by Alice's limit.
    await h.postCommand('5', { user_id: 'U0BOB' });
    expect(await answer(5)).toContain('Event 5');

    clock.advance(40_000);
    await h.postCommand('6');
    expect(await answer(6)).toContain('Event 6');
    expect(h.esb.requests).toHaveLength(5);
  });

  it('honours Retry-After from BlueKing: no call goes out until it passes, cached answers are still served', async () => {
    const clock = manualClock();
    h = await startHarness({ LOG_LEVEL: 'info' }, { now: clock.now });
    h.esb.enqueue(GOOD, {
      status: 429,
      headers: { 'X-Bkapi-Error-Code': '1642902', 'X-Bkapi-Error-Message': 'API rate limit exceeded by stage strategy', 'Retry-After': '30' },
      body: JSON.stringify({ result: false, code: 1642902, message: 'API rate limit exceeded by stage strategy', data: null }),
    });
    h.esb.setFallback(GOOD);

    await h.postCommand('5310');
    expect(await answer(1)).toContain('Event 5310');
    await h.postCommand('4821');
    const limited = await answer(2);
    expect(limited).toContain('BlueKing is rate limiting the bot');
    expect(limited).toContain('Wait 30 s and try again.');

    clock.advance(10_000);
    await h.postCommand('4821', { user_id: 'U0BOB' });
    const heldBack = await answer(3);
    expect(heldBack).toContain('BlueKing is rate limiting the bot');
    expect(heldBack).toContain('Wait 20 s and try again.');
    expect(heldBack).toContain('code `1642902`');
    await h.postCommand('5310', { user_id: 'U0BOB' });
    expect(await answer(4)).toContain('Event 5310');
    expect(h.esb.requests).toHaveLength(2);
    expect(logLines(h.logs, 'upstream.cooldown')).toEqual([expect.objectContaining({ level: 'warn', code: '1642902', retry_after_s: 30 })]);

    clock.advance(20_000);
    await h.postCommand('4821');
    expect(await answer(5)).toContain('Event 4821');
    expect(h.esb.requests).toHaveLength(3);
  });
});
