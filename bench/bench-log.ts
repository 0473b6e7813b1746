import { successResponse } from '../src/console/demo/envelope';
import { anomalyPoint, convergeInfo, createOldEventLog, noticeAction, SRE_ON_CALL, type OldRecord } from '../src/console/demo/old-generation';
import { createServerClock } from '../src/console/demo/server-clock';

/**
 * The event logs the benchmark serves and renders: old-generation records of
 * any length, built by fixed arithmetic with the demo builders, so every run
 * measures the same bytes. Realistic mix: CREATE, rounds of CONVERGE and
 * ANOMALY_NOTICE (a few failed or partly sent), one ACK, then RECOVER,
 * RECOVERY_NOTICE and CLOSE.
 */

/** Zone the stand-in Monitor server writes `create_time` in (the app's default BK_TIMEZONE). */
export const BENCH_ZONE = 'Asia/Shanghai';
/** The ESB `request_id` of every bench answer; a rendered log shows it in its footer. */
export const BENCH_REQUEST_ID = 'b3e1c5a7d9f24b6c8e0a1c3e5b7d9f20';

/** 2024-05-06 09:00:00 Asia/Shanghai. */
const START = 1_714_957_200;
const STEP_SEC = 150;
const HASH = 'c0ffee5a77b2d4e6f0a9c3b5d7e1f2a4';
const EVENT_ID = `${HASH}.${START}.21.4.1`;
const HOST = { bk_target_ip: '10.0.3.9', bk_target_cloud_id: '0' };
/** CREATE plus RECOVER, RECOVERY_NOTICE and CLOSE around the middle part. */
const FRAME_RECORDS = 4;

/** `count` old-generation records (at least 5), oldest first. */
export function benchRecords(count: number): OldRecord[] {
  if (!Number.isInteger(count) || count <= FRAME_RECORDS) throw new RangeError(`a bench log needs more than ${FRAME_RECORDS} records`);
  const clock = createServerClock(BENCH_ZONE);
  const log = createOldEventLog(EVENT_ID, clock);
  const action = noticeAction([SRE_ON_CALL], 5);
  const middle = count - FRAME_RECORDS;
  const ackAt = Math.floor(middle / 2);
  const at = (step: number): number => START + step * STEP_SEC;

  log.add(at(0), 'CREATE', 'SUCCESS', '[主机 10.0.3.9] 磁盘使用率 >= 90.0%，当前值 93.1%', {});
  for (let i = 0; i < middle; i++) {
    const when = at(i + 1);
    if (i === ackAt) log.add(when, 'ACK', '', '', { message: '扩容中，先确认' });
    else if (i % 2 === 0) log.add(when, 'CONVERGE', 'SUCCESS', '', convergence(when, 1 + (i % 7), clock));
    else log.add(when, 'ANOMALY_NOTICE', ...noticeOutcome(i), { action, anomaly_id: `${HASH}.${when}.21.4.1` });
  }
  const end = at(middle + 1);
  log.add(end, 'RECOVER', 'SUCCESS', '连续 5 个周期不满足触发条件，告警已恢复', {});
  log.add(end + 2, 'RECOVERY_NOTICE', 'SUCCESS', '通知发送成功', { action, anomaly_id: `${HASH}.${end}.21.4.1` });
  log.add(end + 3, 'CLOSE', 'SUCCESS', '告警已恢复，事件已关闭', {});
  return log.records();
}

/** The ESB's answer body (code 0, as the ESB sends it) for a `count`-record log. */
export function benchEsbBody(count: number): string {
  return successResponse(benchRecords(count), { code: 0, requestId: BENCH_REQUEST_ID }).body;
}

function convergence(whenSec: number, anomalies: number, clock: (sec: number) => string): Record<string, unknown> {
  return convergeInfo({
    dataMin: whenSec - STEP_SEC,
    dataMax: whenSec - 60,
    processMin: whenSec - STEP_SEC + 30,
    processMax: whenSec,
    count: anomalies,
    anomalyRecord: anomalyPoint({
      anomalyId: `${HASH}.${whenSec}.21.4.1`,
      timeSec: whenSec - 60,
      value: 93.1,
      message: 'avg(磁盘使用率) >= 90.0%, 当前值93.1%',
      dimensions: HOST,
      clock,
    }),
  });
}

/** Status and message of the i-th notice: a few fail or partly fail, on a fixed rhythm. */
function noticeOutcome(i: number): [status: string, message: string] {
  if (i % 13 === 5) return ['FAILED', '通知人为空'];
  if (i % 29 === 11) return ['PARTIAL_SUCCESS', 'sms 发送失败'];
  return ['SUCCESS', '通知发送成功'];
}
