import { fetchLogWithDeliveries } from '../../src/eventlog/service/fetch-with-deliveries';
import { LookupError } from '../../src/eventlog/model/lookup-error';
import type { EventLogSource } from '../../src/eventlog/model/source';
import { summarize } from '../../src/eventlog/summary/summarize';
import type { EventSummary } from '../../src/eventlog/summary/summarize-types';

/** A demo event summarized as a lookup does it (per-receiver results for new-generation alerts), or the LookupError it fails with. */
export async function fetchDemoSummary(source: EventLogSource, id: string, nowMs: number): Promise<EventSummary | LookupError> {
  try {
    const { log, deliveries, alert } = await fetchLogWithDeliveries(source, id, { username: null }, { noticeResults: 'auto', alertContext: 'auto' });
    return summarize(log, nowMs, deliveries, alert);
  } catch (err) {
    if (err instanceof LookupError) return err;
    throw err;
  }
}
