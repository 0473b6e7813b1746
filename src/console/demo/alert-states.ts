import { alertDocument, searchAlertResponse } from './alert-documents';
import { successResponse, type DemoResponse } from './envelope';
import { storyRecords, type Story } from './new-generation-alert';
import type { ServerClock } from './server-clock';

/**
 * Two more new-generation alerts, for the header's other states:
 * 164239745612301 is shielded (firing, its notices suppressed, 1 h 20 min of
 * shield left), 164239888800017 was closed by the system after every notice
 * found nobody to tell (an empty duty rota). Told relative to now.
 */
export const SHIELDED_ALERT_ID = '164239745612301';
export const NOBODY_PAGED_ID = '164239888800017';

const MIN = 60;
const minuteOf = (nowSec: number): number => Math.floor(nowSec / 60) * 60;

const SHIELDED_STORY: Story = [
  [0, 'CREATE', 'avg(磁盘IO使用率) >= 80.0%, 当前值86.4%, 达到了触发告警条件（3周期内满足2次检测算法）'],
  [1, 'ACTION', '达到通知告警的执行条件【告警触发时】，因告警已被屏蔽忽略通知发送，点击$查看屏蔽策略$'],
  [30 * MIN + 1, 'ACTION', '达到通知告警的执行条件【告警触发时】，因告警已被屏蔽忽略通知发送，点击$查看屏蔽策略$'],
];
const SHIELDED_AGO = 40 * MIN;

export function shieldedAlertResponse(clock: ServerClock, nowSec: number): DemoResponse {
  return successResponse(storyRecords(SHIELDED_ALERT_ID, minuteOf(nowSec) - SHIELDED_AGO, SHIELDED_STORY, clock), { code: 200, requestId: '8a0b2c4d6e8f0a2b4c6d8e0f2a4b6c8d' });
}

export function shieldedAlertDocument(nowSec: number): DemoResponse {
  const start = minuteOf(nowSec) - SHIELDED_AGO;
  const alert = alertDocument({
    id: SHIELDED_ALERT_ID,
    name: '磁盘IO使用率告警',
    status: 'ABNORMAL',
    severity: 2,
    ip: '10.0.8.12',
    metric: '磁盘IO使用率',
    assignee: ['wangwu'],
    shieldLeft: '1h 20m',
    beginSec: start,
    latestSec: start + 38 * MIN,
    strategyId: 63,
  });
  return searchAlertResponse([alert], '9b1c3d5e7f9a1b3c5d7e9f1a3b5c7d9e');
}

const NOBODY_STORY: Story = [
  [0, 'CREATE', '进程端口 nginx:80 探测失败, 达到了触发告警条件（1周期内满足1次检测算法）'],
  [2, 'ACTION', '达到通知告警的执行条件【告警触发时】，当前通知人员为空'],
  [62 * MIN, 'ACTION', '达到通知告警的执行条件【告警触发时】，当前通知人员为空'],
  [3 * 60 * MIN, 'SYSTEM_CLOSE', '长时间未收到新的异常事件，系统关闭告警'],
];
const NOBODY_AGO = 5 * 60 * MIN;

export function nobodyPagedResponse(clock: ServerClock, nowSec: number): DemoResponse {
  return successResponse(storyRecords(NOBODY_PAGED_ID, minuteOf(nowSec) - NOBODY_AGO, NOBODY_STORY, clock), { code: 200, requestId: 'a0c2e4f6081a2c4e6f8091b3d5f7092b' });
}

export function nobodyPagedDocument(nowSec: number): DemoResponse {
  const start = minuteOf(nowSec) - NOBODY_AGO;
  const alert = {
    ...alertDocument({
      id: NOBODY_PAGED_ID,
      name: '进程端口探测告警',
      status: 'CLOSED',
      severity: 3,
      ip: '',
      metric: '进程端口',
      assignee: [],
      beginSec: start,
      endSec: start + 3 * 60 * MIN,
      latestSec: start + 62 * MIN,
      strategyId: 88,
    }),
    target_type: 'SERVICE',
    target: '',
    dimensions: [
      { key: 'process_name', value: 'nginx', display_key: '进程名', display_value: 'nginx' },
      { key: 'port', value: '80', display_key: '端口', display_value: '80' },
    ],
  };
  return searchAlertResponse([alert], 'b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1');
}
