import type { FetchedLog } from '../../src/eventlog/answers/answer';
import type { EventLog } from '../../src/eventlog/model/record';
import { renderFetchedLog } from '../../src/render/event-log-message';
import { renderLogOn } from '../../src/render/log-surface';
import { lookForWatch } from '../../src/watch/watch-look';
import { watchLogs, type WatchLogWorkers } from '../../src/watch/watch-logs';
import { incidentAt, NOT_ASKED } from './watch-fixtures';

/** Where the watcher reads its logs: a raw one on the worker when there is one, never here; everything here without one. */

const SETTINGS = { lang: 'en' as const, timezone: 'Asia/Shanghai', monitorUrl: null };
const NOW_MS = Date.UTC(2024, 4, 7);
const VIEW = { variant: 'full' as const, page: 0, sharedBy: null, watch: { kind: 'live' as const, banner: '👁 Watching', key: 'C0CHANNEL/8001' } };
const WITH_MESSAGE = { view: VIEW, since: null };
const SNAPSHOT_ONLY = { view: null, since: null };

const parsed = incidentAt('notice_failed');
/** The same log kept raw; `reads` counts reads on this thread. */
function rawLog(): { log: EventLog; reads: () => number } {
  let reads = 0;
  const read = (): EventLog => {
    reads++;
    return parsed;
  };
  return { log: { ...parsed, entries: [], raw: { body: new Uint8Array(8), records: parsed.entries.length, read } }, reads: () => reads };
}

/** A worker stand-in that draws from the parsed log, and says what it was asked. */
function fakeWorker(): WatchLogWorkers & { asked: string[] } {
  const asked: string[] = [];
  const asParsed = (fetched: FetchedLog): FetchedLog => ({ ...fetched, log: parsed });
  return {
    asked,
    watchLook: async (fetched, settings, ask, nowMs) => {
      asked.push(`look ${ask.view ? 'with message' : 'snapshot only'}`);
      return lookForWatch(asParsed(fetched), settings, ask, nowMs);
    },
    render: async (fetched, settings, surface, nowMs) => {
      asked.push(`render ${surface.kind}`);
      return renderLogOn(asParsed(fetched), settings, surface, nowMs);
    },
  };
}

describe('watchLogs', () => {
  const expectedLook = lookForWatch({ log: parsed, deliveries: NOT_ASKED, alert: NOT_ASKED }, SETTINGS, WITH_MESSAGE, NOW_MS);

  it('with a worker: keeps a raw log raw, and looks at and draws it there, never reading it here', async () => {
    const worker = fakeWorker();
    const logs = watchLogs(SETTINGS, worker);
    const { log, reads } = rawLog();
    const kept: FetchedLog = { log: logs.keep(log), deliveries: NOT_ASKED, alert: NOT_ASKED };
    expect(kept.log).toBe(log);
    expect(await logs.look(kept, WITH_MESSAGE, NOW_MS)).toEqual(expectedLook);
    expect(await logs.look(kept, SNAPSHOT_ONLY, NOW_MS)).toEqual({ snapshot: expectedLook.snapshot, message: null });
    expect(await logs.render(kept, VIEW, NOW_MS)).toEqual(expectedLook.message);
    expect(worker.asked).toEqual(['look with message', 'look snapshot only', 'render message']);
    expect(reads()).toBe(0);
  });

  it('with a worker: an ordinary log is looked at and drawn here', async () => {
    const worker = fakeWorker();
    const logs = watchLogs(SETTINGS, worker);
    const fetched: FetchedLog = { log: parsed, deliveries: NOT_ASKED, alert: NOT_ASKED };
    expect(await logs.look(fetched, WITH_MESSAGE, NOW_MS)).toEqual(expectedLook);
    expect(await logs.render(fetched, VIEW, NOW_MS)).toEqual(renderFetchedLog(fetched, SETTINGS, VIEW, NOW_MS));
    expect(worker.asked).toEqual([]);
  });

  it('without a worker: a raw log is read here once, when kept, as before', async () => {
    const logs = watchLogs(SETTINGS);
    const { log, reads } = rawLog();
    const kept: FetchedLog = { log: logs.keep(log), deliveries: NOT_ASKED, alert: NOT_ASKED };
    expect(kept.log).toBe(parsed);
    expect(await logs.look(kept, WITH_MESSAGE, NOW_MS)).toEqual(expectedLook);
    expect(reads()).toBe(1);
  });
});
