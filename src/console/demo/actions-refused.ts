import { alertDocument, searchAlertResponse } from './alert-documents';
import { errorResponse, successResponse, type DemoResponse } from './envelope';
import { storyRecords, type Story } from './new-generation-alert';
import type { ServerClock } from './server-clock';

/**
 * Demo alert 164239311052213 (new generation, still open): its event log
 * reads fine, but the ESB refuses the search_action call (the app was granted
 * get_event_log only), so the answer shows the log with one line saying why
 * per-receiver results are missing, and never claims a notice was delivered.
 */
export const ACTIONS_REFUSED_ID = '164239311052213';

const MIN = 60;
/** Still firing: told as begun 25 minutes before now. */
const startOf = (nowSec: number): number => Math.floor(nowSec / 60) * 60 - 25 * MIN;

const STORY: Story = [
  [0, 'CREATE', 'avg(磁盘使用率) >= 95.0%, 当前值96.2%, 达到了触发告警条件（3周期内满足2次检测算法）'],
  [1, 'ACTION', '达到通知告警的执行条件【告警触发时】，已触发告警通知'],
  [9 * MIN, 'CONVERGE', 'avg(磁盘使用率) >= 95.0%, 当前值97.8%'],
  [10 * MIN, 'SEVERITY_UP', '收到了更高级别的事件，告警级别上升为：致命'],
  [10 * MIN + 2, 'ACTION', '达到通知告警的执行条件【告警升级】，已触发告警通知'],
];

/** The event log: fine. */
export function actionsRefusedLogResponse(clock: ServerClock, nowSec: number): DemoResponse {
  return successResponse(storyRecords(ACTIONS_REFUSED_ID, startOf(nowSec), STORY, clock), { code: 200, requestId: 'c4d5e6f708192a3b4c5d6e7f80912a3b' });
}

/** search_action: refused, as the ESB refuses a component the app has no permission for. */
export function actionsRefusedResponse(): DemoResponse {
  return errorResponse(
    1306403,
    'APP [bk_eventlog_bot] has no permission to access the component [MONITOR_V3.search_action], please apply for permission in the developer center',
    '0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a',
  );
}

/** search_alert: answers (only search_action is refused): still firing, fatal, nobody has acked. */
export function actionsRefusedAlertDocument(nowSec: number): DemoResponse {
  const start = startOf(nowSec);
  const alert = alertDocument({
    id: ACTIONS_REFUSED_ID,
    name: '磁盘使用率告警',
    status: 'ABNORMAL',
    severity: 1,
    ip: '10.0.5.21',
    metric: '磁盘使用率',
    assignee: ['wangwu'],
    beginSec: start,
    latestSec: start + 10 * MIN,
    strategyId: 57,
  });
  return searchAlertResponse([alert], '5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d');
}
