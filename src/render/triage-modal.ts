import type { types } from '@slack/bolt';
import type { Lang } from '../config';
import { messagesFor } from '../i18n/catalog';
import type { TriageMessages } from '../i18n/messages';
import { SHIELD_MINUTES, SHIELD_REASONS } from '../eventlog/triage/shield-choices';
import { clipInline } from './mrkdwn';
import { encodeTriageState, TRIAGE_CALLBACK_IDS, TRIAGE_INPUTS, type TriageModalState } from './triage-state';

/** The Acknowledge and Shield modals. Input limits are Slack's; the note goes to BlueKing as typed. */

type TriageView = types.ModalView & { blocks: types.KnownBlock[] };

const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text: clipInline(text, 150), emoji: true });
const NOTE_MAX = 500;
const OTHER_MAX = 200;
/** bk-monitor's own quick shield defaults to 3 h. */
const DEFAULT_MINUTES = 180;

/** A modal of ours: its callback, the state it carries, its words, an intro line, then `blocks`. */
function triageView(callbackId: string, state: TriageModalState, words: ModalWords, blocks: types.KnownBlock[]): TriageView {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: encodeTriageState(state),
    title: plain(words.title),
    submit: plain(words.submit),
    close: plain(words.close),
    blocks: [{ type: 'section', text: { type: 'plain_text', text: words.intro(state.view.id) } }, ...blocks],
  };
}

type ModalWords = Pick<TriageMessages['ackModal'], 'title' | 'submit' | 'close' | 'intro'>;

export function renderAckModal(state: TriageModalState, lang: Lang): TriageView {
  const words = messagesFor(lang).triage.ackModal;
  return triageView(TRIAGE_CALLBACK_IDS.ack, state, words, [
    {
      type: 'input',
      block_id: TRIAGE_INPUTS.note,
      optional: true,
      label: plain(words.noteLabel),
      element: { type: 'plain_text_input', action_id: TRIAGE_INPUTS.note, multiline: true, max_length: NOTE_MAX, placeholder: plain(words.notePlaceholder) },
    },
  ]);
}

export function renderShieldModal(state: TriageModalState, lang: Lang): TriageView {
  const words = messagesFor(lang).triage.shieldModal;
  const option = (text: string, value: string): types.PlainTextOption => ({ text: plain(text), value });
  const durations = SHIELD_MINUTES.map((m) => option(words.durations[String(m)] ?? `${m} min`, String(m)));
  const reasons = SHIELD_REASONS.map((r) => option(words.reasons[r], r));
  return triageView(TRIAGE_CALLBACK_IDS.shield, state, words, [
    {
      type: 'input',
      block_id: TRIAGE_INPUTS.duration,
      label: plain(words.durationLabel),
      element: {
        type: 'static_select',
        action_id: TRIAGE_INPUTS.duration,
        options: durations,
        initial_option: durations.find((o) => o.value === String(DEFAULT_MINUTES)),
      },
    },
    {
      type: 'input',
      block_id: TRIAGE_INPUTS.reason,
      label: plain(words.reasonLabel),
      element: { type: 'radio_buttons', action_id: TRIAGE_INPUTS.reason, options: reasons, initial_option: reasons[0] },
    },
    {
      type: 'input',
      block_id: TRIAGE_INPUTS.other,
      optional: true,
      label: plain(words.otherLabel),
      element: { type: 'plain_text_input', action_id: TRIAGE_INPUTS.other, max_length: OTHER_MAX },
    },
    { type: 'context', elements: [{ type: 'plain_text', text: words.sameDimensions }] },
  ]);
}
