import { LookupError } from '../../../src/eventlog/model/lookup-error';
import type { EventLog } from '../../../src/eventlog/model/record';
import { createUpstreamGate } from '../../../src/eventlog/service/upstream-gate';
import type { Fetched } from '../../../src/eventlog/answers/answer';
import { createLogger } from '../../../src/log';
import { MemoryStore } from '../../../src/store/memory-store';
import { manualClock } from '../../helpers/manual-clock';

/** The gate alone: the in-flight cap and BlueKing's rate-limit pause, with a hand-moved clock. */

const LOG: EventLog = { id: '5310', entries: [], generation: 'old', requestId: 'req-5310' };
const ok: Fetched = { kind: 'ok', log: LOG, deliveries: { kind: 'absent', absence: { kind: 'not_asked' } }, alert: { kind: 'absent', absence: { kind: 'not_asked' } } };

function gateWith(maxInFlight = 2, maxQueue = 0) {
  const clock = manualClock(1_700_000_000_000);
  const logs: string[] = [];
  const gate = createUpstreamGate({
    maxInFlight,
    maxQueue,
    maxWaitMs: 1000,
    store: new MemoryStore(clock.now),
    log: createLogger({ level: 'debug', secrets: [], write: (line) => logs.push(line) }),
  });
  return { gate, clock, logs };
}

const rateLimited = (retryAfterSec: number): Fetched => ({
  kind: 'failed',
  error: new LookupError({ kind: 'rate_limited', code: '1306429', upstreamMessage: 'too many requests', requestId: 'req-429', retryAfterSec }),
});

describe('createUpstreamGate', () => {
  it('runs a call and hands back its answer', async () => {
    const { gate } = gateWith();
    expect(await gate.pass(async () => ok)).toBe(ok);
    expect(gate.inFlight).toBe(0);
  });

  it('answers busy, without calling, when every slot is taken and no queue is allowed', async () => {
    const { gate } = gateWith(1, 0);
    let finish: (f: Fetched) => void = () => undefined;
    const first = gate.pass(() => new Promise<Fetched>((resolve) => (finish = resolve)));
    // The pause is read from the store first (asynchronously); let the first call take its slot.
    await new Promise((resolve) => setImmediate(resolve));
    const call = jest.fn(async () => ok);
    expect(await gate.pass(call)).toEqual({ kind: 'busy' });
    expect(call).not.toHaveBeenCalled();
    expect(gate.inFlight).toBe(1);
    finish(ok);
    await first;
    expect(gate.inFlight).toBe(0);
  });

  it('after a rate limit, answers with what BlueKing said and the time left, without calling, until the pause ends', async () => {
    const { gate, clock, logs } = gateWith();
    await gate.pass(async () => rateLimited(30));
    expect(logs.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['upstream.cooldown']);

    clock.advance(10_000);
    const call = jest.fn(async () => ok);
    const held = await gate.pass(call);
    expect(call).not.toHaveBeenCalled();
    expect(held.kind === 'failed' && held.error).toMatchObject({ kind: 'rate_limited', code: '1306429', upstreamMessage: 'too many requests', requestId: null, retryAfterSec: 20 });

    clock.advance(20_000);
    expect(await gate.pass(call)).toBe(ok);
  });

  it('passes other failures through without pausing', async () => {
    const { gate } = gateWith();
    const failed: Fetched = { kind: 'failed', error: new LookupError({ kind: 'timeout' }) };
    expect(await gate.pass(async () => failed)).toBe(failed);
    expect(await gate.pass(async () => ok)).toBe(ok);
  });

  it('pauses too when the search_action call beside a working log was rate limited, and still hands the log back', async () => {
    const { gate, clock } = gateWith();
    const error = new LookupError({ kind: 'rate_limited', code: '1642902', upstreamMessage: 'rate limit', retryAfterSec: 15 });
    const logWithLimitedActions: Fetched = { kind: 'ok', log: LOG, deliveries: { kind: 'absent', absence: { kind: 'failed', error } }, alert: { kind: 'absent', absence: { kind: 'not_asked' } } };
    expect(await gate.pass(async () => logWithLimitedActions)).toBe(logWithLimitedActions);

    clock.advance(5_000);
    const call = jest.fn(async () => ok);
    const held = await gate.pass(call);
    expect(call).not.toHaveBeenCalled();
    expect(held.kind === 'failed' && held.error).toMatchObject({ kind: 'rate_limited', code: '1642902', retryAfterSec: 10 });
  });

  it('pauses too when the search_alert call beside a working log was rate limited', async () => {
    const { gate, clock } = gateWith();
    const error = new LookupError({ kind: 'rate_limited', code: '1306429', retryAfterSec: 12 });
    const logWithLimitedAlert: Fetched = { kind: 'ok', log: LOG, deliveries: { kind: 'absent', absence: { kind: 'not_asked' } }, alert: { kind: 'absent', absence: { kind: 'failed', error } } };
    expect(await gate.pass(async () => logWithLimitedAlert)).toBe(logWithLimitedAlert);
    clock.advance(2_000);
    const call = jest.fn(async () => ok);
    expect(await gate.pass(call)).toMatchObject({ kind: 'failed', error: { kind: 'rate_limited', retryAfterSec: 10 } });
    expect(call).not.toHaveBeenCalled();
  });
});
