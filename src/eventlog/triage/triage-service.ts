import { randomUUID } from 'node:crypto';
import type { Config } from '../../config';
import { checkAccess } from '../service/access';
import type { AlertContext } from '../model/alert-context';
import { createIdentityResolver, type EmailLookup } from '../service/identity';
import { LookupError } from '../model/lookup-error';
import type { TriageSource } from '../model/triage-source';
import type { Logger } from '../../log';
import type { Metrics } from '../../metrics';
import type { Store } from '../../store/store';
import { ALERT_LOCK_TIMES, withAlertLock, type AlertLockTimes } from './alert-lock';
import { businessAllows, isOpen, ownerBasis } from './authority';
import { createBusinessCache } from './business-cache';
import { shieldDescription } from './shield-choices';
import { auditTriage } from './triage-audit';
import { WRITE_COMPONENT, type AuthorityBasis, type ShieldDone, type TriageAsk, type TriageOutcome, type TriageRefusal, type TriageRequest } from './triage-types';

export interface TriageService {
  /** Act on an alert for a Slack user, if BlueKing's data says they may. */
  act(request: TriageRequest): Promise<TriageOutcome>;
  /** False with the shared service account (or no write calls): no buttons are offered. */
  readonly enabled: boolean;
}

export interface TriageDeps {
  /** BlueKing's write calls; undefined = none (acting is off). */
  source: TriageSource | undefined;
  store: Store;
  log: Logger;
  metrics: Pick<Metrics, 'triage'>;
  lookupEmail: EmailLookup;
  homeTeamId?: () => string | null;
  now: () => number;
  lockTimes?: AlertLockTimes;
}

/** New-generation alert IDs: 10 digits of Unix time and a sequence (old-generation events cannot be acted on here). */
const NEW_GENERATION_ALERT_ID = /^\d{15,}$/;

/** How long a submission is remembered, so a replay of it writes nothing. */
const ONCE_MS = 15 * 60_000;

/**
 * Acting on alerts from Slack as the person's own BlueKing user. The ESB skips
 * bk-monitor's permission checks, so this decides who may, from BlueKing's data
 * read at the moment of the act (never from what a button or modal carried):
 * allowlists, ACTIONS_ALLOWED_USER_IDS, a per-user identity, then the alert's
 * owners or the user's view_event_v2 businesses. One write per alert at a time
 * (a lease in the store), and every write read back before anything is claimed.
 */
export function createTriageService(config: Pick<Config, 'identity' | 'access' | 'actions'>, deps: TriageDeps): TriageService {
  const { store, now } = deps;
  const source = deps.source;
  const enabled = config.identity.mode !== 'service' && source !== undefined;
  const resolveIdentity = createIdentityResolver(config.identity, null, deps.lookupEmail, now, {
    home: deps.homeTeamId ?? (() => null),
    allowed: config.access.teamIds,
  });
  const businesses = source ? createBusinessCache(store, (bkUser) => source.businessesWithView(bkUser, { username: bkUser })) : null;
  const audit = (request: TriageRequest, bkUser: string | null, outcome: TriageOutcome): TriageOutcome => {
    auditTriage(deps.log, deps.metrics, request, bkUser, outcome);
    return outcome;
  };

  /** The first rule that refuses, before BlueKing is asked anything. */
  const gate = async (request: TriageRequest): Promise<{ refusal: TriageRefusal } | { bkUser: string; writes: TriageSource }> => {
    if (config.identity.mode === 'service') return { refusal: { kind: 'service_identity' } };
    if (!source) return { refusal: { kind: 'unavailable' } };
    const denied = checkAccess(config.access, request);
    if (denied) return { refusal: { kind: 'access', denied } };
    if (config.actions.userIds.size > 0 && !config.actions.userIds.has(request.userId)) return { refusal: { kind: 'actions_user' } };
    const identity = await resolveIdentity(request.userId);
    if (!identity.ok) return { refusal: { kind: 'identity', why: identity.why } };
    if (identity.username === null) return { refusal: { kind: 'service_identity' } };
    return { bkUser: identity.username, writes: source };
  };

  const act = async (request: TriageRequest): Promise<TriageOutcome> => {
    const kind = request.ask.act;
    const gated = await gate(request);
    if ('refusal' in gated) return audit(request, null, { kind: 'refused', act: kind, refusal: gated.refusal });
    const { bkUser, writes } = gated;
    try {
      if (request.onceKey !== null && (await store.seen(`triage:once:${request.onceKey}`, ONCE_MS))) {
        return audit(request, bkUser, { kind: 'repeat', act: kind });
      }
      const outcome = await withAlertLock(store, request.ask.alertId, randomUUID(), deps.lockTimes ?? ALERT_LOCK_TIMES, now, () =>
        actHoldingLock(request, bkUser, writes),
      );
      return audit(request, bkUser, outcome === 'busy' ? { kind: 'busy', act: kind } : outcome);
    } catch (err) {
      // The store or a bug, not BlueKing: nothing was written that we know of.
      deps.log.error('triage.unexpected', { alert_id: request.ask.alertId, error: err instanceof Error ? err.message : String(err) });
      return audit(request, bkUser, { kind: 'failed', act: kind, error: new LookupError({ kind: 'internal' }), stage: 'read', bizId: null, component: 'none' });
    }
  };

  /** Read the alert as the user, judge, write, read back: all under the alert's lease. */
  const actHoldingLock = async (request: TriageRequest, bkUser: string, writes: TriageSource): Promise<TriageOutcome> => {
    const { ask } = request;
    // Only a new-generation alert (Monitor 3.6+) has an alert document to judge and act on.
    if (!NEW_GENERATION_ALERT_ID.test(ask.alertId)) return { kind: 'not_found', act: ask.act };
    const identity = { username: bkUser };
    const read = await attempt(() => writes.fetchAlert(ask.alertId, identity));
    if (read instanceof LookupError) return { kind: 'failed', act: ask.act, error: read, stage: 'read', bizId: null, component: 'search_alert' };
    if (read === null) return { kind: 'not_found', act: ask.act };
    const alert = read;
    const basis = ownerBasis(alert, bkUser) ?? (await businessBasis(alert, bkUser));
    if (basis instanceof LookupError) return { kind: 'failed', act: ask.act, error: basis, stage: 'read', bizId: alert.bizId, component: 'business_list_by_actions' };
    if (basis === null) return { kind: 'refused', act: ask.act, refusal: { kind: 'not_allowed', bkUser, bizId: alert.bizId } };
    const before = stateBefore(ask, alert);
    if (before) return before;
    const bizId = alert.bizId;
    // Every write needs the business; an alert BlueKing gives none is not one we can act on.
    if (bizId === null) return { kind: 'not_found', act: ask.act };
    const wrote = await attempt(async (): Promise<ShieldDone | null> => {
      if (ask.act === 'ack') return writes.ackAlert({ alertId: ask.alertId, bizId, note: ask.note }, identity).then(() => null);
      if (ask.act === 'unshield') return writes.disableShield({ shieldId: ask.shieldId, bizId }, identity).then(() => null);
      const beginMs = now();
      const endsAtMs = beginMs + ask.minutes * 60_000;
      const description = shieldDescription(ask.reason, ask.otherText, request.userId, bkUser);
      return { id: await writes.addShield({ alertId: ask.alertId, bizId, beginMs, endMs: endsAtMs, description }, identity), endsAtMs };
    });
    if (wrote instanceof LookupError) return { kind: 'failed', act: ask.act, error: wrote, stage: 'write', bizId, component: WRITE_COMPONENT[ask.act] };
    const after = await attempt(() => writes.fetchAlert(ask.alertId, identity));
    if (after instanceof LookupError) return { kind: 'failed', act: ask.act, error: after, stage: 'verify', bizId, component: 'search_alert' };
    if (after === null) return { kind: 'not_found', act: ask.act };
    return readBack(ask, after, bkUser, basis, wrote);
  };

  /** view_event_v2 on the alert's business (the list cached per user); null when not, an error when IAM could not say. */
  const businessBasis = async (alert: AlertContext, bkUser: string): Promise<AuthorityBasis | null | LookupError> => {
    if (alert.bizId === null || !businesses) return null;
    const list = await attempt(() => businesses(bkUser));
    if (list instanceof LookupError) return list;
    return businessAllows(alert, list) ? 'business' : null;
  };

  return { act, enabled };
}

/** What the alert already says, when it leaves nothing to write. */
function stateBefore(ask: TriageAsk, alert: AlertContext): TriageOutcome | null {
  if (ask.act === 'unshield') return alert.shieldIds.includes(ask.shieldId) ? null : { kind: 'shield_gone', alert };
  if (ask.act === 'ack' && alert.isAck) return { kind: 'already', act: 'ack', by: alert.ackOperator, alert };
  if (!isOpen(alert)) return { kind: 'not_open', act: ask.act, alert };
  if (ask.act === 'shield' && alert.isShielded) return { kind: 'already', act: 'shield', by: '', alert };
  return null;
}

/** What the alert read back after the write proves. */
function readBack(ask: TriageAsk, alert: AlertContext, bkUser: string, basis: AuthorityBasis, shield: ShieldDone | null): TriageOutcome {
  const done: TriageOutcome = { kind: 'done', act: ask.act, bkUser, basis, alert, shield };
  switch (ask.act) {
    case 'ack':
      if (alert.isAck) return alert.ackOperator === '' || alert.ackOperator === bkUser ? done : { kind: 'already', act: 'ack', by: alert.ackOperator, alert };
      return isOpen(alert) ? { kind: 'unconfirmed', act: 'ack', alert } : { kind: 'not_open', act: 'ack', alert };
    case 'shield':
      return alert.isShielded ? done : { kind: 'unconfirmed', act: 'shield', alert };
    case 'unshield':
      return alert.shieldIds.includes(ask.shieldId) ? { kind: 'unconfirmed', act: 'unshield', alert } : done;
  }
}

/** A BlueKing call's result, or its LookupError (anything else is a bug and is thrown on). */
async function attempt<T>(call: () => Promise<T>): Promise<T | LookupError> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof LookupError) return err;
    throw err;
  }
}
