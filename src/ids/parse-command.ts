/**
 * Reading `/eventlog` text: help, one event ID (typed, labelled or inside a pasted
 * BlueKing link or alert text), an optional "public" flag, or a specific reason it
 * could not be understood.
 */
import { digitsProblem } from '../eventlog/model/event-id';
import { excerpt, indexOfInvisible } from './excerpt';
import { uniqueEventIds } from './extract-ids';
import { findIdMentions } from './find-id-mentions';
import type { InvalidReason } from '../eventlog/model/invalid-reason';
import { scanSlackText } from './slack-markup';

export { INVALID_REASONS, type InvalidReason } from '../eventlog/model/invalid-reason';

export type CommandRequest =
  | { kind: 'help' }
  /**
   * `watch`: keep a live copy in the channel; it is posted to the channel whatever `public` says.
   * `all`: `--all` was given, so the whole log opens in the Full log modal.
   */
  | { kind: 'lookup'; id: string; public: boolean; watch: boolean; all: boolean }
  | { kind: 'invalid'; reason: InvalidReason; excerpt: string };

/** Longer text is refused before any pattern runs (a pasted alert is well under this). */
export const MAX_COMMAND_TEXT_CHARS = 4000;

const HELP_WORDS: ReadonlySet<string> = new Set(['help', '帮助', '-h', '--help', '?', '？']);
const PUBLIC_WORDS: ReadonlySet<string> = new Set(['public', 'pub', '公开', 'in_channel']);
const WATCH_WORDS: ReadonlySet<string> = new Set(['watch', 'follow', '关注', '跟踪']);
// macOS and iOS turn a typed "--" into an em dash, so "—all" is the same flag.
const ALL_WORDS: ReadonlySet<string> = new Set(['--all', '—all', '-all']);

type TokenVerdict = { id: string } | { reason: InvalidReason };
/** A verdict on the whole text; `excerptOf` names the offending part when it is narrower than the text. */
type Reading = { id: string } | { reason: InvalidReason; excerptOf?: string };

/**
 * Parse the text of a `/eventlog` command. Pure.
 *
 * Accepts `<id>`, `#<id>`, `id:<id>`, the ID in quotes or backticks, a BlueKing detail link
 * (raw or Slack-wrapped `<url|label>`), text containing `告警ID: <id>` / `Alert ID: <id>`,
 * each optionally with `public` (`pub`, `公开`, `in_channel`) and/or `--all` (the Full log modal) first or last.
 * Bare numbers inside longer text are not guessed at: without a label or link they are
 * ambiguous (and judging them needs a clock), so they count as unexpected words.
 */
export function parseCommandText(text: string): CommandRequest {
  // Length first, so a wall of text costs nothing more than this comparison.
  if (text.length > MAX_COMMAND_TEXT_CHARS) return invalid('too_long_text', text);
  const invisibleAt = indexOfInvisible(text);
  if (invisibleAt >= 0) return invalid('invisible_characters', text, invisibleAt);
  const body = text.trim();
  if (body === '' || isHelpWord(body)) return { kind: 'help' };
  const { rest, flags } = takeFlags(body);
  if (rest === '') return invalid('missing_id', body);
  if (isHelpWord(rest)) return { kind: 'help' };
  const verdict = readId(rest);
  return 'id' in verdict
    ? { kind: 'lookup', id: verdict.id, public: flags.has('public'), watch: flags.has('watch'), all: flags.has('all') }
    : invalid(verdict.reason, verdict.excerptOf ?? rest);
}

const USER_MENTION = /<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g;

/**
 * Text of an `app_mention` without its user mentions (the bot's and any other),
 * ready for parseCommandText: `<@U0BOT> 123 public` → `123 public`.
 */
export function withoutUserMentions(text: string): string {
  return text.replace(USER_MENTION, ' ').trim();
}

function invalid(reason: InvalidReason, input: string, from = 0): CommandRequest {
  return { kind: 'invalid', reason, excerpt: excerpt(input, from) };
}

function isHelpWord(word: string): boolean {
  return HELP_WORDS.has(word.toLowerCase());
}

type Flag = 'public' | 'watch' | 'all';
const FLAG_COUNT = 3;

/** Whether `word` asks to watch ("watch", "关注", …), as in `@eventlog watch 5310`. */
export function isWatchWord(word: string): boolean {
  return WATCH_WORDS.has(word.toLowerCase());
}

function flagOf(word: string | undefined): Flag | null {
  const lower = word?.toLowerCase() ?? '';
  if (PUBLIC_WORDS.has(lower)) return 'public';
  if (WATCH_WORDS.has(lower)) return 'watch';
  if (ALL_WORDS.has(lower)) return 'all';
  return null;
}

/** Remove the flags (`public`, `watch`, `--all`, at most one of each) from either end of the (trimmed) text. */
function takeFlags(body: string): { rest: string; flags: ReadonlySet<Flag> } {
  const flags = new Set<Flag>();
  let rest = body;
  for (let taken = 0; taken < FLAG_COUNT; taken++) {
    const words = rest.split(/\s+/);
    const last = words[words.length - 1];
    const first = words[0];
    const atEnd = flagOf(last);
    const atStart = flagOf(first);
    if (atEnd && !flags.has(atEnd)) {
      flags.add(atEnd);
      rest = rest.slice(0, rest.length - (last?.length ?? 0)).trim();
    } else if (atStart && !flags.has(atStart)) {
      flags.add(atStart);
      rest = rest.slice(first?.length ?? 0).trim();
    } else break;
  }
  return { rest, flags };
}

/** The one ID the text names, or why there is not exactly one. */
function readId(text: string): Reading {
  const scan = scanSlackText(text);
  const mentions = findIdMentions(scan, null);
  const ids = uniqueEventIds(mentions);
  if (ids.length === 1) return { id: ids[0] };
  if (ids.length > 1) return { reason: 'several_ids' };
  // A label or link was there, but its number is unusable (`告警ID: 0`).
  const unusable = mentions[0];
  if (unusable) return { reason: digitsProblem(unusable.digits) ?? 'not_a_number', excerptOf: unusable.digits };
  if (scan.links.length > 0) return { reason: 'link_without_id' };
  if (scan.hasMention) return { reason: 'mention' };

  const words = text.replace(/^id\s*[:：=#]?\s*(?=\d)/i, '').split(/\s+/);
  if (words.length === 1) {
    const verdict = classifyWord(words[0]);
    return 'id' in verdict ? verdict : { reason: verdict.reason, excerptOf: words[0] };
  }
  return classifyWords(words);
}

/** Several words and no labelled ID: several numbers, a number with extra words, or nothing usable. */
function classifyWords(words: string[]): { reason: InvalidReason } {
  // List punctuation is not part of a number: "123, 456" names two IDs, "1; DROP TABLE" one plus words.
  const verdicts = words.map((word) => classifyWord(word.replace(/[,;，；、。.]+$/, '')));
  const idCount = verdicts.filter((v) => 'id' in v).length;
  if (idCount >= 2) return { reason: 'several_ids' };
  if (words.some((word) => /[０-９]/.test(word))) return { reason: 'full_width_digits' };
  return { reason: idCount === 1 ? 'unexpected_words' : 'not_a_number' };
}

/** One word: an ID, or the specific way it is not one. */
function classifyWord(word: string): TokenVerdict {
  const candidate = unwrap(word);
  if (/^\d+$/.test(candidate)) {
    const problem = digitsProblem(candidate);
    return problem ? { reason: problem } : { id: candidate };
  }
  return { reason: notDigitsReason(candidate) };
}

/** Why a word that is not plain digits is no ID; checked most specific first. */
function notDigitsReason(word: string): InvalidReason {
  if (/^[-−][\d.]/.test(word)) return 'negative';
  if (/^\+\d/.test(word)) return 'plus_sign';
  if (/^0x[0-9a-f]+$/i.test(word)) return 'hex';
  if (/^(?:\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(word)) return 'exponent';
  if (/^(?:\d+\.\d+|\.\d+|\d+\.)$/.test(word)) return 'decimal';
  if (/^\d+(?:[,_'’]\d+)+$/.test(word)) return 'digit_separators';
  if (/[０-９]/.test(word)) return 'full_width_digits';
  if (/^\p{Nd}+$/u.test(word)) return 'non_ascii_digits';
  return 'not_a_number';
}

/** Strip one layer of quoting or emphasis people type around an ID (`"123"`, `` `123` ``, `*123*`), then a leading `#`. */
function unwrap(word: string): string {
  const match = /^(["'`*_“‘「])(.+)(["'`*_”’」])$/.exec(word);
  const inner = match && PAIRS[match[1]] === match[3] ? match[2] : word;
  return inner.startsWith('#') ? inner.slice(1) : inner;
}

const PAIRS: Readonly<Record<string, string>> = { '"': '"', "'": "'", '`': '`', '*': '*', _: '_', '“': '”', '‘': '’', '「': '」' };
