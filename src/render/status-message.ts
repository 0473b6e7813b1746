import type { types } from '@slack/bolt';
import type { Lang } from '../config';
import type { Refusal } from '../eventlog/service/service';
import { messagesFor } from '../i18n/catalog';
import type { ReplyMessages } from '../i18n/messages';
import type { InvalidReason } from '../eventlog/model/invalid-reason';
import { describeInvalid } from './describe-invalid';
import { encodePickValue } from './pick-value';
import type { SlackApiFailure, SlackMessage } from './types';
import { PICK_ACTION_PREFIX } from './actions';
import { MARK } from './marks';
import { DEFAULT_COMMAND, renderPlainMessage, withCommand } from './plain-message';

/** A short message's bold title and its lines. */
interface TitledLines {
  title: string;
  lines: readonly string[];
}

/** Shown at once in the ack, replaced by the answer. */
export function renderLookingUp(id: string, lang: Lang): SlackMessage {
  return renderPlainMessage({ emoji: MARK.pending, title: messagesFor(lang).replies.lookingUp(id) });
}

/** The answer to a lookup still running when the bot had to stop: nothing is coming, ask again. */
export function renderRestarting(lang: Lang): SlackMessage {
  const s = messagesFor(lang).replies.restarting;
  return renderPlainMessage({ emoji: MARK.pending, title: s.title, lines: [s.line] });
}

/** What was wrong with the typed ID and what is expected; the excerpt is escaped by renderPlainMessage. */
export function renderInvalidInput(reason: InvalidReason, excerpt: string, lang: Lang, command: string = DEFAULT_COMMAND): SlackMessage {
  const s = messagesFor(lang).replies;
  const lines = [describeInvalid(reason, lang)];
  if (excerpt.length > 0) lines.push(s.youTyped(excerpt));
  return renderPlainMessage({ emoji: '⚠️', title: s.invalidTitle, lines, context: withCommand(s.usageHint, command) });
}

export function renderNoIdFound(lang: Lang): SlackMessage {
  const s = messagesFor(lang).replies;
  return renderPlainMessage({ emoji: MARK.warning, title: s.noIdTitle, lines: s.noIdLines });
}

/** Most IDs one chooser offers; a post naming more is not an alert post. */
const MAX_CHOICES = 10;

/** Several IDs in one post: a button per ID; the choice is answered in `threadTs`. */
export function renderIdChoice(ids: readonly string[], threadTs: string, lang: Lang): SlackMessage {
  const s = messagesFor(lang).replies;
  const leftOut = ids.length - MAX_CHOICES;
  const lines = leftOut > 0 ? [s.chooseLeftOut(MAX_CHOICES, leftOut), s.chooseLine] : [s.chooseLine];
  const base = renderPlainMessage({ emoji: MARK.hint, title: s.chooseTitle(ids.length), lines });
  const buttons = ids.slice(0, MAX_CHOICES).map(
    (id, i): types.Button => ({
      type: 'button',
      action_id: `${PICK_ACTION_PREFIX}_${i}`,
      text: { type: 'plain_text', text: id },
      value: encodePickValue({ id, threadTs }),
    }),
  );
  return { text: base.text, blocks: [...base.blocks, { type: 'actions', elements: buttons }] };
}

export function renderRefusal(refusal: Refusal, lang: Lang): SlackMessage {
  return renderPlainMessage({ emoji: MARK.warning, ...refusalText(refusal, messagesFor(lang).replies.refusal) });
}

function refusalText(refusal: Refusal, words: ReplyMessages['refusal']): TitledLines {
  switch (refusal.kind) {
    case 'access':
      return { title: words.access.title, lines: [words.access.denied[refusal.denied], words.access.ask] };
    case 'identity':
      return { title: words.identity.title, lines: words.identity[refusal.why] };
    case 'user_rate_limited':
      return { title: words.user_rate_limited.title, lines: [words.user_rate_limited.line(refusal.retryAfterSec)] };
    case 'busy':
      return { title: words.busy.title, lines: [words.busy.line] };
  }
}

/** Why the answer could not be posted in the thread, and what to fix (invite the bot, add a scope, …). */
export function renderPostFailure({ code, neededScope }: SlackApiFailure, lang: Lang): SlackMessage {
  const words = messagesFor(lang).replies.postFailure;
  return renderPlainMessage({ emoji: '⚠️', title: words.title, lines: [fixFor(code, neededScope, words), words.errorLine(code)] });
}

/** What to do about a Slack error: our advice for it, the scope to add, or Slack's word as it is. */
function fixFor(code: string, neededScope: string | null, words: ReplyMessages['postFailure']): string {
  if (code === 'missing_scope') return words.missingScope(neededScope);
  const fixes: Readonly<Partial<Record<string, string>>> = words.fixes;
  return (Object.hasOwn(fixes, code) ? fixes[code] : undefined) ?? words.unknownFix(code);
}

/** views.open failed (most often expired_trigger_id): said privately, instead of a window that never opens. */
export function renderModalOpenFailure(code: string, lang: Lang): SlackMessage {
  const words = messagesFor(lang).replies.modalOpenFailure;
  const fix = code === 'expired_trigger_id' ? words.expired : words.other(code);
  return renderPlainMessage({ emoji: '⚠️', title: words.title, lines: [fix, words.errorLine(code)] });
}

/** A button that no longer works; `command` is the slash command to run instead, for event `id` when the button named one. */
export function renderStaleButton(lang: Lang, command = '/eventlog', id: string | null = null): SlackMessage {
  return renderPlainMessage({ emoji: '⚠️', title: messagesFor(lang).replies.staleButton(command, id) });
}
