/**
 * One BlueKing action record (处理记录) as `monitor_v3/search_action` returns
 * it, normalized: the per-receiver truth a new-generation event log cannot
 * carry. A notice is a parent action with one child per receiver × way.
 */

/** Action statuses as search_action reports them; anything else is kept raw. */
export const KNOWN_ACTION_STATUSES = [
  'running',
  'success',
  'partial_success',
  'failure',
  'partial_failure',
  'skipped', // 已收敛: merged into another send, or nobody to send to
  'shield', // 已屏蔽
  'blocked', // 已熔断: circuit breaking stopped it
] as const;

export interface ActionRecord {
  /** `id`: create time + raw id, as a string. */
  id: string;
  /** `raw_id`: what a child's `parent_action_id` points at; null when absent. */
  rawId: number | null;
  /** `parent_action_id` (0 or absent for parents and lone actions). */
  parentRawId: number;
  isParent: boolean;
  /** `action_plugin_type`: notice, webhook, job, sops, itsm, … */
  pluginType: string;
  /** `action_name`: the action set's name (套餐名称). */
  actionName: string;
  /** `signal` (abnormal, recovered, closed, ack, upgrade, collect, …). */
  signal: string;
  /** `signal_display` (告警触发时 …), or '' when absent. */
  signalDisplay: string;
  status: string;
  failureType: string;
  /** `ex_data.message` (= `status_tips`): the reason, as BlueKing wrote it; '' when none. */
  reason: string;
  /** `inputs.notice_way` of a notice child (voice, sms, mail, weixin, bkchat|…); '' when none. */
  noticeWay: string;
  /** `operate_target_string`: a notice child's way in BlueKing's words (语音, 短信); '' for "None". */
  wayLabel: string;
  /** Who a notice child was for: `operator`, else `inputs.notice_receiver`. */
  receivers: string[];
  /** `create_time` / `end_time` in epoch ms; end null while running. */
  createdAtMs: number | null;
  endedAtMs: number | null;
  executeTimes: number;
}

/** The actions of one alert, and how many search_action said there were. */
export interface ActionList {
  actions: ActionRecord[];
  /** `total` as reported (BlueKing caps it at 10,000). */
  total: number;
  /** Records that could not be read (shown as a count, never silently dropped). */
  unreadable: number;
  requestId: string | null;
  /** The lookup's deadline stopped the paging: these are the pages that came in time. */
  cutShort?: boolean;
}
