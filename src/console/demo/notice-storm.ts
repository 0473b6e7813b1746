import { successResponse, type DemoResponse } from './envelope';
import { anomalyPoint, BIZ_MAINTAINERS, convergeInfo, createOldEventLog, noticeAction, SRE_ON_CALL, type OldRecord } from './old-generation';
import type { ServerClock } from './server-clock';

/**
 * Demo event 5310 (old generation): a CPU alert whose notices storm and fail.
 * The on-call rota resolves to nobody, so most anomaly notices fail with
 * 通知人为空; one goes out only partly (mail fails), one is still running, a
 * maintenance shield swallows one; then the ack, recovery and close.
 */
export const NOTICE_STORM_ID = '5310';

/** 2024-03-12 10:38:00 Asia/Shanghai, when the first anomaly was detected. */
const START = 1_710_211_080;
const MIN = 60;
const HASH = '8c1f0e5a77b2d4e6f0a9c3b5d7e1f2a4';
const EVENT_ID = `${HASH}.${START}.12.7.1`;
const HOST = { bk_target_ip: '10.0.1.23', bk_target_cloud_id: '0' };
/** The misconfiguration behind the storm: re-notify every minute. */
const ALARM_INTERVAL_MIN = 1;
const ACTION = noticeAction([SRE_ON_CALL, BIZ_MAINTAINERS], ALARM_INTERVAL_MIN);

/** Minutes after START of each convergence round, with the anomalies it folded in (52 in all). */
const CONVERGE_ROUNDS: ReadonlyArray<readonly [minute: number, count: number]> = [
  [2, 3],
  [7, 6],
  [12, 9],
  [17, 8],
  [22, 10],
  [32, 7],
  [42, 5],
  [51, 4],
];

/** The event's records, oldest first. */
export function noticeStormRecords(clock: ServerClock): OldRecord[] {
  const log = createOldEventLog(EVENT_ID, clock);
  const at = (minute: number, second = 0) => START + minute * MIN + second;
  const anomalyId = (minute: number) => `${HASH}.${at(minute)}.12.7.1`;
  const notice = (minute: number, status: string, message: string, extra: Record<string, unknown> = {}) =>
    log.add(at(minute, 5), 'ANOMALY_NOTICE', status, message, { action: ACTION, anomaly_id: anomalyId(minute), ...extra });

  log.add(at(0), 'CREATE', 'SUCCESS', '[主机 10.0.1.23] CPU总使用率 avg(usage) >= 95.0%，当前值 97.3%', {});
  for (let minute = 2; minute <= 11; minute++) notice(minute, 'FAILED', '通知人为空', { empty_receiver: true });
  notice(12, 'PARTIAL_SUCCESS', 'mail 发送失败');
  for (let minute = 13; minute <= 20; minute++) notice(minute, 'FAILED', '通知人为空', { empty_receiver: true });
  notice(21, 'RUNNING', '通知发送中');
  notice(22, 'SHIELDED', '告警已被屏蔽，不发送通知', { shield: { type: 'scope', detail: '业务维护屏蔽' } });
  // Old-generation acks keep the note in extend_info and leave status and message empty.
  log.add(at(27), 'ACK', '', '', { message: '正在回滚 2.3 版本发布' });

  // Each round: the data points since the last round, processed a little after they were taken.
  let dataFrom = at(0);
  for (const [minute, count] of CONVERGE_ROUNDS) {
    const processedAt = at(minute);
    const dataTo = processedAt - MIN;
    const info = convergeInfo({
      dataMin: dataFrom,
      dataMax: dataTo,
      processMin: dataFrom + 90,
      processMax: processedAt,
      count,
      anomalyRecord: anomalyPoint({
        anomalyId: anomalyId(minute),
        timeSec: dataTo,
        value: 96.8,
        message: 'avg(CPU总使用率) >= 95.0%, 当前值96.8%',
        dimensions: HOST,
        clock,
      }),
    });
    log.add(processedAt, 'CONVERGE', 'SUCCESS', '', info);
    dataFrom = dataTo;
  }

  log.add(at(53), 'RECOVER', 'SUCCESS', '连续 5 个周期不满足触发条件，告警已恢复', {});
  log.add(at(53, 2), 'RECOVERY_NOTICE', 'SUCCESS', '通知发送成功', { action: ACTION, anomaly_id: anomalyId(51) });
  log.add(at(53, 3), 'CLOSE', 'SUCCESS', '告警已恢复，事件已关闭', {});
  return log.records();
}

/** The ESB body for event 5310. */
export function noticeStormResponse(clock: ServerClock): DemoResponse {
  return successResponse(noticeStormRecords(clock), { code: 0, requestId: '4b1e2a90c7d34f5e8a6b9c0d1e2f3a4b' });
}
