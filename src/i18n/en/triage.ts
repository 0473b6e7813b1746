import type { TriageMessages } from '../messages';

/** Acting on an alert from Slack, in English. */
export const triage: TriageMessages = {
  buttons: { ack: 'Acknowledge', shield: 'Shield', unshield: 'Lift shield' },
  ackedLine: (by, at) => `✅ Acknowledged by ${by}${at ? ` at ${at}` : ''}`,
  ackedViaSlack: (by) => `✅ Acknowledged by ${by} via Slack`,
  shieldedLine: (left) => `🔕 Shielded${left ? ` · ${left} left` : ''}`,
  ackModal: {
    title: 'Acknowledge alert',
    submit: 'Acknowledge',
    close: 'Cancel',
    intro: (id) => `Acknowledge alert ${id} in BlueKing as yourself. Its notifications stop; it stays open until it recovers.`,
    noteLabel: 'Note (optional)',
    notePlaceholder: 'e.g. looking into it, scaling web-03',
  },
  shieldModal: {
    title: 'Shield alert',
    submit: 'Shield',
    close: 'Cancel',
    intro: (id) => `Shield alert ${id} in BlueKing as yourself: no notifications while it lasts.`,
    durationLabel: 'For',
    durations: { '30': '30 min', '60': '1 h', '180': '3 h', '720': '12 h', '1440': '1 day', '10080': '7 days' },
    reasonLabel: 'Reason',
    reasons: { change: 'Change in progress (变更中)', known: 'Known issue (已知问题)', unimportant: 'Not important (无关紧要)', other: 'Other' },
    otherLabel: 'Other reason (when Other)',
    sameDimensions: 'New alerts of this strategy with the same dimensions are shielded too.',
  },
  outcome: {
    acked: (id, by) => `Alert ${id} acknowledged by you (${by}) in BlueKing.`,
    shielded: (id, until) => `Alert ${id} shielded until ${until}.`,
    sameDimensions: 'New alerts of this strategy with the same dimensions are shielded too until then.',
    unshielded: (id) => `The shield on alert ${id} is lifted; its notifications go out again.`,
    alreadyAcked: (id, by) => `Alert ${id} was already acknowledged${by ? ` by ${by}` : ''}. Nothing was changed.`,
    alreadyShielded: (id, left) => `Alert ${id} is already shielded${left ? ` (${left} left)` : ''}. Nothing was changed.`,
    notOpen: (id, status) => `Alert ${id} is no longer open (${status}). Nothing was changed.`,
    shieldGone: (id) => `That shield is no longer on alert ${id} (lifted or ended already). Nothing was changed.`,
    unconfirmed: (id) => `BlueKing accepted the call, but alert ${id} does not show the change yet.`,
    unconfirmedHint: 'Check the alert in BlueKing before relying on it.',
    notFound: (id) => `BlueKing has no open alert ${id} that your BlueKing user can see. Nothing was changed.`,
    repeat: 'This was already submitted; nothing more was done.',
    busy: 'Someone else is acting on this alert right now. Try again in a moment.',
    failedTitle: { ack: 'Could not acknowledge the alert', shield: 'Could not shield the alert', unshield: 'Could not lift the shield' },
    verifyFailed: 'BlueKing accepted the call, but reading the alert back failed: check it in BlueKing before relying on it.',
    appPermission: (component) => [
      `BlueKing says this app may not call monitor_v3 ${component}.`,
      `In the developer center, apply for the app's permission to monitor_v3 ${component} (云 API 权限), as for get_event_log.`,
    ],
    componentMissing: (component, setting) => [
      `BlueKing has no monitor_v3 ${component} at the path the bot called.`,
      `Check ${setting}; acting on alerts needs Monitor 3.6 or later.`,
    ],
  },
  status: { ABNORMAL: 'open', RECOVERED: 'recovered', CLOSED: 'closed' },
  refusal: {
    title: 'You cannot act on this alert from Slack',
    service_identity: [
      'The bot looks events up as one shared BlueKing account, and never acts as it for a person.',
      'To act from Slack, whoever runs the bot sets BK_IDENTITY=email (with BK_EMAIL_DOMAINS) or BK_IDENTITY=map, so each person acts as their own BlueKing user.',
    ],
    unavailable: ['This bot has no BlueKing connection to act through (it is showing demo data).'],
    actions_user: ['Acting from Slack is limited to certain people here (ACTIONS_ALLOWED_USER_IDS). Ask whoever runs the bot.'],
    not_allowed: (bkUser, bizId) => [
      `BlueKing user ${bkUser} is not an assignee, appointee or supervisor of this alert, and holds no right to see alerts of business ${bizId}.`,
      'Nothing was changed. Ask for view rights on the business in BlueKing (权限中心), or ask an owner of the alert.',
    ],
  },
};
