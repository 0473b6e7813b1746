import { MemoryStore } from '../../src/store/memory-store';
import { createStoreWatchStore } from '../../src/watch/store-watch-store';
import type { WatchRecord } from '../../src/watch/watch-record';
import { OPEN_SNAPSHOT } from './watch-fixtures';


const watchOf = (key: string, eventId: string): WatchRecord => ({
  key,
  eventId,
  teamId: 'T1',
  channel: 'C1',
  messageTs: '1700000000.000100',
  threadTs: '1700000000.000100',
  variant: 'full',
  startedBy: 'U1',
  startedAtMs: 1_000,
  snapshot: OPEN_SNAPSHOT,
  updatedAtMs: 1_000,
  nextPollAtMs: 61_000,
  failures: 0,
});

describe('the store of watches, listed on every pass', () => {
  it('gives the same record again while its stored text is unchanged, and a new one once it changes', async () => {
    const store = new MemoryStore();
    const watches = createStoreWatchStore(store);
    await watches.add(watchOf('C1:1', '1'), 10);
    await watches.add(watchOf('C1:2', '2'), 10);
    const first = await watches.list();
    const second = await watches.list();
    expect(second.map((w) => w.key)).toEqual(['C1:1', 'C1:2']);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);

    await watches.update({ ...first[1], failures: 2, nextPollAtMs: 90_000 });
    const third = await watches.list();
    expect(third[0]).toBe(first[0]);
    expect(third[1]).not.toBe(first[1]);
    expect(third[1]).toMatchObject({ key: 'C1:2', failures: 2, nextPollAtMs: 90_000 });
    // A poll reads its watch again before acting: the same record while unchanged.
    expect(await watches.get('C1:1')).toBe(first[0]);
    expect(await watches.get('C1:2')).toBe(third[1]);
  });

  it('shares only frozen records, so a caller cannot change what the next pass is given', async () => {
    const watches = createStoreWatchStore(new MemoryStore());
    await watches.add(watchOf('C1:1', '1'), 10);
    const [listed] = await watches.list();
    expect(Object.isFrozen(listed)).toBe(true);
    expect(Object.isFrozen(listed.snapshot)).toBe(true);
  });

  it('still removes a damaged record, and forgets a removed watch', async () => {
    const store = new MemoryStore();
    const warnings: string[] = [];
    const watches = createStoreWatchStore(store, { warn: (message) => void warnings.push(message) });
    await watches.add(watchOf('C1:1', '1'), 10);
    await watches.add(watchOf('C1:2', '2'), 10);
    await watches.list();
    await store.hashSet('watch:all', 'C1:1', '{"key":"C1:1"');
    await watches.remove('C1:2');
    expect(await watches.list()).toEqual([]);
    expect(warnings).toEqual(['watch.bad_record']);
    expect(await store.hashGet('watch:all', 'C1:1')).toBeNull();
  });
});
