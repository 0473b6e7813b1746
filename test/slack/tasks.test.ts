import { setImmediate as nextTurn } from 'node:timers/promises';
import { TaskTracker } from '../../src/slack/tasks';

describe('TaskTracker', () => {
  it('starts work in a later event-loop turn, so acks of requests read together go out first', async () => {
    const tasks = new TaskTracker(() => undefined);
    const started: string[] = [];
    tasks.run(async () => {
      started.push('a');
    });
    tasks.run(async () => {
      started.push('b');
    });
    // Not now, nor once the current turn's promises have settled.
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual([]);
    // In the next turn, in order.
    await nextTurn();
    await nextTurn();
    expect(started).toEqual(['a', 'b']);
    expect(await tasks.drain(1_000)).toBe(true);
  });

  it('reports a failure instead of throwing it', async () => {
    const failures: unknown[] = [];
    const tasks = new TaskTracker((err) => failures.push(err));
    tasks.run(async () => {
      throw new Error('boom');
    });
    expect(await tasks.drain(1_000)).toBe(true);
    expect(failures).toEqual([new Error('boom')]);
  });
});
