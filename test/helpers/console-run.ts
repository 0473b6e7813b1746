import { PassThrough } from 'node:stream';
import { createBot } from '../../src/bot';
import { loadConfig } from '../../src/config';
import type { AnswerContext } from '../../src/console/answer-context';
import { runConsole, type ConsoleDeps } from '../../src/console/console';
import { isDemoSource } from '../../src/console/demo-data';
import { createPrometheusMetrics } from '../../src/metrics-prometheus';
import type { EventLogSource } from '../../src/eventlog/model/source';
import { silentLogger } from './silent';

/** The console as a test sets it up: the settings that matter to it, and optionally another source than the demo data. */
export type ConsoleOptions = Pick<AnswerContext, 'sourceLabel' | 'lang' | 'timezone' | 'monitorUrl' | 'now' | 'isTTY' | 'watchPauseMs'> & {
  /** Default: the built-in demo data, as with no BlueKing settings. */
  source?: EventLogSource;
};

/** The console's deps built the way main.ts builds them (src/bot.ts), less the streams. */
export function consoleDeps(options: ConsoleOptions): Omit<ConsoleDeps, 'input' | 'output'> {
  const config = loadConfig({ BOT_LANG: options.lang, BK_TIMEZONE: options.timezone, ...(options.monitorUrl ? { BK_MONITOR_URL: options.monitorUrl } : {}) });
  const { source } = options;
  const bot = createBot(config, { log: silentLogger, metrics: createPrometheusMetrics({ defaultMetrics: false }), now: options.now, logWorkers: false, ...(source ? { wrapSource: () => source } : {}) });
  if (bot.kind !== 'console') throw new Error('expected the console');
  return {
    lookup: bot.lookup,
    demo: source ? isDemoSource(source) : bot.demo,
    // A source that is not the demo data stands for a real BlueKing: the console never acts on one.
    triage: source && !isDemoSource(source) ? null : bot.triage,
    sourceLabel: options.sourceLabel,
    isTTY: options.isTTY,
    ...(options.watchPauseMs === undefined ? {} : { watchPauseMs: options.watchPauseMs }),
  };
}

/** Run the console over `lines` (then end of input) and return everything it printed. */
export async function runConsoleLines(lines: readonly string[], options: ConsoleOptions): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  output.setEncoding('utf8');
  let printed = '';
  output.on('data', (chunk: string) => {
    printed += chunk;
  });
  const done = runConsole({ input, output, ...consoleDeps(options) });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return printed;
}
