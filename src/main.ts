import { existsSync } from 'node:fs';
import { loadConfig, ConfigError, SETTING_NAMES, type Config } from './config';
import { createBot, secretsOf } from './bot';
import { runConsole } from './console/console';
import { messagesFor } from './i18n/catalog';
import { createLogger, type Logger } from './log';
import { createRedactor } from './redact';
import { describeStore } from './store/create-store';
import { unknownSettings } from './unknown-settings';

const SHUTDOWN_GRACE_MS = 10_000;

/** Read config, pick Socket Mode / HTTP / console, run until stopped. */
async function main(): Promise<void> {
  // Bolt starts its own auth.test from its constructor and awaits it only on the first request; if
  // Slack is unreachable at that moment the rejection is briefly unhandled. Log it instead of dying:
  // start() checks the token itself and stops with a clear message when Slack refuses it.
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`${redactEnvSecrets(`unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`)}\n`);
  });
  // A .env beside the app is read if present; variables already set win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = readConfigOrExit();
  const consoleMode = config.slack.kind === 'console';
  const secrets = secretsOf(config);
  const log = createLogger({
    level: config.logLevel,
    secrets,
    write: consoleMode ? consoleLogWriter() : undefined,
  });
  // A mistyped setting (SLACK_BOT_TOKN, BK_APPCODE) is said at start, not silently ignored; names only, never values.
  // Always shown, the console included: a mistyped Slack token is exactly what lands someone in the console.
  const startLog = consoleMode ? createLogger({ level: config.logLevel, secrets, write: (line) => process.stderr.write(line) }) : log;
  for (const { name, didYouMean } of unknownSettings(process.env, SETTING_NAMES)) {
    startLog.warn('config.unknown_setting', { name, did_you_mean: didYouMean, hint: 'not a setting of this bot: ignored (see .env.example)' });
  }
  const bkAt = config.bk ? { host: new URL(config.bk.baseUrl).host, authStyle: config.bk.authStyle } : null;
  const bot = createBot(config, { log });

  if (bot.kind === 'console') {
    const words = messagesFor(config.lang).console;
    const sourceLabel = bkAt ? words.blueKingSource(bkAt.host, bkAt.authStyle) : words.demoSource;
    process.stdout.write(`${words.noSlack(sourceLabel)}\n`);
    await runConsole({ input: process.stdin, output: process.stdout, lookup: bot.lookup, demo: bot.demo, triage: bot.triage, sourceLabel, isTTY: Boolean(process.stdout.isTTY) });
    await bot.close();
    return;
  }

  const { port } = await bot.start();
  log.info('started', {
    mode: config.slack.kind === 'socket' ? 'socket' : 'http',
    port,
    // For the operator's log, in English whatever BOT_LANG says.
    bk: bkAt ? `BlueKing at ${bkAt.host} (${bkAt.authStyle} auth)` : 'built-in demo data',
    bk_identity: config.identity.mode,
    store: describeStore(config.store),
    lang: config.lang,
  });
  onShutdownSignal(log, async () => {
    const finished = await bot.stop(SHUTDOWN_GRACE_MS);
    log.info('stopped', { in_flight_finished: finished });
  });
}

/**
 * In the console stdout is the conversation, and every answer (errors included) is already printed there:
 * log lines go to stderr only when LOG_LEVEL asks for them, so the terminal is not doubled with JSON.
 */
function consoleLogWriter(): (line: string) => void {
  return process.env.LOG_LEVEL ? (line) => process.stderr.write(line) : () => undefined;
}

function readConfigOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee README.md ("Settings") or .env.example.\n`);
      process.exit(1);
    }
    throw err;
  }
}

function onShutdownSignal(log: Logger, shutdown: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error('stop.failed', { error: err instanceof Error ? err.message : String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}

/** Blank the secret settings out of a message written before (or without) a configured logger. */
function redactEnvSecrets(text: string): string {
  const env = process.env;
  // The Redis password as written in the URL (percent-encoded or not): blanked in either form.
  const redisPassword = env.REDIS_URL && URL.canParse(env.REDIS_URL) ? new URL(env.REDIS_URL).password : undefined;
  return createRedactor([env.BK_APP_SECRET, env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET, env.SLACK_APP_TOKEN, env.METRICS_TOKEN, redisPassword])(text);
}

main().catch((err: unknown) => {
  // Start-up failures (port in use, Slack refusing the token) end here: one line, no stack.
  process.stderr.write(`${redactEnvSecrets(`eventlog bot failed to start: ${err instanceof Error ? err.message : String(err)}`)}\n`);
  process.exit(1);
});
