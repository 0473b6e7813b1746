import { LookupError } from '../../../src/eventlog/model/lookup-error';
import type { ActionList } from '../../../src/eventlog/model/action-record';
import type { AlertContext } from '../../../src/eventlog/model/alert-context';
import { fetchLogWithDeliveries, type SideCallSettings } from '../../../src/eventlog/service/fetch-with-deliveries';
import type { EventLog } from '../../../src/eventlog/model/record';
import type { EventLogSource } from '../../../src/eventlog/model/source';
import { parseSearchAlertResponse } from '../../../src/bk/search-alert';
import { alertDocument, searchAlertAnswer } from '../../fixtures/bk/search-alert';

const ALERT = '164239028644167';
const asker = { username: 'lisi' };
const AUTO: SideCallSettings = { noticeResults: 'auto', alertContext: 'auto' };

function logOf(generation: EventLog['generation']): EventLog {
  return { id: ALERT, entries: [], generation, requestId: null };
}

const NO_ACTIONS: ActionList = { actions: [], total: 0, unreadable: 0, requestId: null };
const THE_ALERT = parseSearchAlertResponse({ httpStatus: 200, headers: { get: () => null }, body: searchAlertAnswer([alertDocument()]) }, ALERT) as AlertContext;
const NOT_ASKED = { kind: 'absent', absence: { kind: 'not_asked' } };

type Answer<T> = (signal?: AbortSignal) => Promise<T>;

/** A source whose three calls answer as told, recording what they were asked and whether the side calls were cancelled. */
function source(log: () => Promise<EventLog>, actions: Answer<ActionList>, alert: Answer<AlertContext | null> = async () => THE_ALERT) {
  const seen = { logCalls: 0, actionCalls: 0, alertCalls: 0, sideSignals: [] as Array<AbortSignal | undefined> };
  const s: EventLogSource = {
    fetchEventLog: () => {
      seen.logCalls += 1;
      return log();
    },
    fetchActions: (_id, identity, signal) => {
      expect(identity).toEqual(asker);
      seen.actionCalls += 1;
      seen.sideSignals.push(signal);
      return actions(signal);
    },
    fetchAlert: (_id, identity, signal) => {
      expect(identity).toEqual(asker);
      seen.alertCalls += 1;
      seen.sideSignals.push(signal);
      return alert(signal);
    },
  };
  return { s, seen };
}

/** A call that never answers until it is cancelled. */
const untilCancelled = <T>(signal?: AbortSignal): Promise<T> =>
  new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new LookupError({ kind: 'cancelled' }))));

describe('fetchLogWithDeliveries', () => {
  it('returns the log with the report and the alert when every call succeeds, each asked once', async () => {
    const { s, seen } = source(async () => logOf('new'), async () => NO_ACTIONS);
    const fetched = await fetchLogWithDeliveries(s, ALERT, asker, AUTO);
    expect(fetched.deliveries).toMatchObject({ kind: 'present', report: { counts: { attempted: 0 } } });
    expect(fetched.alert).toEqual({ kind: 'present', alert: THE_ALERT });
    expect(seen).toMatchObject({ logCalls: 1, actionCalls: 1, alertCalls: 1 });
  });

  it('keeps a working lookup working when a side call fails, saying why', async () => {
    const refused = new LookupError({ kind: 'app_permission', code: '1306403' });
    const { s } = source(async () => logOf('new'), () => Promise.reject(refused), () => Promise.reject(refused));
    const failed = { kind: 'absent', absence: { kind: 'failed', error: refused } };
    expect(await fetchLogWithDeliveries(s, ALERT, asker, AUTO)).toEqual({ log: logOf('new'), deliveries: failed, alert: failed });
  });

  it('says "not found" when search_alert finds no such alert in its window', async () => {
    const { s } = source(async () => logOf('new'), async () => NO_ACTIONS, async () => null);
    expect((await fetchLogWithDeliveries(s, ALERT, asker, AUTO)).alert).toEqual({ kind: 'absent', absence: { kind: 'not_found' } });
  });

  it('turns a bug while reading a side answer into an internal failure of that part only', async () => {
    const { s } = source(async () => logOf('new'), () => Promise.reject(new TypeError('x is undefined')), () => Promise.reject(new RangeError('y')));
    const fetched = await fetchLogWithDeliveries(s, ALERT, asker, AUTO);
    expect(fetched.deliveries).toMatchObject({ kind: 'absent', absence: { kind: 'failed', error: { kind: 'internal' } } });
    expect(fetched.alert).toMatchObject({ kind: 'absent', absence: { kind: 'failed', error: { kind: 'internal' } } });
  });

  it('fails with the event log’s own error and cancels both side calls when the log fails', async () => {
    const { s, seen } = source(() => Promise.reject(new LookupError({ kind: 'not_found', code: '3324002' })), untilCancelled, untilCancelled);
    await expect(fetchLogWithDeliveries(s, ALERT, asker, AUTO)).rejects.toMatchObject({ kind: 'not_found' });
    expect(seen.sideSignals.map((signal) => signal?.aborted)).toEqual([true, true]);
  });

  it('does not ask for short (old-generation) event IDs, nor with a setting off', async () => {
    const { s, seen } = source(async () => logOf('old'), async () => NO_ACTIONS);
    expect(await fetchLogWithDeliveries(s, '5310', asker, AUTO)).toMatchObject({ deliveries: NOT_ASKED, alert: NOT_ASKED });
    expect(seen).toMatchObject({ actionCalls: 0, alertCalls: 0 });
    const off = await fetchLogWithDeliveries(s, ALERT, asker, { noticeResults: 'off', alertContext: 'off' });
    expect(off).toMatchObject({ deliveries: { kind: 'absent', absence: { kind: 'off' } }, alert: { kind: 'absent', absence: { kind: 'off' } } });
    expect(seen).toMatchObject({ actionCalls: 0, alertCalls: 0 });
  });

  it('asks for the alert with per-receiver results off, and the other way round', async () => {
    const { s, seen } = source(async () => logOf('new'), async () => NO_ACTIONS);
    const alertOnly = await fetchLogWithDeliveries(s, ALERT, asker, { noticeResults: 'off', alertContext: 'auto' });
    expect(alertOnly).toMatchObject({ deliveries: { kind: 'absent', absence: { kind: 'off' } }, alert: { kind: 'present' } });
    const actionsOnly = await fetchLogWithDeliveries(s, ALERT, asker, { noticeResults: 'auto', alertContext: 'off' });
    expect(actionsOnly).toMatchObject({ deliveries: { kind: 'present' }, alert: { kind: 'absent', absence: { kind: 'off' } } });
    expect(seen).toMatchObject({ actionCalls: 1, alertCalls: 1 });
  });

  it('says "not asked" for a source that cannot look alerts up (the demo before it learnt to)', async () => {
    const plain: EventLogSource = { fetchEventLog: async () => logOf('new') };
    expect(await fetchLogWithDeliveries(plain, ALERT, asker, AUTO)).toEqual({ log: logOf('new'), deliveries: NOT_ASKED, alert: NOT_ASKED });
  });

  it('drops the side calls when the answer turns out old-generation after all', async () => {
    const { s, seen } = source(async () => logOf('old'), untilCancelled, untilCancelled);
    expect(await fetchLogWithDeliveries(s, ALERT, asker, AUTO)).toMatchObject({ deliveries: NOT_ASKED, alert: NOT_ASKED });
    expect(seen.sideSignals.map((signal) => signal?.aborted)).toEqual([true, true]);
  });
});
