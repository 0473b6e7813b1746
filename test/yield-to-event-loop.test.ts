import { yieldToEventLoop } from '../src/yield-to-event-loop';

describe('yieldToEventLoop', () => {
  it('lets waiters go on first come first served, one per event-loop turn, with other callbacks in between', async () => {
    const order: string[] = [];
    const waiters = ['a', 'b', 'c'].map((name) => yieldToEventLoop().then(() => order.push(name)));
    // Queued after the first waiter's turn: it runs before the second waiter, not after all of them.
    setImmediate(() => order.push('other'));
    await Promise.all(waiters);
    expect(order).toEqual(['a', 'other', 'b', 'c']);
  });

  it('starts again after the queue ran empty', async () => {
    await yieldToEventLoop();
    await Promise.all([yieldToEventLoop(), yieldToEventLoop()]);
    await expect(yieldToEventLoop()).resolves.toBeUndefined();
  });
});
