/**
 * The shield modal's choices: bk-monitor's own quick-shield durations and
 * reasons. A submitted value is checked against these (it comes back from Slack).
 */

export const SHIELD_MINUTES = [30, 60, 180, 720, 1440, 10080] as const;

export const SHIELD_REASONS = ['change', 'known', 'unimportant', 'other'] as const;
export type ShieldReason = (typeof SHIELD_REASONS)[number];

/** BlueKing's own words for each reason, as its quick shield writes them into the description. */
export const BK_REASON_TEXT: Readonly<Record<Exclude<ShieldReason, 'other'>, string>> = {
  change: '变更中',
  known: '已知问题',
  unimportant: '无关紧要',
};

export function isShieldMinutes(value: number): boolean {
  return (SHIELD_MINUTES as readonly number[]).includes(value);
}

export function isShieldReason(value: string): value is ShieldReason {
  return (SHIELD_REASONS as readonly string[]).includes(value);
}

/** "3h", "30m", "1d", "7d" (the console's words) → minutes among the choices; null otherwise. */
export function parseShieldDuration(text: string): number | null {
  const match = /^(\d{1,5})\s*(m|min|h|d)$/i.exec(text.trim());
  if (!match) return null;
  const unit = match[2]!.toLowerCase();
  const minutes = Number(match[1]) * (unit === 'd' ? 1440 : unit === 'h' ? 60 : 1);
  return isShieldMinutes(minutes) ? minutes : null;
}

/** The shield's description in BlueKing: the reason, and who shielded it from Slack. */
export function shieldDescription(reason: ShieldReason, otherText: string, slackUserId: string, bkUser: string): string {
  const why = reason === 'other' ? otherText.trim() || '其他' : BK_REASON_TEXT[reason];
  return `${why}（Slack ${slackUserId} / ${bkUser}）`;
}
