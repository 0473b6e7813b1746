import { childNotice, parentNotice, searchActionBody, type ParentFacts } from './action-records';
import { alertDocument, searchAlertResponse } from './alert-documents';
import { successResponse, type DemoResponse } from './envelope';
import { storyRecords, type Story } from './new-generation-alert';
import type { ServerClock } from './server-clock';

/**
 * Demo alert 164239612345678 (new generation, still firing, nobody has acked):
 * the on-call's phone never rang. Every 30 minutes for 9 h 30 min a notice
 * went out (20 in all); each time lisi's voice call failed (BlueKing cannot use
 * his phone number) while zhangsan's WeChat message arrived. The duty-system
 * webhook failed once, and only the log says so (search_action has no record
 * of it). Told relative to now, so it reads as tonight's incident.
 */
export const PAGING_STORM_ID = '164239612345678';

const MIN = 60;
const NOTICES = 20;
const EVERY = 30 * MIN;
/** How long ago it began. */
const AGO = (NOTICES - 1) * EVERY + 3 * MIN;

function story(): Story {
  const lines: Array<readonly [number, string, string]> = [
    [0, 'CREATE', 'avg(CPU使用率) >= 90.0%, 当前值93.1%, 达到了触发告警条件（5周期内满足1次检测算法）'],
    [0, 'ACTION', '告警适配到自动分派规则组$CPU 值班$, 级别维持【致命】不变'],
    [2, 'ACTION', 'HTTP回调任务【推送值班系统】处理失败，错误信息HTTPConnectionPool(host=\'duty.example.com\', port=80): Max retries exceeded点击$查看任务详情$'],
  ];
  for (let i = 0; i < NOTICES; i++) {
    lines.push([i * EVERY + 1, 'ACTION', '达到通知告警的执行条件【告警触发时】，已触发告警通知']);
    lines.push([i * EVERY + 5 * MIN, 'CONVERGE', `avg(CPU使用率) >= 90.0%, 当前值${91 + (i % 7)}.${i % 10}%`]);
  }
  return lines;
}

const startOf = (nowSec: number): number => Math.floor(nowSec / 60) * 60 - AGO;

export function pagingStormResponse(clock: ServerClock, nowSec: number): DemoResponse {
  return successResponse(storyRecords(PAGING_STORM_ID, startOf(nowSec), story(), clock), { code: 200, requestId: '5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f5a' });
}

const VOICE_FAILED =
  "请求系统'cmsi'错误，返回错误码: 1306000，返回消息: {'result': False, 'code': 1306000, 'message': '用户[lisi]的手机号码格式不正确', 'data': None}，请求URL: send_voice_msg";

/** search_action: 20 notices, each a failed call to lisi and a WeChat message that reached zhangsan. */
export function pagingStormActions(nowSec: number): DemoResponse {
  const start = startOf(nowSec);
  const actions = Array.from({ length: NOTICES }, (_, i) => {
    const parent: ParentFacts = { rawId: 61000000 + i * 10, atSec: start + i * EVERY + 1, signal: 'abnormal', status: 'partial_failure' };
    return [
      parentNotice(PAGING_STORM_ID, parent),
      childNotice(PAGING_STORM_ID, { rawId: parent.rawId + 1, parent, way: 'voice', receiver: 'lisi', status: 'failure', message: VOICE_FAILED, endOffsetSec: 6 }),
      childNotice(PAGING_STORM_ID, { rawId: parent.rawId + 2, parent, way: 'weixin', receiver: 'zhangsan', status: 'success', message: 'OK', endOffsetSec: 2 }),
    ];
  }).flat();
  return { httpStatus: 200, body: searchActionBody(actions, '6e8f0a2b4c6d8e0f2a4b6c8d0e2f4a6b') };
}

/** search_alert: firing, fatal, on 10.0.7.77, owned by lisi, not acked. */
export function pagingStormAlert(nowSec: number): DemoResponse {
  const start = startOf(nowSec);
  const alert = alertDocument({
    id: PAGING_STORM_ID,
    name: 'CPU使用率告警',
    status: 'ABNORMAL',
    severity: 1,
    ip: '10.0.7.77',
    metric: 'CPU使用率',
    assignee: ['lisi'],
    beginSec: start,
    latestSec: start + AGO,
    strategyId: 41,
  });
  return searchAlertResponse([alert], '7f9a1b3c5d7e9f1a3b5c7d9e1f3a5b7c');
}
