import { successResponse, type DemoResponse } from './envelope';
import type { ServerClock } from './server-clock';

/**
 * Demo event 1: the API sheet's own example (docs/bk-monitor-api.md, "The API
 * sheet's example"; also test/fixtures/bk/sheet-example-event-1.json), records
 * verbatim, including its quirks: `extend_info` "" on CREATE and an empty
 * `action`; only the sheet's create_time (2020-01-01) is moved to a few
 * minutes ago, so a newcomer's first look is not an event open for years.
 */
export const SHEET_EXAMPLE_ID = '1';

const SHEET_RECORDS = [
  {
    status: 'SUCCESS',
    event_id: 'd751713988987e9331980363e24189ce.1574439660.88.118.1',
    message: '',
    operate: 'CREATE',
    extend_info: '',
    create_time: '2020-01-01 00:00:00',
  },
  {
    status: 'FAILED',
    event_id: 'd751713988987e9331980363e24189ce.1574439660.88.118.1',
    message: '通知人为空',
    operate: 'ANOMALY_NOTICE',
    extend_info: {
      action: {},
    },
    create_time: '2020-01-01 00:00:00',
  },
];

/** The sheet example's response body; independent of the server zone. */
export function sheetExampleResponse(clock: ServerClock, nowSec: number): DemoResponse {
  const createTime = clock(Math.floor(nowSec / 60) * 60 - 7 * 60);
  const records = SHEET_RECORDS.map((record) => ({ ...record, create_time: createTime }));
  return successResponse(records, { code: 0, requestId: 'c0ffee00d751713988987e9331980363' });
}
