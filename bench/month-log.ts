import { successResponse } from '../src/console/demo/envelope';
import { createOldEventLog, noticeAction, SRE_ON_CALL, type OldRecord } from '../src/console/demo/old-generation';
import { createServerClock } from '../src/console/demo/server-clock';
import { BENCH_REQUEST_ID, BENCH_ZONE } from './bench-log';

/**
 * A zombie alert (issue 23): an old-generation event nobody closes, whose
 * strategy converges every minute and notifies every hour, for as long as
 * `count` records take (45,000 ≈ a month, about 10 MB). Fixed arithmetic, so
 * every run measures the same bytes. Every 13th notice fails, every 29th is
 * partly sent: the answer must put those on top, whatever the log's length.
 */

/** 2024-04-01 00:00:00 Asia/Shanghai. */
const START = 1_711_900_800;
const MINUTE = 60;
const NOTICE_EVERY = 60;
const HASH = '7a11e9d2c4b6f8a0e1d3c5b7a9f0e2d4';
const EVENT_ID = `${HASH}.${START}.37.8.2`;

/** `count` records (at least 2), oldest first: CREATE, then a CONVERGE a minute and an ANOMALY_NOTICE an hour. */
export function monthLongRecords(count: number): OldRecord[] {
  if (!Number.isInteger(count) || count < 2) throw new RangeError('a month-long log needs at least 2 records');
  const clock = createServerClock(BENCH_ZONE);
  const log = createOldEventLog(EVENT_ID, clock);
  const action = noticeAction([SRE_ON_CALL], 60);
  log.add(START, 'CREATE', 'SUCCESS', '[主机 10.0.7.21] 进程 nginx 不存在', {});
  let notices = 0;
  for (let minute = 1; minute < count; minute++) {
    const when = START + minute * MINUTE;
    if (minute % NOTICE_EVERY === 0) {
      notices++;
      log.add(when, 'ANOMALY_NOTICE', ...outcome(notices), { action, anomaly_id: `${HASH}.${when}.37.8.2` });
    } else {
      log.add(when, 'CONVERGE', 'SUCCESS', '', {
        process_time: { min: when - 30, max: when },
        data_time: { min: when - MINUTE, max: when - MINUTE },
        anomaly_count: 1,
      });
    }
  }
  return log.records();
}

/** The ESB's answer body for a `count`-record month-long log. */
export function monthLongEsbBody(count: number): string {
  return successResponse(monthLongRecords(count), { code: 0, requestId: BENCH_REQUEST_ID }).body;
}

function outcome(n: number): [status: string, message: string] {
  if (n % 13 === 5) return ['FAILED', '通知人为空'];
  if (n % 29 === 11) return ['PARTIAL_SUCCESS', 'weixin 发送失败'];
  return ['SUCCESS', '通知发送成功'];
}
