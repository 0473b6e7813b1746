import type { Logger } from '../../log';
import type { Metrics } from '../../metrics';
import type { TriageOutcome, TriageRequest } from './triage-types';

/**
 * One JSON line per act (triage.ack, triage.shield, triage.unshield; a refusal
 * is triage.refused), with who in Slack, who in BlueKing, which alert and
 * business, the result and the reason; and one count in the metrics.
 * Notes and descriptions are the user's own words and stay out of the log.
 */
export function auditTriage(log: Logger, metrics: Pick<Metrics, 'triage'>, request: TriageRequest, bkUser: string | null, outcome: TriageOutcome): void {
  const { ask } = request;
  const fields = {
    act: ask.act,
    slack_user: request.userId,
    team: request.teamId,
    channel: request.channelId,
    bk_user: bkUser,
    alert_id: ask.alertId,
    biz_id: bizOf(outcome),
    result: outcome.kind,
    reason: reasonOf(outcome),
    shield_id: ask.act === 'unshield' ? ask.shieldId : outcome.kind === 'done' ? (outcome.shield?.id ?? null) : null,
    shield_minutes: ask.act === 'shield' ? ask.minutes : null,
  };
  metrics.triage(ask.act, outcome.kind);
  if (outcome.kind === 'refused') {
    log.warn('triage.refused', fields);
    return;
  }
  const level = outcome.kind === 'failed' || outcome.kind === 'unconfirmed' || outcome.kind === 'busy' ? 'warn' : 'info';
  log[level](`triage.${ask.act}`, fields);
}

/** The alert's business, when BlueKing said it. */
function bizOf(outcome: TriageOutcome): number | null {
  if ('alert' in outcome) return outcome.alert.bizId;
  if (outcome.kind === 'failed') return outcome.bizId;
  return outcome.kind === 'refused' && outcome.refusal.kind === 'not_allowed' ? outcome.refusal.bizId : null;
}

/** Why it went as it did, in one word or two: the authority used, the refusal, the error kind. */
function reasonOf(outcome: TriageOutcome): string | null {
  switch (outcome.kind) {
    case 'done':
      return outcome.basis;
    case 'refused':
      return outcome.refusal.kind === 'access' ? `access_${outcome.refusal.denied}` : outcome.refusal.kind === 'identity' ? `identity_${outcome.refusal.why}` : outcome.refusal.kind;
    case 'failed':
      return `${outcome.stage}_${outcome.error.kind}`;
    case 'already':
      return outcome.by === '' ? null : `by ${outcome.by}`;
    case 'not_open':
    case 'shield_gone':
    case 'unconfirmed':
      return outcome.alert.status.toLowerCase();
    default:
      return null;
  }
}
