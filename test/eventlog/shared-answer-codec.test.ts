import { decodeSharedAnswer, encodeSharedAnswer } from '../../src/eventlog/shared-answer-codec';
import { summarizeDeliveries } from '../../src/eventlog/deliveries';
import { LookupError } from '../../src/eventlog/lookup-error';
import type { EventLog } from '../../src/eventlog/record';
import type { Fetched } from '../../src/eventlog/upstream-gate';
import { parseSearchActionResponse } from '../../src/bk/search-action';
import { searchActionAnswer, sixDeliveries } from '../fixtures/bk/search-action';

/** An answer kept in the shared store (Redis) must come back with its per-receiver results, or not at all. */

const LOG: EventLog = { id: '164239028644167', entries: [], generation: 'new', requestId: 'req-1' };

async function roundTrip(fetched: Fetched): Promise<Fetched | undefined> {
  return (await decodeSharedAnswer(await encodeSharedAnswer({ token: 't', freshUntil: 1, fetched })))?.fetched;
}

describe('the shared answer codec', () => {
  it('keeps the per-receiver report of an ok answer', async () => {
    const list = parseSearchActionResponse({ httpStatus: 200, headers: { get: () => null }, body: searchActionAnswer(sixDeliveries()) });
    const fetched: Fetched = { kind: 'ok', log: LOG, deliveries: { kind: 'present', report: summarizeDeliveries(list) } };
    expect(await roundTrip(fetched)).toEqual(fetched);
  });

  it('keeps why there is none, a failed search_action coming back as the LookupError it was', async () => {
    const error = new LookupError({ kind: 'app_permission', code: '1306403', requestId: 'req-2' });
    const back = await roundTrip({ kind: 'ok', log: LOG, deliveries: { kind: 'absent', absence: { kind: 'failed', error } } });
    expect(back?.kind === 'ok' && back.deliveries.kind === 'absent' && back.deliveries.absence).toEqual({ kind: 'failed', error });
    expect(back?.kind === 'ok' && back.deliveries.kind === 'absent' && back.deliveries.absence.kind === 'failed' && back.deliveries.absence.error).toBeInstanceOf(LookupError);
    expect(await roundTrip({ kind: 'ok', log: LOG, deliveries: { kind: 'absent', absence: { kind: 'off' } } })).toMatchObject({ deliveries: { absence: { kind: 'off' } } });
  });
});
