import { LOG_WORKER_NICER_BY, lowerThisThreadPriority } from '../../src/offload/thread-priority';

/** The log workers run below the main thread's priority (where the system lets a thread say so). */
describe('lowerThisThreadPriority', () => {
  it("sets the calling thread's own ID 10 nice levels lower, never the process's", () => {
    const calls: Array<[number, number]> = [];
    expect(lowerThisThreadPriority({ threadId: () => 4242, getPriority: () => 0, setPriority: (id, prio) => calls.push([id, prio]) })).toBe(true);
    expect(calls).toEqual([[4242, LOG_WORKER_NICER_BY]]);
  });

  it('stops at the lowest priority there is (nice 19)', () => {
    const calls: number[] = [];
    lowerThisThreadPriority({ threadId: () => 4242, getPriority: () => 15, setPriority: (_id, prio) => calls.push(prio) });
    expect(calls).toEqual([19]);
  });

  it('does nothing where there is no thread ID (not Linux)', () => {
    const calls: number[] = [];
    expect(lowerThisThreadPriority({ threadId: () => null, getPriority: () => 0, setPriority: (id) => calls.push(id) })).toBe(false);
    expect(calls).toEqual([]);
  });

  it('carries on when the system refuses', () => {
    const refuse = (): void => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    };
    expect(lowerThisThreadPriority({ threadId: () => 4242, getPriority: () => 0, setPriority: refuse })).toBe(false);
  });
});
