import { createHeldWatches } from '../../src/watch/held-watches';
import type { WatchRecord } from '../../src/watch/watch-record';

/** Held watches against a store whose generation the test sets: lost ones come back, ended ones are forgotten. */

const watch = (key: string): WatchRecord => ({ key } as Partial<WatchRecord> as WatchRecord);

describe('createHeldWatches', () => {
  it('gives back the held watches a store lost (new generation), and forgets those ended while it kept its contents', async () => {
    let generation = 'g1';
    const held = createHeldWatches({ generation: async () => generation });
    held.hold(watch('C1/1'));
    held.hold(watch('C1/2'));
    expect(await held.lost([watch('C1/1'), watch('C1/2')])).toEqual([]);
    // C1/2 ended elsewhere; the store kept its contents: forgotten, not written back.
    expect(await held.lost([watch('C1/1')])).toEqual([]);
    generation = 'g2';
    expect((await held.lost([])).map((w) => w.key)).toEqual(['C1/1']);
    held.drop('C1/1');
    generation = 'g3';
    expect(await held.lost([])).toEqual([]);
  });
});
