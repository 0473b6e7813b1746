import { Semaphore } from '../../../src/eventlog/service/semaphore';

describe('Semaphore', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('grants slots at once up to its limit and counts them in flight', async () => {
    const slots = new Semaphore(2, 10, 1000);
    expect(await slots.acquire()).toBe(true);
    expect(await slots.acquire()).toBe(true);
    expect(slots.inFlight).toBe(2);
  });

  it('makes the next caller wait until a slot is released, then hands that slot over', async () => {
    const slots = new Semaphore(1, 10, 1000);
    await slots.acquire();
    let granted: boolean | null = null;
    const waiting = slots.acquire().then((ok) => (granted = ok));
    await Promise.resolve();
    expect(granted).toBeNull();
    slots.release();
    await waiting;
    expect(granted).toBe(true);
    expect(slots.inFlight).toBe(1);
    slots.release();
    expect(slots.inFlight).toBe(0);
  });

  it('serves waiters in arrival order', async () => {
    const slots = new Semaphore(1, 10, 1000);
    await slots.acquire();
    const order: string[] = [];
    const first = slots.acquire().then(() => order.push('first'));
    const second = slots.acquire().then(() => order.push('second'));
    slots.release();
    await first;
    slots.release();
    await second;
    expect(order).toEqual(['first', 'second']);
  });

  it('turns a caller away at once when the wait queue is full', async () => {
    const slots = new Semaphore(1, 1, 1000);
    await slots.acquire();
    void slots.acquire();
    expect(await slots.acquire()).toBe(false);
  });

  it('turns a waiting caller away after maxWaitMs, and the slot then goes to the next waiter', async () => {
    jest.useFakeTimers();
    const slots = new Semaphore(1, 10, 500);
    await slots.acquire();
    const late = slots.acquire();
    jest.advanceTimersByTime(499);
    const next = slots.acquire();
    jest.advanceTimersByTime(1);
    expect(await late).toBe(false);
    slots.release();
    expect(await next).toBe(true);
    expect(slots.inFlight).toBe(1);
  });

  it('never counts below zero when released more often than acquired', () => {
    const slots = new Semaphore(1, 10, 1000);
    slots.release();
    expect(slots.inFlight).toBe(0);
  });
});
