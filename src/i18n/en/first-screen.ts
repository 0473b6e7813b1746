import type { FirstScreenMessages } from '../first-screen-messages';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The first screen in English; BlueKing's own phrases keep their words, glossed. */
export const firstScreen = {
  severity: { 1: 'Fatal', 2: 'Warning', 3: 'Reminder' },
  state: { firing: 'Firing', acked: 'Acknowledged', shielded: 'Shielded', recovered: 'Recovered', closed: 'Closed' },
  partSeparator: ' · ',
  owners: (names) => `owner ${names}`,
  shieldLeft: (left) => `shielded${left ? `, ${left} left` : ''}`,
  pagingFailed: (f, t, who) => `🚨 *Paging failed:* ${f} of ${plural(t, 'page', 'pages')}${who ? ` (${who})` : ''}`,
  noticesFailed: (f, t, reason) => `🚨 *${f} of ${plural(t, 'notice', 'notices')} failed*${reason ? `\n• ${reason}` : ''}`,
  actionFailed: (kind, name, reason, n) => `🚨 *${kind}${name ? ` ${name}` : ''} failed${n > 1 ? ` ×${n}` : ''}*${reason ? `\n• ${reason}` : ''}`,
  nobodyPaged: {
    no_notice: '⚠️ *Nobody was paged*: no notice went out',
    no_receivers: '⚠️ *Nobody was paged*: every notice found 通知人为空 (no receivers)',
    no_escalation_group: '⚠️ *The escalation paged nobody*: 未配置升级用户组 (no escalation group configured)',
  },
  pagesDelivered: (d, t) => (d === t ? `✅ ${t === 1 ? '1 page' : `all ${t} pages`} delivered` : `✅ ${d} of ${plural(t, 'page', 'pages')} delivered`),
  reached: (people) => `reached ${people}`,
  notReached: (people) => `not reached ${people}`,
  personWays: (who, ways) => (ways ? `${who} (${ways})` : who),
  nextStep: {
    fixRota: '💡 The notice group resolves to nobody: fix the duty rota (user group) in BlueKing',
    fixPhone: (who) => `💡 Fix the phone number of ${who} in BlueKing user management`,
    noEscalationGroup: '💡 No escalation group is configured on the strategy: add one, or nobody is paged when it escalates',
  },
  run: (n, span) => `×${n} ${span}`,
  alertUnavailable: (reason, hint) => `⚠️ Alert details unavailable: ${reason}.${hint ? ` 💡 ${hint}` : ''}`,
  alertNotFound: '⚠️ Alert details unavailable: search_alert found no such alert. 💡 If it belongs to a business the bot’s user cannot see, set BK_BIZ_IDS.',
  alertUnavailableReason: {
    app_permission: { reason: 'the app may not call monitor_v3 search_alert', hint: 'Grant the app monitor_v3 search_alert in the developer center, or set BK_ALERT_CONTEXT=off.' },
    user_permission: { reason: 'the BlueKing user may not see this alert', hint: 'Grant that user access to the business in BlueKing Monitor.' },
    bad_parameter: { reason: 'BlueKing refused the search_alert request (parameter error)', hint: "Some installs require the business: set BK_BIZ_IDS to the alert's business ID(s)." },
    component_not_found: { reason: 'no search_alert API at BK_SEARCH_ALERT_PATH', hint: 'Check BK_SEARCH_ALERT_PATH (default /api/c/compapi/v2/monitor_v3/search_alert/), or set BK_ALERT_CONTEXT=off.' },
    not_found: { reason: 'search_alert found no such alert', hint: 'If it belongs to a business the bot’s user cannot see, set BK_BIZ_IDS.' },
    timeout: { reason: 'BlueKing did not answer search_alert in time', hint: 'Try Refresh; if it is often this slow, raise BK_TIMEOUT_MS.' },
    rate_limited: { reason: 'BlueKing is rate limiting the bot', hint: 'Try Refresh in a little while.' },
    bad_shape: { reason: 'the search_alert answer was not a list of alerts', hint: 'Check that BK_SEARCH_ALERT_PATH points at monitor_v3 search_alert.' },
    not_json: { reason: 'the search_alert answer was not JSON', hint: 'Check BK_SEARCH_ALERT_PATH.' },
    html_page: { reason: 'a web page came back instead of search_alert data', hint: 'Check BK_SEARCH_ALERT_PATH and any sign-on proxy in front of the ESB.' },
  },
  glosses: {
    通知人为空: 'no receivers',
    通知对象为空: 'no receivers',
    当前通知人员为空: 'no receivers',
    未配置升级用户组: 'no escalation group configured',
    告警已恢复: 'recovered',
    发送失败: 'sending failed',
    通知发送成功: 'sent',
    通知发送中: 'sending',
    已触发告警通知: 'notice triggered',
    手机号码格式不正确: 'phone number format is wrong',
  },
  glossed: (original, gloss) => `${original} (${gloss})`,
} satisfies FirstScreenMessages;
