import { startDeadline } from '../../src/bk/deadline';

describe('startDeadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('aborts with reason timeout when the time is up', () => {
    const d = startDeadline(1000);
    jest.advanceTimersByTime(999);
    expect([d.signal.aborted, d.reason()]).toEqual([false, null]);
    jest.advanceTimersByTime(1);
    expect([d.signal.aborted, d.reason()]).toEqual([true, 'timeout']);
  });

  it("aborts with reason cancelled when the caller's signal aborts, before or during the call", () => {
    const caller = new AbortController();
    const d = startDeadline(1000, caller.signal);
    caller.abort();
    expect([d.signal.aborted, d.reason()]).toEqual([true, 'cancelled']);
    expect(startDeadline(1000, AbortSignal.abort()).reason()).toBe('cancelled');
  });

  it("aborts with reason timeout when the caller's own deadline passes (the lookup's, shared by all its calls)", () => {
    const lookup = new AbortController();
    const d = startDeadline(1000, lookup.signal);
    lookup.abort(new DOMException('lookup deadline', 'TimeoutError'));
    expect([d.signal.aborted, d.reason()]).toEqual([true, 'timeout']);
    expect(startDeadline(1000, AbortSignal.abort(new DOMException('x', 'TimeoutError'))).reason()).toBe('timeout');
  });

  it('keeps the first reason', () => {
    const d = startDeadline(1000);
    d.stop('connection_reset');
    jest.advanceTimersByTime(1000);
    expect(d.reason()).toBe('connection_reset');
  });

  it('aborts without a reason on abort(), and a later stop does not invent one', () => {
    const d = startDeadline(1000);
    d.abort();
    d.stop('connection_reset');
    expect([d.signal.aborted, d.reason()]).toEqual([true, null]);
  });

  it('stops the timer and detaches from the caller on dispose', () => {
    const caller = new AbortController();
    const d = startDeadline(1000, caller.signal);
    d.dispose();
    caller.abort();
    jest.advanceTimersByTime(2000);
    expect([d.signal.aborted, d.reason()]).toEqual([false, null]);
  });
});
