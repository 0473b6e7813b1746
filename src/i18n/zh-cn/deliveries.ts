import type { DeliveryMessages } from '../messages';

/** 逐人发送结果（search_action）的中文说法。计数的唯一句式：“逐人发送 6 次，失败 2 次”（见 first-screen.ts）。 */
export const deliveries = {
  deliveriesRunning: (n) => `⏳ 发送中 ${n} 次`,
  noticesTriggered: (n) => `已触发通知 ${n} 条，发送结果未知`,
  skippedCount: (n) => `跳过 ${n} 条`,
  noticeHeading: (signal, time, name) => [`*${signal}*`, time, name].filter((p) => p !== '').join(' · '),
  deliveryBullet: (way, who, reason) => `• ${way} → ${who}：${reason}`,
  blocked: '（已熔断）',
  noReason: '未给出原因',
  andMore: (n) => `… 另有 ${n} 条`,
  skippedLine: (n, whys) => `跳过 ${n} 条${whys ? `：${whys}` : ''}`,
  why: { no_receivers: '通知人为空', acknowledged: '告警已确认', noise_reduction: '降噪抑制', throttled: '流控', circuit_broken: '已熔断' },
  // 手机上一行放不下：原因一行，建议另起一行。
  unavailable: (reason, hint) => `⚠️ 无逐人发送结果：${reason}${hint ? `\n💡 ${hint}` : ''}`,
  withCode: (reason, code) => `${reason}（${code}）`,
  noRecords: (n) => `⚠️ 蓝鲸没有返回${n === 1 ? '这条' : `这 ${n} 条`}通知的逐人发送记录。\n💡 如需指定告警所属业务，请设置 BK_BIZ_IDS。`,
  incomplete: (read) => `（仅统计前 ${read.toLocaleString('en')} 条处理记录，蓝鲸报告的更多）`,
  cutShort: '⚠️ 逐人发送结果不完整：search_action 未在本次查询的时限（BK_LOOKUP_TIMEOUT_MS）内读完，只含按时返回的分页。',
  timelineFailed: (f, t) => (t === 1 ? ' → 失败' : f === t ? ` → ${t} 次全部失败` : ` → ${t} 次，失败 ${f} 次`),
  timelineRunning: (r, t) => ` → ${t} 次，发送中 ${r} 次`,
  timelineSucceeded: (t) => (t === 1 ? ' → 成功' : ` → ${t} 次，全部成功`),
  fullTexts: '蓝鲸原文：',
  // 通知方式的叫法与蓝鲸 NoticeWay.NOTICE_WAY_MAPPING 一致。
  wayBullet: {
    voice: '电话',
    sms: '短信',
    mail: '邮件',
    weixin: '微信',
    rtx: '企业微信',
    qy_weixin: '企业微信',
    'wxwork-bot': '企业微信机器人',
    bkchat: '蓝鲸信息流',
  },
  wayShort: { voice: '电话', sms: '短信', mail: '邮件', weixin: '微信', rtx: '企业微信', qy_weixin: '企业微信', 'wxwork-bot': '企业微信机器人', bkchat: '蓝鲸信息流' },
  // 套餐类型的叫法与蓝鲸 ActionPluginType.PLUGIN_TYPE_DICT 一致；名称放进【】（首屏的 actionFailed）。
  plugin: { notice: '通知', webhook: 'HTTP回调', job: '作业平台', sops: '标准运维', sops_common: '标准运维', itsm: '流程服务', common: '通用插件' },
  unavailableReason: {
    app_permission: { reason: '应用无权调用 search_action', hint: '请在开发者中心（云 API 权限）为应用申请 monitor_v3 search_action 接口权限。' },
    user_permission: { reason: '该蓝鲸用户无权查看此告警的处理记录', hint: '请在权限中心为该用户授予对应业务的权限。' },
    bad_parameter: { reason: '蓝鲸拒绝了 search_action 请求（参数错误）', hint: '部分环境要求指定业务：请将 BK_BIZ_IDS 设为告警所属业务 ID。' },
    component_not_found: {
      reason: 'BK_SEARCH_ACTION_PATH 上没有 search_action 接口',
      hint: '请检查 BK_SEARCH_ACTION_PATH（默认 /api/c/compapi/v2/monitor_v3/search_action/），或设置 BK_NOTICE_RESULTS=off。',
    },
    timeout: { reason: '蓝鲸未在规定时间内返回 search_action', hint: '请点“刷新”重试；如经常这么慢，请调大 BK_TIMEOUT_MS。' },
    rate_limited: { reason: '蓝鲸对机器人限流', hint: '请稍后点“刷新”重试。' },
    bad_shape: { reason: 'search_action 的响应不是处理记录列表', hint: '请确认 BK_SEARCH_ACTION_PATH 指向 monitor_v3 search_action。' },
    not_json: { reason: 'search_action 的响应不是 JSON', hint: '请检查 BK_SEARCH_ACTION_PATH。' },
    html_page: { reason: 'search_action 返回了网页而不是数据', hint: '请检查 BK_SEARCH_ACTION_PATH 以及 ESB 前面的单点登录代理。' },
    body_too_large: { reason: 'search_action 的响应超过了 BK_MAX_BODY_BYTES', hint: '请调大 BK_MAX_BODY_BYTES。' },
  },
} satisfies DeliveryMessages;
