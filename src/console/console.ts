/**
 * The local console: type `/eventlog <id>` and see the bot's answer in the
 * terminal, with no Slack workspace needed. Reads lines until `quit` or the
 * end of input (a pipe works as well as a terminal).
 */
import { createInterface } from 'node:readline';
import type { Lang } from '../config';
import type { AlertContextSetting, NoticeResultsSetting } from '../eventlog/fetch-with-deliveries';
import type { BkIdentity, EventLogSource } from '../eventlog/source';
import { messagesFor } from '../i18n/catalog';
import { answerCommand, welcomeText, type AnswerContext } from './console-answer';
import { parseConsoleLine } from './console-command';
import { createConsoleTriage } from './console-triage';
import { DEMO_EVENTS, isDemoSource } from './demo-data';

export interface ConsoleDeps {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  source: EventLogSource;
  /** Where lookups go, in words: "built-in demo data" or "BlueKing at paas.example.com (header auth)". */
  sourceLabel: string;
  lang: Lang;
  timezone: string;
  monitorUrl: string | null;
  now: () => number;
  /** Styled output and a prompt on a terminal; plain text for pipes and files. */
  isTTY: boolean;
  /** Whom lookups run as; defaults to no user (the source's own setting). */
  identity?: BkIdentity;
  /** Pause between the polls of `watch <id>` (default 1.5 s, so a person can follow them). */
  watchPauseMs?: number;
  /** BK_NOTICE_RESULTS; defaults to auto (per-receiver results for new-generation alerts). */
  noticeResults?: NoticeResultsSetting;
  /** BK_ALERT_CONTEXT; defaults to auto (the alert itself for new-generation alerts). */
  alertContext?: AlertContextSetting;
}

/**
 * Run the console until `quit`/`exit` or end of input. Prints the welcome and
 * help (with the demo events, when the source is the demo) first. Never
 * rejects on what is typed: every line gets an answer and the loop goes on.
 */
export async function runConsole(deps: ConsoleDeps): Promise<void> {
  const ctx: AnswerContext = {
    source: deps.source,
    sourceLabel: deps.sourceLabel,
    identity: deps.identity ?? { username: null },
    noticeResults: deps.noticeResults ?? 'auto',
    alertContext: deps.alertContext ?? 'auto',
    lang: deps.lang,
    timezone: deps.timezone,
    monitorUrl: deps.monitorUrl,
    now: deps.now,
    isTTY: deps.isTTY,
    demoEvents: isDemoSource(deps.source) ? DEMO_EVENTS : [],
    watchPauseMs: deps.watchPauseMs ?? 1_500,
  };
  ctx.triage = createConsoleTriage(ctx);
  const labels = messagesFor(deps.lang).console;
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
