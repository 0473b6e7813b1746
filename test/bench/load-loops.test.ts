import { closedLoop, closedLoopCount, openLoop } from '../../bench/load-loops';

describe('load shapes', () => {
  it('open loop fires rate × duration calls, numbered in order, without waiting for earlier ones', async () => {
    const fired: number[] = [];
    const unfinished: Array<() => void> = [];
    let finished = false;
    const run = openLoop(1000, 20, (i) => {
      fired.push(i);
      // The first call only finishes once all have been fired: an open loop must not wait for it.
      return i === 0 ? new Promise<void>((resolve) => unfinished.push(resolve)) : Promise.resolve();
    });
    void run.then(() => {
      finished = true;
    });
    while (fired.length < 20) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(fired).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(finished).toBe(false);
    unfinished.forEach((resolve) => resolve());
    await run;
  });

  it('closed loop keeps at most `concurrency` calls open and counts the ones that failed apart', async () => {
    let open = 0;
    let mostOpen = 0;
    let calls = 0;
    const result = await closedLoop(3, 30, async () => {
      const call = ++calls;
      open++;
      mostOpen = Math.max(mostOpen, open);
      await new Promise((resolve) => setTimeout(resolve, 2));
      open--;
      if (call % 4 === 0) throw new Error('wrong answer');
    });
    expect(mostOpen).toBe(3);
    expect(result.failed).toBe(Math.floor(calls / 4));
    expect(result.completed).toBeLessThanOrEqual(calls - result.failed);
  });

  it('counted closed loop runs exactly `total` calls, however many fail', async () => {
    let calls = 0;
    const result = await closedLoopCount(4, 25, async () => {
      const call = ++calls;
      await Promise.resolve();
      if (call % 5 === 0) throw new Error('failed');
    });
    expect(calls).toBe(25);
    expect(result.failed).toBe(5);
  });
});
