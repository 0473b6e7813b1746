import type { Figure, ItemResult, Row } from './bench-types';
import type { Machine } from './machine';

/**
 * The bench's output: a table for people (plain text, or Markdown for the
 * README) and one JSON line for machines. Pure.
 */

const COLUMNS: ReadonlyArray<[title: string, key: keyof Row]> = [
  ['Item', 'item'],
  ['Figure', 'figure'],
  ['Measured', 'value'],
  ['Target', 'target'],
  ['', 'verdict'],
];

/** "Intel Xeon …, 2 cores, 24 GB, Node v20…". */
export function machineLine(machine: Machine): string {
  return `${machine.cpu}, ${machine.cores} cores, ${machine.memory_gb} GB, Node ${machine.node} (${machine.platform})`;
}

/** The plain-text table, columns padded to their widest cell; `notes` are printed under the machine line. */
export function formatTable(rows: readonly Row[], machine: Machine, notes: readonly string[] = []): string {
  const widths = COLUMNS.map(([title, key]) => Math.max(title.length, ...rows.map((row) => row[key].length)));
  const line = (cells: readonly string[]): string => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [
    `Machine: ${machineLine(machine)}`,
    ...notes,
    '',
    line(COLUMNS.map(([title]) => title)),
    rule,
    ...rows.map((row) => line(COLUMNS.map(([, key]) => row[key]))),
  ].join('\n');
}

/** The same table in Markdown, for the README. */
export function formatMarkdown(rows: readonly Row[], machine: Machine, notes: readonly string[] = []): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  return [
    `Machine: ${machineLine(machine)}`,
    ...notes.map((note) => `${note}  `),
    '',
    `| ${COLUMNS.map(([title]) => title).join(' | ')} |`,
    `| ${COLUMNS.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${COLUMNS.map(([, key]) => cell(row[key])).join(' | ')} |`),
  ].join('\n');
}

/** Every figure of the run on one line; `pass` is true only when every item passed. */
export function jsonLine(items: readonly ItemResult[], machine: Machine, durationSec: number, appNodeOptions: string | null = null): string {
  const figures: { [key: string]: Figure } = {};
  for (const item of items) figures[item.key] = item.figures;
  const pass = items.every((item) => item.figures.pass === true);
  return JSON.stringify({ bench: 'bk-eventlog-slack', machine: { ...machine }, app_node_options: appNodeOptions, duration_s: durationSec, ...figures, pass });
}
