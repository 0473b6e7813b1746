/**
 * The local console: type `/eventlog <id>` and see the bot's answer in the
 * terminal, with no Slack workspace needed. Reads lines until `quit` or the
 * end of input (a pipe works as well as a terminal).
 */
import { createInterface } from 'node:readline';
import { messagesFor } from '../i18n/catalog';
import type { LookupContext } from '../lookup/lookup-context';
import type { TriageService } from '../eventlog/triage/triage-service';
import type { AnswerContext } from './answer-context';
import { answerCommand, welcomeText } from './console-answer';
import { parseConsoleLine } from './console-command';
import { DEMO_EVENTS } from './demo-data';

export interface ConsoleDeps {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** The lookup-and-render path (src/bot.ts builds it): the same service and renderer as Slack's. */
  lookup: LookupContext;
  /** The source is the built-in demo data: help lists the demo events. */
  demo: boolean;
  /** `ack` / `shield` on the demo alerts (src/bot.ts builds it); null when a real BlueKing answers. */
  triage: TriageService | null;
  /** Where lookups go, in words: "built-in demo data" or "BlueKing at paas.example.com (header auth)". */
  sourceLabel: string;
  /** Styled output and a prompt on a terminal; plain text for pipes and files. */
  isTTY: boolean;
  /** Pause between the polls of `watch <id>` (default 1.5 s, so a person can follow them). */
  watchPauseMs?: number;
}

/**
 * Run the console until `quit`/`exit` or end of input. Prints the welcome and
 * help (with the demo events, when the source is the demo) first. Never
 * rejects on what is typed: every line gets an answer and the loop goes on.
 */
export async function runConsole(deps: ConsoleDeps): Promise<void> {
  const { config } = deps.lookup;
  const ctx: AnswerContext = {
    lookup: deps.lookup,
    sourceLabel: deps.sourceLabel,
    lang: config.lang,
    timezone: config.timezone,
    monitorUrl: config.monitorUrl,
    now: deps.lookup.now,
    isTTY: deps.isTTY,
    demoEvents: deps.demo ? DEMO_EVENTS : [],
    triage: deps.triage,
    watchPauseMs: deps.watchPauseMs ?? 1_500,
  };
  const labels = messagesFor(config.lang).console;
  const lines = createInterface({
    input: deps.input,
    // Only a terminal gets readline's echo and line editing; a pipe is read as plain lines.
    output: deps.isTTY ? deps.output : undefined,
    terminal: deps.isTTY,
    crlfDelay: Infinity,
  });
  // A closed output (`… | head`) ends the session instead of crashing the process.
  let outputClosed = false;
  const onOutputError = (): void => {
    outputClosed = true;
    lines.close();
  };
  deps.output.on('error', onOutputError);
  const print = (text: string): void => {
    if (!outputClosed) deps.output.write(`${text}\n`);
  };
  // A watch prints each Slack call as it happens.
  ctx.print = print;
  const prompt = (): void => {
    if (deps.isTTY && !outputClosed) {
      lines.setPrompt(labels.prompt);
      lines.prompt();
    }
  };

  try {
    print(welcomeText(ctx));
    print('');
    prompt();
    for await (const line of lines) {
      const command = parseConsoleLine(line);
      if (command.kind === 'quit') break;
      const answer = await answerCommand(command, ctx).catch((err: unknown) => labels.unexpectedError(errorName(err)));
      if (answer !== null) print(`${answer}\n`);
      prompt();
    }
  } finally {
    lines.close();
    deps.output.removeListener('error', onOutputError);
  }
}

/** Only the error's class name: a message could carry a URL, and URLs can carry secrets. */
function errorName(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}
