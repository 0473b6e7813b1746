/**
 * ANSI styling for the console, or none when output is not a terminal (a
 * pipe or a file gets plain text). Attributes are switched off with their own
 * reset codes, and the surrounding style (dim, for context lines) is switched
 * back on afterwards, because bold's reset (22) also ends dim.
 */

export type InlineAttr = 'bold' | 'italic' | 'strike' | 'code';
export type LineAttr = 'dim' | 'headline';

export interface TerminalStyle {
  readonly isTTY: boolean;
  /** Style an inline span; `base` is the style of the line it sits in, restored after the span. */
  inline(attr: InlineAttr, text: string, base?: LineAttr): string;
  /** Style a whole line. */
  line(attr: LineAttr, text: string): string;
}

const ESC = '\u001b[';
const INLINE_CODES: Record<InlineAttr, readonly [on: string, off: string]> = {
  bold: [`${ESC}1m`, `${ESC}22m`],
  italic: [`${ESC}3m`, `${ESC}23m`],
  strike: [`${ESC}9m`, `${ESC}29m`],
  code: [`${ESC}36m`, `${ESC}39m`],
};
const LINE_CODES: Record<LineAttr, readonly [on: string, off: string]> = {
  dim: [`${ESC}2m`, `${ESC}22m`],
  headline: [`${ESC}1;4m`, `${ESC}24;22m`],
};

const ANSI_STYLE: TerminalStyle = {
  isTTY: true,
  inline: (attr, text, base) => {
    const [on, off] = INLINE_CODES[attr];
    return `${on}${text}${off}${base ? LINE_CODES[base][0] : ''}`;
  },
  line: (attr, text) => `${LINE_CODES[attr][0]}${text}${LINE_CODES[attr][1]}`,
};

const PLAIN_STYLE: TerminalStyle = {
  isTTY: false,
  inline: (_attr, text) => text,
  line: (_attr, text) => text,
};

/** ANSI styles for a terminal, plain text otherwise. */
export function terminalStyle(isTTY: boolean): TerminalStyle {
  return isTTY ? ANSI_STYLE : PLAIN_STYLE;
}
