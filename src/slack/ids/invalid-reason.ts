/**
 * Why `/eventlog` text was not understood, as machine-readable reasons, and the
 * plain sentence (no Slack markup) that tells the user what is expected instead.
 */
import type { Lang } from '../../config';
import { MAX_ID_DIGITS } from './event-id';

export const INVALID_REASONS = [
  'not_a_number', // letters, symbols, commands
  'negative', // -5
  'zero', // 0, 000
  'leading_zero', // 007
  'plus_sign', // +5
  'decimal', // 1.5
  'exponent', // 1e5
  'hex', // 0x1F
  'digit_separators', // 1,234 or 1_234
  'too_long', // more than MAX_ID_DIGITS digits
  'full_width_digits', // １２３
  'non_ascii_digits', // ١٢٣ and other scripts' digits
  'invisible_characters', // zero-width, bidi controls, other control characters
  'several_ids', // 123 456
  'unexpected_words', // 123 please
  'too_long_text', // a wall of text
  'link_without_id', // a link that names no event
  'mention', // <@U123>, <!here>
  'missing_id', // only "public"
] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

const EXAMPLE = '164239028644167';

const SENTENCES: Record<InvalidReason, Record<Lang, string>> = {
  not_a_number: {
    en: `That is not an event ID. Type the ID as digits, e.g. ${EXAMPLE}.`,
    'zh-CN': `这不是事件 ID。请输入数字形式的 ID，例如 ${EXAMPLE}。`,
  },
  negative: {
    en: `Event IDs are never negative. Type the ID without a minus sign, e.g. ${EXAMPLE}.`,
    'zh-CN': `事件 ID 不会是负数。请去掉负号，例如 ${EXAMPLE}。`,
  },
  zero: {
    en: `0 is not an event ID; IDs start at 1. Type the ID shown in the alert, e.g. ${EXAMPLE}.`,
    'zh-CN': `0 不是事件 ID，ID 从 1 开始。请输入告警中显示的 ID，例如 ${EXAMPLE}。`,
  },
  leading_zero: {
    en: 'Event IDs do not start with 0. Type the ID exactly as BlueKing shows it, without leading zeros.',
    'zh-CN': '事件 ID 不以 0 开头。请按蓝鲸显示的原样输入 ID，不要加前导 0。',
  },
  plus_sign: {
    en: `Leave out the + sign and type only the digits, e.g. ${EXAMPLE}.`,
    'zh-CN': `请去掉加号，只输入数字，例如 ${EXAMPLE}。`,
  },
  decimal: {
    en: `Event IDs are whole numbers. Type the ID without a decimal point, e.g. ${EXAMPLE}.`,
    'zh-CN': `事件 ID 是整数。请不要带小数点，例如 ${EXAMPLE}。`,
  },
  exponent: {
    en: `Scientific notation such as 1e5 is not an event ID. Type every digit of the ID, e.g. ${EXAMPLE}.`,
    'zh-CN': `科学计数法（如 1e5）不是事件 ID。请输入完整的每一位数字，例如 ${EXAMPLE}。`,
  },
  hex: {
    en: `Hexadecimal numbers are not event IDs. Type the ID in decimal digits, e.g. ${EXAMPLE}.`,
    'zh-CN': `十六进制数不是事件 ID。请输入十进制数字，例如 ${EXAMPLE}。`,
  },
  digit_separators: {
    en: `Type the ID without commas or other separators between the digits, e.g. ${EXAMPLE}.`,
    'zh-CN': `请输入连续的数字，不要在数字之间加逗号或其他分隔符，例如 ${EXAMPLE}。`,
  },
  too_long: {
    en: `Event IDs have at most ${MAX_ID_DIGITS} digits. Check that you copied only the ID.`,
    'zh-CN': `事件 ID 最多 ${MAX_ID_DIGITS} 位数字。请确认只复制了 ID 本身。`,
  },
  full_width_digits: {
    en: `The ID is typed in full-width digits (１２３). Type it with ordinary digits 0-9, e.g. ${EXAMPLE}.`,
    'zh-CN': `ID 使用了全角数字（１２３）。请切换到半角，输入普通数字 0-9，例如 ${EXAMPLE}。`,
  },
  non_ascii_digits: {
    en: `The ID uses digits from another script. Type it with ordinary digits 0-9, e.g. ${EXAMPLE}.`,
    'zh-CN': `ID 使用了其他文字的数字。请输入普通数字 0-9，例如 ${EXAMPLE}。`,
  },
  invisible_characters: {
    en: 'The text contains invisible characters (zero-width or text-direction marks), usually picked up when copying. Type the ID again by hand.',
    'zh-CN': '文本中含有不可见字符（零宽字符或文字方向控制符），通常是复制时带入的。请手动重新输入 ID。',
  },
  several_ids: {
    en: 'That names more than one event. Look up one ID at a time.',
    'zh-CN': '这里包含多个事件 ID。请一次只查询一个 ID。',
  },
  unexpected_words: {
    en: `Only an event ID is expected, optionally followed by "public". Remove the other words, e.g. ${EXAMPLE} public.`,
    'zh-CN': `只需输入事件 ID，可在后面加 "public"（公开）。请去掉其他文字，例如 ${EXAMPLE} public。`,
  },
  too_long_text: {
    en: 'That text is too long to read an ID from. Paste only the event ID, the alert\'s "告警ID" line or its BlueKing detail link.',
    'zh-CN': '文本太长，无法从中读取 ID。请只粘贴事件 ID、告警中的“告警ID”一行或蓝鲸告警详情链接。',
  },
  link_without_id: {
    en: 'That link does not name an event. Use the alert\'s detail link (…/event-center/detail/ID) or type the "告警ID"; the default "查看详情" link carries an action ID, not the alert ID.',
    'zh-CN': '该链接中没有事件 ID。请使用告警详情链接（…/event-center/detail/ID）或直接输入“告警ID”；默认的“查看详情”链接带的是处理记录 ID，不是告警 ID。',
  },
  mention: {
    en: `That is a Slack mention, not an event ID. Type the ID as digits, e.g. ${EXAMPLE}.`,
    'zh-CN': `这是 Slack 的提及（@），不是事件 ID。请输入数字形式的 ID，例如 ${EXAMPLE}。`,
  },
  missing_id: {
    en: `Add the event ID before "public", e.g. ${EXAMPLE} public.`,
    'zh-CN': `请在 "public" 前输入事件 ID，例如 ${EXAMPLE} public。`,
  },
};

/** A plain sentence saying what was wrong and what is expected. No Slack markup: the renderer escapes it. */
export function describeInvalid(reason: InvalidReason, lang: Lang): string {
  return SENTENCES[reason][lang];
}
