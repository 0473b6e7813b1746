import { childNotice, failedWebhook, parentNotice, searchActionBody, type ParentFacts } from './action-records';
import type { DemoResponse } from './envelope';
import { NEW_GENERATION_ALERT_ID as ALERT, NEW_GENERATION_START as START } from './new-generation-alert';

/**
 * The search_action answer for demo alert 164239028644167: what its two
 * "已触发告警通知" notices came to, per receiver. The first (告警触发时)
 * reached nobody by phone or SMS: lisi's voice call failed inside CMSI,
 * zhangsan's SMS timed out; mail went through. The upgrade notice reached
 * wangwu both ways. The ticket webhook failed too.
 */

const TRIGGER: ParentFacts = { rawId: 51725306, atSec: START + 2, signal: 'abnormal', status: 'partial_failure' };
const UPGRADE: ParentFacts = { rawId: 51726911, atSec: START + 15 * 60 + 3, signal: 'upgrade', status: 'success' };

// bk-monitor wraps a failed CMSI call in its BKAPIError text, with CMSI's whole answer as a Python dict.
const VOICE_FAILED =
  "请求系统'cmsi'错误，返回错误码: 1306000，返回消息: {'result': False, 'code': 1306000, 'message': '用户[lisi]的手机号码格式不正确', 'data': None, 'request_id': '3f1e0c7a9b2d4c6e8f0a1b2c3d4e5f60'}，请求URL: send_voice_msg";
const SMS_TIMED_OUT =
  "请求系统'cmsi'错误，返回消息: {'message': \"HTTPSConnectionPool(host='paas.example.com', port=443): Read timed out. (read timeout=30)\"}，请求URL: send_sms";

const ACTIONS = [
  parentNotice(ALERT, TRIGGER),
  childNotice(ALERT, { rawId: 51725307, parent: TRIGGER, way: 'voice', receiver: 'lisi', status: 'failure', message: VOICE_FAILED, endOffsetSec: 4 }),
  childNotice(ALERT, { rawId: 51725308, parent: TRIGGER, way: 'sms', receiver: 'zhangsan', status: 'failure', message: SMS_TIMED_OUT, endOffsetSec: 31 }),
  childNotice(ALERT, { rawId: 51725309, parent: TRIGGER, way: 'mail', receiver: 'zhangsan', status: 'success', message: 'OK msg_id: 8d0c4a12', endOffsetSec: 2 }),
  childNotice(ALERT, { rawId: 51725310, parent: TRIGGER, way: 'mail', receiver: 'lisi', status: 'success', message: 'OK msg_id: 8d0c4a12', endOffsetSec: 2 }),
  failedWebhook(ALERT, 51725311, START + 3, '同步工单系统', 'Read timed out. (read timeout=10)'),
  parentNotice(ALERT, UPGRADE),
  childNotice(ALERT, { rawId: 51726912, parent: UPGRADE, way: 'voice', receiver: 'wangwu', status: 'success', message: '发送成功, 消息ID为7c41d2e0', endOffsetSec: 9 }),
  childNotice(ALERT, { rawId: 51726913, parent: UPGRADE, way: 'sms', receiver: 'wangwu', status: 'success', message: 'OK msg_id: 51b9e6f3', endOffsetSec: 2 }),
];

/** The ESB body search_action answers for alert 164239028644167 with. */
export function newGenerationActionsResponse(): DemoResponse {
  return { httpStatus: 200, body: searchActionBody(ACTIONS, 'b7e2a4c6d8f0123456789abcdef01234') };
}
