import type { WatchRecord } from './watch-record';
import type { WatchStore } from './watch-store';

/**
 * What this replica keeps of the watches it holds (their lease), so that a
 * store which loses its contents (Redis restarted empty, or flushed) gets them
 * back from the replicas that were polling them.
 */
export interface HeldWatches {
  hold(watch: WatchRecord): void;
  drop(key: string): void;
  /**
   * Given the store's list, the held watches it lost (to write back); held watches missing from it while
   * the store kept its contents were ended elsewhere, and are forgotten.
   */
  lost(listed: readonly WatchRecord[]): Promise<WatchRecord[]>;
}

export function createHeldWatches(store: Pick<WatchStore, 'generation'>): HeldWatches {
  const held = new Map<string, WatchRecord>();
  let generation: string | null = null;
  return {
    hold: (watch) => {
      held.set(watch.key, watch);
    },
    drop: (key) => {
      held.delete(key);
    },
    lost: async (listed) => {
      // Read after the list: a loss between the two shows as a new generation, never as watches ended.
      const current = await store.generation();
      const contentsLost = generation !== null && current !== generation;
      generation = current;
      const present = new Set(listed.map((watch) => watch.key));
      const missing = [...held.values()].filter((watch) => !present.has(watch.key));
      if (contentsLost) return missing;
      for (const watch of missing) held.delete(watch.key);
      return [];
    },
  };
}
