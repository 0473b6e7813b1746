import type { FirstScreenMessages } from '../first-screen-messages';

// 计数的说法与 deliveries.ts 一致：“逐人发送 N 次，失败 M 次”，不说“送达”。
const sentFailed = (f: number, t: number): string =>
  t === 1 ? '逐人发送 1 次，失败' : f === t ? `逐人发送 ${t} 次全部失败` : `逐人发送 ${t} 次，失败 ${f} 次`;
const noticesFailedCount = (f: number, t: number): string => (t === 1 ? '1 条通知失败' : f === t ? `${t} 条通知全部失败` : `通知 ${t} 条，失败 ${f} 条`);

/** 首屏的中文说法（告警用“告警”，旧版事件用“事件”）。蓝鲸原文（失败原因）另起一行，手机上不挤在一行里。 */
export const firstScreen = {
  severity: { 1: '致命', 2: '预警', 3: '提醒' },
  state: { firing: '未恢复', acked: '已确认', shielded: '已屏蔽', recovered: '已恢复', closed: '已关闭' },
  partSeparator: ' · ',
  owners: (names) => `负责人 ${names}`,
  shieldLeft: (left) => `已屏蔽${left ? `，剩余 ${left}` : ''}`,
  pagingFailed: (f, t, who) => `🚨 *通知失败*：${sentFailed(f, t)}${who ? `（${who}）` : ''}`,
  noticesFailed: (f, t, reason) => `🚨 *${noticesFailedCount(f, t)}*${reason ? `\n• ${reason}` : ''}`,
  actionFailed: (kind, name, reason, n) => `🚨 *${kind}${name ? `【${name}】` : ''}失败${n > 1 ? ` ×${n}` : ''}*${reason ? `\n• ${reason}` : ''}`,
  nobodyPaged: {
    no_notice: '⚠️ *没有通知任何人*：没有发出任何通知',
    no_receivers: '⚠️ *没有通知任何人*：每条通知都是通知人为空',
    no_escalation_group: '⚠️ *告警升级没有通知任何人*：未配置升级用户组',
  },
  pagesDelivered: (d, t) => (d === t ? `✅ 逐人发送 ${t} 次，全部成功` : `✅ 逐人发送 ${t} 次，成功 ${d} 次`),
  reached: (people) => `已通知 ${people}`,
  notReached: (people) => `未通知到 ${people}`,
  personWays: (who, ways) => (ways ? `${who}（${ways}）` : who),
  nextStep: {
    fixRota: '💡 通知组解析不到任何人：请在蓝鲸中修正值班轮值（用户组）',
    fixPhone: (who) => `💡 请在蓝鲸用户管理中修正 ${who} 的手机号码`,
    noEscalationGroup: '💡 策略未配置升级用户组：请添加，否则告警升级时不会通知任何人',
  },
  run: (n, span) => `×${n} ${span}`,
  alertUnavailable: (reason, hint) => `⚠️ 无法获取告警详情：${reason}${hint ? `\n💡 ${hint}` : ''}`,
  alertNotFound: '⚠️ 无法获取告警详情：search_alert 没有找到该告警\n💡 如告警属于机器人用户看不到的业务，请设置 BK_BIZ_IDS。',
  alertUnavailableReason: {
    app_permission: { reason: '应用无权调用 monitor_v3 search_alert', hint: '请在开发者中心为应用申请 monitor_v3 search_alert 权限，或设置 BK_ALERT_CONTEXT=off。' },
    user_permission: { reason: '该蓝鲸用户无权查看此告警', hint: '请在蓝鲸监控中为该用户授予业务权限。' },
    bad_parameter: { reason: '蓝鲸拒绝了 search_alert 请求（参数错误）', hint: '部分环境要求指定业务：请将 BK_BIZ_IDS 设为告警所属业务 ID。' },
    component_not_found: { reason: 'BK_SEARCH_ALERT_PATH 上没有 search_alert 接口', hint: '请检查 BK_SEARCH_ALERT_PATH（默认 /api/c/compapi/v2/monitor_v3/search_alert/），或设置 BK_ALERT_CONTEXT=off。' },
    not_found: { reason: 'search_alert 没有找到该告警', hint: '如告警属于机器人用户看不到的业务，请设置 BK_BIZ_IDS。' },
    timeout: { reason: '蓝鲸未及时响应 search_alert', hint: '请点“刷新”重试；如经常这么慢，请调大 BK_TIMEOUT_MS。' },
    rate_limited: { reason: '蓝鲸正在对机器人限流', hint: '请稍后点“刷新”重试。' },
    bad_shape: { reason: 'search_alert 返回的不是告警列表', hint: '请确认 BK_SEARCH_ALERT_PATH 指向 monitor_v3 search_alert。' },
    not_json: { reason: 'search_alert 返回的不是 JSON', hint: '请检查 BK_SEARCH_ALERT_PATH。' },
    html_page: { reason: '返回了网页而不是 search_alert 数据', hint: '请检查 BK_SEARCH_ALERT_PATH 以及 ESB 前的登录代理。' },
  },
  // 中文界面直接显示蓝鲸原文，不加注释。
  glosses: {
    通知人为空: '通知人为空',
    通知对象为空: '通知对象为空',
    当前通知人员为空: '当前通知人员为空',
    未配置升级用户组: '未配置升级用户组',
    告警已恢复: '告警已恢复',
    发送失败: '发送失败',
    通知发送成功: '通知发送成功',
    通知发送中: '通知发送中',
    已触发告警通知: '已触发告警通知',
    手机号码格式不正确: '手机号码格式不正确',
  },
  glossed: (original) => original,
} satisfies FirstScreenMessages;
