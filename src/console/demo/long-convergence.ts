import { successResponse, type DemoResponse } from './envelope';
import { anomalyPoint, BIZ_MAINTAINERS, convergeInfo, createOldEventLog, noticeAction, type OldRecord } from './old-generation';
import type { ServerClock } from './server-clock';

/**
 * Demo event 4821 (old generation): a disk-IO alert that kept firing for six
 * hours. Forty-five convergence rounds fold hundreds of anomalies; notices go
 * out every two hours as configured; then it recovers and closes.
 */
export const LONG_CONVERGENCE_ID = '4821';

/** 2024-05-20 02:00:00 Asia/Shanghai. */
const START = 1_716_141_600;
const MIN = 60;
const HASH = '5e0b9f3c1a7d4e2b8c6f0a1d3e5b7c9f';
const EVENT_ID = `${HASH}.${START}.31.44.2`;
const ROUNDS = 45;
const ROUND_MIN = 8;
const ALARM_INTERVAL_MIN = 120;
const DIMENSIONS = { bk_target_ip: '10.0.3.8', bk_target_cloud_id: '0', device_name: 'vdb' };

/**
 * Anomalies folded into a round: a fixed, uneven pattern (5 to 21 per round)
 * so the total (576) is known without randomness.
 */
function longConvergenceRoundCount(round: number): number {
  return 5 + ((round * 7) % 17);
}

/** The event's records, oldest first. */
export function longConvergenceRecords(clock: ServerClock): OldRecord[] {
  const log = createOldEventLog(EVENT_ID, clock);
  const action = noticeAction([BIZ_MAINTAINERS], ALARM_INTERVAL_MIN);
  const anomalyId = (sec: number) => `${HASH}.${sec}.31.44.2`;

  log.add(START, 'CREATE', 'SUCCESS', '[主机 10.0.3.8] 磁盘IO使用率(vdb) avg(util) >= 90%，当前值 98.2%', {});
  for (let hour = 0; hour < 6; hour += ALARM_INTERVAL_MIN / 60) {
    const sentAt = START + hour * 60 * MIN + 65;
    log.add(sentAt, 'ANOMALY_NOTICE', 'SUCCESS', '通知发送成功', { action, anomaly_id: anomalyId(START + hour * 60 * MIN) });
  }

  let dataFrom = START;
  for (let round = 0; round < ROUNDS; round++) {
    const dataTo = START + (round + 1) * ROUND_MIN * MIN;
    // Processing lags the data by one to two minutes, as the detection queue does under load.
    const processMin = dataFrom + 60 + (round % 3) * 20;
    const processMax = dataTo + 90 + (round % 4) * 10;
    const info = convergeInfo({
      dataMin: dataFrom,
      dataMax: dataTo,
      processMin,
      processMax,
      count: longConvergenceRoundCount(round),
      anomalyRecord: anomalyPoint({
        anomalyId: anomalyId(dataTo),
        timeSec: dataTo,
        value: 91 + (round % 9),
        message: `avg(磁盘IO使用率) >= 90%, 当前值${91 + (round % 9)}%`,
        dimensions: DIMENSIONS,
        clock,
      }),
    });
    log.add(processMax, 'CONVERGE', 'SUCCESS', '', info);
    dataFrom = dataTo;
  }

  const recoveredAt = START + ROUNDS * ROUND_MIN * MIN + 10 * MIN;
  log.add(recoveredAt, 'RECOVER', 'SUCCESS', '连续 5 个周期不满足触发条件，告警已恢复', {});
  log.add(recoveredAt + 3, 'RECOVERY_NOTICE', 'SUCCESS', '通知发送成功', { action, anomaly_id: anomalyId(dataFrom) });
  log.add(recoveredAt + 4, 'CLOSE', 'SUCCESS', '告警已恢复，事件已关闭', {});
  return log.records();
}

/** The ESB body for event 4821. */
export function longConvergenceResponse(clock: ServerClock): DemoResponse {
  return successResponse(longConvergenceRecords(clock), { code: 0, requestId: '9d2c4e6f8a0b1c3d5e7f9a1b3c5d7e9f' });
}
