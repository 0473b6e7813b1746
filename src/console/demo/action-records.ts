/**
 * search_action records as bk-monitor's ActionQueryHandler returns them
 * (fields from ActionInstanceDocument; see docs/bk-monitor-api.md), built
 * from a few facts each, for the demo events' per-receiver results.
 */

/** The facts of one parent notice. */
export interface ParentFacts {
  rawId: number;
  atSec: number;
  signal: 'abnormal' | 'recovered' | 'closed' | 'ack' | 'upgrade';
  status: string;
}

/** The facts of one child: one receiver × one way. */
export interface ChildFacts {
  rawId: number;
  parent: ParentFacts;
  way: 'voice' | 'sms' | 'mail' | 'weixin';
  receiver: string;
  status: string;
  message: string;
  endOffsetSec: number;
}

const SIGNAL_DISPLAY: Readonly<Record<ParentFacts['signal'], string>> = {
  abnormal: '告警触发时',
  recovered: '告警恢复时',
  closed: '告警关闭时',
  ack: '告警确认时',
  upgrade: '告警升级',
};
const WAY_DISPLAY: Readonly<Record<ChildFacts['way'], string>> = { voice: '语音', sms: '短信', mail: '邮件', weixin: '微信' };
const NOTICE_PLUGIN = { id: 1, name: '通知', plugin_type: 'notice', plugin_key: 'notice' };

function common(alertId: string, rawId: number, atSec: number, signal: ParentFacts['signal']): Record<string, unknown> {
  return {
    id: `${atSec}${rawId}`,
    raw_id: rawId,
    alert_id: [alertId],
    signal,
    signal_display: SIGNAL_DISPLAY[signal],
    strategy_id: 41868,
    strategy_name: 'CPU使用率告警',
    bk_biz_id: '2',
    create_time: atSec,
    update_time: atSec,
    execute_times: 1,
  };
}

/** A parent notice: its status sums its children up, while its status_tips still say 执行任务成功. */
export function parentNotice(alertId: string, p: ParentFacts): Record<string, unknown> {
  return {
    ...common(alertId, p.rawId, p.atSec, p.signal),
    status: p.status,
    failure_type: '',
    ex_data: { message: '执行任务成功' },
    status_tips: '执行任务成功',
    action_plugin_type: 'notice',
    action_plugin: NOTICE_PLUGIN,
    action_name: '告警通知',
    is_parent_action: true,
    parent_action_id: 0,
    operator: ['zhangsan', 'lisi'],
    operate_target_string: 'None',
    inputs: { notice_type: p.signal === 'upgrade' ? 'upgrade' : 'normal' },
    end_time: p.atSec,
  };
}

/** A child: one receiver by one way; `operate_target_string` is the way's display. */
export function childNotice(alertId: string, c: ChildFacts): Record<string, unknown> {
  const failed = c.status === 'failure' || c.status === 'blocked';
  return {
    ...common(alertId, c.rawId, c.parent.atSec, c.parent.signal),
    status: c.status,
    failure_type: failed ? 'execute_failure' : '',
    ex_data: { message: c.message },
    status_tips: c.message,
    action_plugin_type: 'notice',
    action_plugin: NOTICE_PLUGIN,
    action_name: '告警通知',
    is_parent_action: false,
    parent_action_id: c.parent.rawId,
    operator: [c.receiver],
    operate_target_string: WAY_DISPLAY[c.way],
    // Voice receivers come as a list (one call chain); the other ways as one name.
    inputs: { notice_way: c.way, notice_receiver: c.way === 'voice' ? [c.receiver] : c.receiver },
    end_time: c.parent.atSec + c.endOffsetSec,
  };
}

/** A webhook (HTTP 回调) action that failed. */
export function failedWebhook(alertId: string, rawId: number, atSec: number, name: string, message: string): Record<string, unknown> {
  return {
    ...common(alertId, rawId, atSec, 'abnormal'),
    status: 'failure',
    failure_type: 'execute_failure',
    ex_data: { message },
    status_tips: message,
    action_plugin_type: 'webhook',
    action_plugin: { id: 2, name: 'HTTP回调', plugin_type: 'webhook', plugin_key: 'webhook' },
    action_name: name,
    is_parent_action: false,
    parent_action_id: 0,
    operator: ['zhangsan'],
    operate_target_string: '',
    inputs: {},
    end_time: atSec + 10,
  };
}

/** A search_action success body. */
export function searchActionBody(actions: readonly unknown[], requestId: string): string {
  return JSON.stringify({ result: true, code: 200, message: 'OK', data: { actions, total: actions.length }, request_id: requestId });
}
