import { LookupError } from '../../../src/eventlog/model/lookup-error';
import type { ActionList } from '../../../src/eventlog/model/action-record';
import { fetchLogWithDeliveries } from '../../../src/eventlog/service/fetch-with-deliveries';
import type { EventLog } from '../../../src/eventlog/model/record';
import type { EventLogSource } from '../../../src/eventlog/model/source';

const ALERT = '164239028644167';
const asker = { username: 'lisi' };

function logOf(generation: EventLog['generation']): EventLog {
  return { id: ALERT, entries: [], generation, requestId: null };
}

const NO_ACTIONS: ActionList = { actions: [], total: 0, unreadable: 0, requestId: null };

/** A source whose two calls answer as told, recording what they were asked and whether the second was cancelled. */
function source(log: () => Promise<EventLog>, actions: (signal?: AbortSignal) => Promise<ActionList>) {
  const seen = { logCalls: 0, actionCalls: 0, actionSignals: [] as Array<AbortSignal | undefined> };
  const s: EventLogSource = {
    fetchEventLog: () => {
      seen.logCalls += 1;
      return log();
    },
    fetchActions: (_id, identity, signal) => {
      expect(identity).toEqual(asker);
      seen.actionCalls += 1;
      seen.actionSignals.push(signal);
      return actions(signal);
    },
  };
  return { s, seen };
}

describe('fetchLogWithDeliveries', () => {
  it('returns the log with the report when both calls succeed', async () => {
    const { s } = source(async () => logOf('new'), async () => NO_ACTIONS);
    const fetched = await fetchLogWithDeliveries(s, ALERT, asker, 'auto');
    expect(fetched.deliveries).toMatchObject({ kind: 'present', report: { counts: { attempted: 0 } } });
  });

  it('keeps a working lookup working when the second call fails, saying why', async () => {
    const refused = new LookupError({ kind: 'app_permission', code: '1306403' });
    const { s } = source(async () => logOf('new'), () => Promise.reject(refused));
    expect(await fetchLogWithDeliveries(s, ALERT, asker, 'auto')).toEqual({ log: logOf('new'), deliveries: { kind: 'absent', absence: { kind: 'failed', error: refused } } });
  });

  it('turns a bug while reading the second answer into an internal failure of that part only', async () => {
    const { s } = source(async () => logOf('new'), () => Promise.reject(new TypeError('x is undefined')));
    const fetched = await fetchLogWithDeliveries(s, ALERT, asker, 'auto');
    expect(fetched.deliveries).toMatchObject({ kind: 'absent', absence: { kind: 'failed', error: { kind: 'internal' } } });
  });

  it('fails with the event log’s own error and cancels the second call when the log fails', async () => {
    const { s, seen } = source(
      () => Promise.reject(new LookupError({ kind: 'not_found', code: '3324002' })),
      (signal) => new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new LookupError({ kind: 'cancelled' })))),
    );
    await expect(fetchLogWithDeliveries(s, ALERT, asker, 'auto')).rejects.toMatchObject({ kind: 'not_found' });
    expect(seen.actionSignals[0]?.aborted).toBe(true);
  });

  it('does not ask for short (old-generation) event IDs, nor with the setting off', async () => {
    const { s, seen } = source(async () => logOf('old'), async () => NO_ACTIONS);
    expect((await fetchLogWithDeliveries(s, '5310', asker, 'auto')).deliveries).toEqual({ kind: 'absent', absence: { kind: 'not_asked' } });
    expect((await fetchLogWithDeliveries(s, ALERT, asker, 'off')).deliveries).toEqual({ kind: 'absent', absence: { kind: 'off' } });
    expect(seen.actionCalls).toBe(0);
  });

  it('drops the second call when the answer turns out old-generation after all', async () => {
    const { s, seen } = source(async () => logOf('old'), (signal) => new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted')))));
    expect((await fetchLogWithDeliveries(s, ALERT, asker, 'auto')).deliveries).toEqual({ kind: 'absent', absence: { kind: 'not_asked' } });
    expect(seen.actionSignals[0]?.aborted).toBe(true);
  });
});
