/**
 * What one console line asks for (pure). Everything that is not a console
 * word (help, quit, json, builder) is handed on as `/eventlog` text, so the
 * console accepts exactly what Slack accepts.
 */

import { isEventId } from '../eventlog/model/event-id';
import { isTimelineFilter, type TimelineFilter } from '../eventlog/summary/timeline-filter';
import { isShieldReason, parseShieldDuration, type ShieldReason } from '../eventlog/triage/shield-choices';

/** How to show an answer: as terminal text, as the exact Block Kit JSON, or as a Block Kit Builder link. */
export type OutputFormat = 'text' | 'json' | 'builder';

export type ConsoleCommand =
  | { kind: 'empty' }
  | { kind: 'quit' }
  | { kind: 'help' }
  /**
   * `text` is what Slack would put in the slash command's `text`. `modal`: show the Full log
   * modal instead of the message (`--modal`, `--filter=…`; `--all` in `text` does the same, as in Slack).
   */
  | { kind: 'eventlog'; text: string; format: OutputFormat; page: number; modal: boolean; filter: TimelineFilter }
  | { kind: 'unknown_command'; name: string }
  /** `ack <id> [note]`, `shield <id> <30m|1h|3h|12h|1d|7d> [reason]`: act on a demo alert; `usage` when the words do not fit. */
  | { kind: 'triage'; ask: ConsoleTriage | null };

export type ConsoleTriage =
  | { act: 'ack'; id: string; note: string }
  | { act: 'shield'; id: string; minutes: number; reason: ShieldReason; otherText: string };

const QUIT_WORDS = new Set(['quit', 'exit', 'q', '/quit', '/exit']);
const HELP_WORDS = new Set(['help', '?', '/help']);
const FORMAT_WORDS: Record<string, OutputFormat> = { json: 'json', builder: 'builder' };
const FORMAT_FLAGS: Record<string, OutputFormat> = { '--json': 'json', '--builder': 'builder' };
const SLASH_COMMAND = /^\/(\S+)\s*/;
// `--page=3`: the page the Older/Newer buttons would show in Slack (0 = the first view).
const PAGE_FLAG = /^--page=(\d{1,6})$/i;
// `--filter=failures`: the Full log modal's filter (all, notices, failures, state).
const FILTER_FLAG = /^--filter=([a-z]+)$/i;
const MODAL_FLAG = '--modal';

/** Read one console line. */
export function parseConsoleLine(line: string): ConsoleCommand {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };
  const lower = trimmed.toLowerCase();
  if (QUIT_WORDS.has(lower)) return { kind: 'quit' };
  if (HELP_WORDS.has(lower)) return { kind: 'help' };

  const [firstWord = ''] = lower.split(/\s+/, 1);
  if (firstWord === 'ack' || firstWord === 'shield') return { kind: 'triage', ask: triageOf(firstWord, trimmed.split(/\s+/).slice(1)) };
  const wordFormat = FORMAT_WORDS[firstWord];
  if (wordFormat) {
    // `json /eventlog 5310` means the same as `json 5310`.
    const rest = trimmed.slice(firstWord.length).trim();
    const slashRest = SLASH_COMMAND.exec(rest);
    const isEventlog = slashRest !== null && slashRest[1]?.toLowerCase() === 'eventlog';
    return withFlags(isEventlog ? rest.slice(slashRest[0].length) : rest, wordFormat);
  }

  const slash = SLASH_COMMAND.exec(trimmed);
  if (slash) {
    const name = slash[1] ?? '';
    // Any command name is fine in Slack (teams rename /eventlog), but in the console a typo is likelier.
    if (name.toLowerCase() !== 'eventlog') return { kind: 'unknown_command', name: `/${name}` };
    return withFlags(trimmed.slice(slash[0].length), 'text');
  }
  return withFlags(trimmed, 'text');
}

/** Take `--json` / `--builder` / `--page=N` / `--modal` / `--filter=F` out of the text; the last one given wins. */
function withFlags(rest: string, format: OutputFormat): ConsoleCommand {
  let chosen = format;
  let page = 0;
  let modal = false;
  let filter: TimelineFilter = 'all';
  const words = rest.trim().split(/\s+/).filter((word) => {
    const flag = FORMAT_FLAGS[word.toLowerCase()];
    if (flag) chosen = flag;
    const pageFlag = PAGE_FLAG.exec(word);
    if (pageFlag) page = Number(pageFlag[1]);
    const filterName = FILTER_FLAG.exec(word)?.[1]?.toLowerCase();
    const filterFlag = isTimelineFilter(filterName);
    if (filterFlag) filter = filterName;
    const modalFlag = word.toLowerCase() === MODAL_FLAG;
    if (modalFlag || filterFlag) modal = true;
    return !flag && !pageFlag && !filterFlag && !modalFlag && word !== '';
  });
  return { kind: 'eventlog', text: words.join(' '), format: chosen, page, modal, filter };
}

/** `ack <id> [note…]` / `shield <id> <duration> [reason…]`; null when the ID or duration is not one. */
function triageOf(act: 'ack' | 'shield', words: string[]): ConsoleTriage | null {
  const [id = '', ...rest] = words;
  if (!isEventId(id)) return null;
  if (act === 'ack') return { act, id, note: rest.join(' ') };
  const [duration = '', ...reasonWords] = rest;
  const minutes = parseShieldDuration(duration);
  if (minutes === null) return null;
  const reason = reasonWords.join(' ');
  if (reason === '') return { act, id, minutes, reason: 'change', otherText: '' };
  return isShieldReason(reason) ? { act, id, minutes, reason, otherText: '' } : { act, id, minutes, reason: 'other', otherText: reason };
}
