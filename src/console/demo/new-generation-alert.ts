import { alertDocument, searchAlertResponse } from './alert-documents';
import { successResponse, type DemoResponse } from './envelope';
import type { ServerClock } from './server-clock';

/**
 * Demo alert 164239028644167 (new generation, Monitor 3.6+), written only
 * with the texts bk-monitor itself writes (docs/bk-monitor-api.md): the ID's
 * first 10 digits are the Unix time the alert began, records come newest
 * first, `event_id` is the alert ID as a JSON number, status is always
 * SUCCESS, extend_info always {}. A notice record only says it was
 * triggered: who was reached is in its search_action answer
 * (new-generation-actions.ts).
 */
export const NEW_GENERATION_ALERT_ID = '164239028644167';

/** 2022-01-17 11:31:26 Asia/Shanghai, read from the ID itself. */
export const NEW_GENERATION_START = Number(NEW_GENERATION_ALERT_ID.slice(0, 10));
const MIN = 60;

/** [seconds after start, operate, message], oldest first. */
export type Story = ReadonlyArray<readonly [offsetSec: number, operate: string, message: string]>;

const STORY: Story = [
  [0, 'CREATE', 'avg(CPU使用率) >= 90.0%, 当前值93.5%, 达到了触发告警条件（5周期内满足1次检测算法）'],
  // Same second as CREATE: BlueKing lists it first (operate names A→Z); the bot puts creation first.
  [0, 'ACTION', '告警适配到自动分派规则组$CPU 值班$, 级别维持【预警】不变'],
  [2, 'ACTION', '达到通知告警的执行条件【告警触发时】，已触发告警通知'],
  [3, 'ACTION', 'HTTP回调任务【同步工单系统】处理失败，错误信息Read timed out. (read timeout=10)点击$查看任务详情$'],
  [14 * MIN, 'CONVERGE', 'avg(CPU使用率) >= 90.0%, 当前值96.1%'],
  [15 * MIN, 'SEVERITY_UP', '收到了更高级别的事件，告警级别上升为：致命'],
  [15 * MIN + 3, 'ACTION', '达到通知告警的执行条件【告警升级】，已触发告警通知'],
  [21 * MIN, 'ACK', 'zhangsan确认了该告警事件并备注：,已扩容 2 台实例，观察中'],
  [38 * MIN, 'RECOVERING', '最近一个检测周期内不满足触发条件，当前告警处于恢复期内，告警处理将被抑制'],
  [43 * MIN, 'RECOVER', '连续 5 个周期不满足触发条件，告警已恢复，当前值为41.7%'],
  // Acked before it recovered: no recovery notice goes out, and the log says why.
  [43 * MIN + 1, 'ACTION', '用户已确认当前告警，系统自动忽略所有的通知和处理套餐的执行'],
];

/** A new-generation alert's records from its story, newest first as the new generation sends them. */
export function storyRecords(alertId: string, startSec: number, story: Story, clock: ServerClock): unknown[] {
  const eventId = Number(alertId); // < 2^53, so the number is exact
  return story
    .map(([offsetSec, operate, message]) => ({
      status: 'SUCCESS',
      event_id: eventId,
      message,
      operate,
      extend_info: {},
      create_time: clock(startSec + offsetSec),
    }))
    .reverse();
}

/** The alert's records, newest first. */
export function newGenerationAlertRecords(clock: ServerClock): unknown[] {
  return storyRecords(NEW_GENERATION_ALERT_ID, NEW_GENERATION_START, STORY, clock);
}

/** The ESB body for alert 164239028644167 (newer Monitor answers with code 200). */
export function newGenerationAlertResponse(clock: ServerClock): DemoResponse {
  return successResponse(newGenerationAlertRecords(clock), { code: 200, requestId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' });
}

/** search_alert's answer: recovered, fatal after its upgrade, acked by zhangsan, owned by lisi and zhangsan. */
export function newGenerationAlertDocument(): DemoResponse {
  const alert = alertDocument({
    id: NEW_GENERATION_ALERT_ID,
    name: 'CPU使用率告警',
    status: 'RECOVERED',
    severity: 1,
    ip: '10.0.3.8',
    metric: 'CPU使用率',
    assignee: ['lisi', 'zhangsan'],
    ackOperator: 'zhangsan',
    beginSec: NEW_GENERATION_START,
    endSec: NEW_GENERATION_START + 43 * MIN,
    latestSec: NEW_GENERATION_START + 38 * MIN,
    strategyId: 41,
  });
  return searchAlertResponse([alert], 'e1f2a3b4c5d6e7f8091a2b3c4d5e6f70');
}
