import type { types } from '@slack/bolt';
import type { Lang } from '../config';
import { messagesFor } from '../i18n/catalog';
import type { TriageMessages } from '../i18n/messages';
import type { LookupError } from '../eventlog/model/lookup-error';
import type { TriageComponent, TriageOutcome, TriageRefusal } from '../eventlog/triage/triage-types';
import type { ButtonValue } from './actions';
import { sectionBlock } from './blocks';
import { dateToken } from './date-token';
import { renderLookupError } from './error-message';
import { RENDER_BUDGET } from './limits';
import { clipInline } from './mrkdwn';
import { renderPlainMessage, safeMessage } from './plain-message';
import { renderRefusal } from './status-message';
import { encodeUnshieldValue, TRIAGE_ACTION_IDS } from './triage-state';
import type { SlackMessage } from './types';

/**
 * What an act on an alert did, told privately to whoever acted: only what
 * BlueKing's answers prove (a write is "done" only once the alert read back
 * shows it). A shield's answer offers Lift shield.
 */
/** `opts.nowMs`: the reader's now, so the shield's end is written without the year or offset they already have. */
export function renderTriageOutcome(outcome: TriageOutcome, view: ButtonValue, opts: { lang: Lang; timezone: string; nowMs: number }): SlackMessage {
  const words = messagesFor(opts.lang).triage;
  const said = words.outcome;
  const id = clipInline(view.id, RENDER_BUDGET.name);
  const name = (text: string): string => clipInline(text, RENDER_BUDGET.name);
  const status = (raw: string): string => name(words.status[raw] ?? raw);
  switch (outcome.kind) {
    case 'done':
      if (outcome.act === 'ack') return safeMessage({ emoji: '✅', title: said.acked(id, name(outcome.bkUser)), lines: [] });
      if (outcome.act === 'unshield') return safeMessage({ emoji: '🔔', title: said.unshielded(id), lines: [] });
      return shieldDone(outcome.shield, view, opts, words);
    case 'already':
      return outcome.act === 'ack'
        ? safeMessage({ emoji: 'ℹ️', title: said.alreadyAcked(id, name(outcome.by)), lines: [] })
        : safeMessage({ emoji: 'ℹ️', title: said.alreadyShielded(id, name(outcome.alert.shieldLeftTime)), lines: [] });
    case 'not_open':
      return safeMessage({ emoji: 'ℹ️', title: said.notOpen(id, status(outcome.alert.status)), lines: [] });
    case 'shield_gone':
      return safeMessage({ emoji: 'ℹ️', title: said.shieldGone(id), lines: [] });
    case 'unconfirmed':
      return safeMessage({ emoji: '⚠️', title: said.unconfirmed(id), lines: [said.unconfirmedHint] });
    case 'not_found':
      return safeMessage({ emoji: '⚠️', title: said.notFound(id), lines: [] });
    case 'repeat':
      return renderPlainMessage({ emoji: 'ℹ️', title: said.repeat });
    case 'busy':
      return renderPlainMessage({ emoji: '⏳', title: said.busy });
    case 'refused':
      return renderTriageRefusal(outcome.refusal, opts.lang);
    case 'failed': {
      const special = componentFailure(outcome, words);
      if (special) return renderPlainMessage({ emoji: '⚠️', title: said.failedTitle[outcome.act], lines: special, context: errorContext(outcome.error) });
      const error = renderLookupError(view.id, outcome.error, opts);
      const head = sectionBlock(`⚠️ *${clipInline(said.failedTitle[outcome.act], RENDER_BUDGET.plainLine)}*`);
      const verify = outcome.stage === 'verify' ? [sectionBlock(clipInline(said.verifyFailed, RENDER_BUDGET.plainLine))] : [];
      return { text: `⚠️ ${said.failedTitle[outcome.act]}`, blocks: [head, ...verify, ...error.blocks] };
    }
  }
}

/** The setting that holds each component's path. */
const PATH_SETTING: Readonly<Record<Exclude<TriageComponent, 'none'>, string>> = {
  search_alert: 'BK_SEARCH_ALERT_PATH',
  business_list_by_actions: 'BK_BUSINESS_LIST_PATH',
  ack_event: 'BK_ACK_EVENT_PATH',
  add_shield: 'BK_ADD_SHIELD_PATH',
  disable_shield: 'BK_DISABLE_SHIELD_PATH',
};

/** A lookup's words for these two name get_event_log; an act's failure names the component it called. */
function componentFailure(outcome: Extract<TriageOutcome, { kind: 'failed' }>, words: TriageMessages): readonly string[] | null {
  if (outcome.component === 'none') return null;
  if (outcome.error.kind === 'app_permission') return words.outcome.appPermission(outcome.component);
  if (outcome.error.kind === 'component_not_found') return words.outcome.componentMissing(outcome.component, PATH_SETTING[outcome.component]);
  return null;
}

function errorContext(error: LookupError): string | undefined {
  const parts = [error.code ? `code ${error.code}` : null, error.requestId ? `request ${error.requestId}` : null].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** Why this person may not act, and what would let them. */
export function renderTriageRefusal(refusal: TriageRefusal, lang: Lang): SlackMessage {
  if (refusal.kind === 'access' || refusal.kind === 'identity') return renderRefusal(refusal, lang);
  const words = messagesFor(lang).triage.refusal;
  const lines =
    refusal.kind === 'not_allowed' ? words.not_allowed(refusal.bkUser, refusal.bizId === null ? '?' : String(refusal.bizId)) : words[refusal.kind];
  return renderPlainMessage({ emoji: '🚫', title: words.title, lines });
}

function shieldDone(
  shield: { id: string; endsAtMs: number } | null,
  view: ButtonValue,
  opts: { lang: Lang; timezone: string; nowMs: number },
  words: TriageMessages,
): SlackMessage {
  const id = clipInline(view.id, RENDER_BUDGET.name);
  const until = shield ? dateToken(shield.endsAtMs, opts.timezone, 'date-time', opts.nowMs) : '?';
  const message = safeMessage({ emoji: '🔕', title: words.outcome.shielded(id, until), lines: [words.outcome.sameDimensions] });
  if (!shield) return message;
  const lift: types.Button = {
    type: 'button',
    action_id: TRIAGE_ACTION_IDS.unshield,
    text: { type: 'plain_text', text: words.buttons.unshield, emoji: true },
    value: encodeUnshieldValue(shield.id, view),
  };
  return { text: message.text, blocks: [...message.blocks, { type: 'actions', elements: [lift] }] };
}
