import type { DeliveryMessages } from '../messages';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Per-receiver delivery results in English. */
export const deliveries = {
  deliveriesRunning: (n) => `⏳ ${n} in flight`,
  noticesTriggered: (n) => `${plural(n, 'notice', 'notices')} triggered — delivery not confirmed`,
  skippedCount: (n) => `${n} held back`,
  noticeHeading: (signal, time, name) => [`*${signal}*`, time, name].filter((p) => p !== '').join(' · '),
  deliveryBullet: (way, who, reason) => `• ${way} → ${who}: ${reason}`,
  blocked: ' (circuit-broken)',
  noReason: 'no reason given',
  andMore: (n) => `… and ${n} more`,
  skippedLine: (n, whys) => `${n} held back${whys ? `: ${whys}` : ''}`,
  why: {
    no_receivers: 'no receivers',
    acknowledged: 'acknowledged',
    noise_reduction: 'noise reduction',
    throttled: 'throttled',
    circuit_broken: 'circuit-broken',
  },
  unavailable: (reason, hint) => `⚠️ Per-receiver results unavailable: ${reason}.${hint ? ` 💡 ${hint}` : ''}`,
  withCode: (reason, code) => `${reason} (${code})`,
  noRecords: (n) =>
    `⚠️ BlueKing returned no per-receiver records for ${n === 1 ? 'this notice' : `these ${n} notices`}. 💡 If the alert's business must be named, set BK_BIZ_IDS.`,
  incomplete: (read) => ` (counted over the first ${read.toLocaleString('en')} actions; BlueKing reported more)`,
  cutShort:
    '⚠️ Per-receiver results were cut short: search_action did not finish within the lookup’s time limit (BK_LOOKUP_TIMEOUT_MS), so they cover only the pages that came in time.',
  timelineFailed: (f, t) => ` → ${f} of ${t} failed`,
  timelineRunning: (r, t) => ` → ${r} of ${t} in flight`,
  timelineSucceeded: (t) => (t === 1 ? ' → succeeded' : ` → all ${t} succeeded`),
  fullTexts: "BlueKing's full texts:",
  wayBullet: {
    voice: 'Voice',
    sms: 'SMS',
    mail: 'Mail',
    weixin: 'WeChat',
    rtx: 'WeCom',
    qy_weixin: 'WeCom',
    'wxwork-bot': 'WeCom bot',
    bkchat: 'BK chat',
  },
  wayShort: { voice: 'voice', sms: 'SMS', mail: 'mail', weixin: 'WeChat', rtx: 'WeCom', qy_weixin: 'WeCom', 'wxwork-bot': 'WeCom bot', bkchat: 'BK chat' },
  plugin: { notice: 'Notice', webhook: 'Webhook', job: 'Job', sops: 'SOPS flow', sops_common: 'SOPS flow', itsm: 'ITSM ticket', common: 'Action' },
  unavailableReason: {
    app_permission: {
      reason: 'the app may not call monitor_v3 search_action',
      hint: "Grant the app monitor_v3 search_action in the developer center (云 API 权限), as for get_event_log.",
    },
    user_permission: { reason: "the BlueKing user may not see this alert's actions", hint: 'Grant that user access to the business in BlueKing Monitor.' },
    bad_parameter: {
      reason: 'BlueKing refused the search_action request (parameter error)',
      hint: "Some installs require the business: set BK_BIZ_IDS to the alert's business ID(s).",
    },
    component_not_found: {
      reason: 'no search_action API at BK_SEARCH_ACTION_PATH',
      hint: 'Check BK_SEARCH_ACTION_PATH (default /api/c/compapi/v2/monitor_v3/search_action/), or set BK_NOTICE_RESULTS=off.',
    },
    timeout: { reason: 'BlueKing did not answer search_action in time', hint: 'Try Refresh; if it is often this slow, raise BK_TIMEOUT_MS.' },
    rate_limited: { reason: 'BlueKing is rate limiting the bot', hint: 'Try Refresh in a little while.' },
    bad_shape: { reason: 'the search_action answer was not a list of actions', hint: 'Check that BK_SEARCH_ACTION_PATH points at monitor_v3 search_action.' },
    not_json: { reason: 'the search_action answer was not JSON', hint: 'Check BK_SEARCH_ACTION_PATH.' },
    html_page: { reason: 'a web page came back instead of search_action data', hint: 'Check BK_SEARCH_ACTION_PATH and any sign-on proxy in front of the ESB.' },
    body_too_large: { reason: 'the search_action answer was larger than BK_MAX_BODY_BYTES', hint: 'Raise BK_MAX_BODY_BYTES.' },
  },
} satisfies DeliveryMessages;
