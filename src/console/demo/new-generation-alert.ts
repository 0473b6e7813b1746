import { successResponse, type DemoResponse } from './envelope';
import type { ServerClock } from './server-clock';

/**
 * Demo alert 164239028644167 (new generation, Monitor 3.6+): the ID's first
 * 10 digits are the Unix time the alert began. Records come newest first,
 * `event_id` is the alert ID as a JSON number, status is always SUCCESS,
 * extend_info always {}, and the human text is in `message`.
 */
export const NEW_GENERATION_ALERT_ID = '164239028644167';

/** 2022-01-17 11:31:26 Asia/Shanghai, read from the ID itself. */
const START = Number(NEW_GENERATION_ALERT_ID.slice(0, 10));
const MIN = 60;

/** [seconds after START, operate, message], oldest first. */
const STORY: ReadonlyArray<readonly [offsetSec: number, operate: string, message: string]> = [
  [0, 'CREATE', 'avg(CPU使用率) >= 90.0%, 当前值93.5%, 达到了触发告警条件（5周期内满足1次检测算法）'],
  [3, 'ACTION', '处理套餐【默认通知】执行成功：告警通知已发送 企业微信(admin, lisi)、邮件(admin)'],
  [14 * MIN, 'CONVERGE', 'avg(CPU使用率) >= 90.0%, 当前值96.1%'],
  [15 * MIN, 'SEVERITY_UP', '收到了更高级别的事件，告警级别上升为：致命'],
  [15 * MIN + 4, 'ACTION', '处理套餐【默认通知】执行成功：告警升级通知已发送 企业微信(admin, lisi)'],
  // Status stays SUCCESS in the new generation; only the text says the phone call failed.
  [15 * MIN + 5, 'ACTION', '发送电话告警通知给lisi失败：语音网关超时'],
  [16 * MIN, 'ALERT_QOS', '告警通知频率超过流控阈值，本次通知未发送'],
  [21 * MIN, 'ACK', 'admin确认了该告警事件并备注：,已扩容 2 台实例，观察中'],
  [38 * MIN, 'RECOVERING', '连续 5 个周期不满足触发条件，告警恢复中（延时恢复窗口 5 分钟）'],
  [43 * MIN, 'RECOVER', 'avg(CPU使用率) < 90.0%, 当前值41.7%，告警已恢复'],
  [43 * MIN + 1, 'SYSTEM_CLOSE', '长时间未收到新的异常事件，系统关闭告警'],
];

/** The alert's records, newest first as the new generation sends them. */
export function newGenerationAlertRecords(clock: ServerClock): unknown[] {
  const alertId = Number(NEW_GENERATION_ALERT_ID); // < 2^53, so the number is exact
  return STORY.map(([offsetSec, operate, message]) => ({
    status: 'SUCCESS',
    event_id: alertId,
    message,
    operate,
    extend_info: {},
    create_time: clock(START + offsetSec),
  })).reverse();
}

/** The ESB body for alert 164239028644167 (newer Monitor answers with code 200). */
export function newGenerationAlertResponse(clock: ServerClock): DemoResponse {
  return successResponse(newGenerationAlertRecords(clock), { code: 200, requestId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' });
}
