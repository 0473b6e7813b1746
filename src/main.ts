import { existsSync } from 'node:fs';
import { createApp } from './app';
import { createBkClient } from './bk/client';
import { loadConfig, ConfigError, SETTING_NAMES, type Config } from './config';
import { runConsole } from './console/console';
import { createDemoSource } from './console/demo-data';
import type { EventLogSource } from './eventlog/source';
import { messagesFor } from './i18n/catalog';
import { createLogger, type Logger } from './log';
import { createLogOffload } from './offload/log-offload';
import { createRedactor } from './redact';
import { describeStore, storeSecrets } from './store/create-store';
import { createPrometheusMetrics } from './metrics-prometheus';
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
  const log = createLogger({
    level: config.logLevel,
    secrets: secretsOf(config),
    // In console mode stdout is the conversation; logs go to stderr.
    write: consoleMode ? (line) => process.stderr.write(line) : undefined,
  });
  // A mistyped setting (SLACK_BOT_TOKN, BK_APPCODE) is said at start, not silently ignored; names only, never values.
  for (const { name, didYouMean } of unknownSettings(process.env, SETTING_NAMES)) {
    log.warn('config.unknown_setting', { name, did_you_mean: didYouMean, hint: 'not a setting of this bot: ignored (see .env.example)' });
  }
  // With Slack, big BlueKing answers are read and rendered on worker threads, so acks never wait behind them,
  // with or without Redis (replicas share a big log as its body, see shared-answer-codec.ts);
  // the console answers one person and renders every log itself.
  const offload = consoleMode ? null : createLogOffload();
  const bkClient = config.bk ? createBkClient(config.bk, { zone: config.timezone, ...(offload ? { bigBodies: offload } : {}) }) : null;
  const source: EventLogSource = bkClient ?? createDemoSource(config.timezone);
  const bkAt = config.bk ? { host: new URL(config.bk.baseUrl).host, authStyle: config.bk.authStyle } : null;

  if (config.slack.kind === 'console') {
    const words = messagesFor(config.lang).console;
    const sourceLabel = bkAt ? words.blueKingSource(bkAt.host, bkAt.authStyle) : words.demoSource;
    process.stdout.write(`${words.noSlack(sourceLabel)}\n`);
    await runConsole({
      input: process.stdin,
      output: process.stdout,
      source,
      sourceLabel,
      lang: config.lang,
      timezone: config.timezone,
      monitorUrl: config.monitorUrl,
      now: Date.now,
      isTTY: Boolean(process.stdout.isTTY),
      identity: { username: config.bk?.username ?? null },
      noticeResults: config.noticeResults,
      alertContext: config.alertContext,
    });
    bkClient?.close();
    return;
  }

  const running = createApp(
    { ...config, slack: config.slack },
    { source, log, metrics: createPrometheusMetrics({ defaultMetrics: true }), ...(offload ? { rawLogs: offload } : {}) },
  );
  const { port } = await running.start();
  offload?.warm();
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
    const finished = await running.stop(SHUTDOWN_GRACE_MS);
    bkClient?.close();
    await offload?.close();
    log.info('stopped', { in_flight_finished: finished });
  });
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

function secretsOf(config: Config): string[] {
  const slack = config.slack;
  const values = [config.bk?.appSecret, config.metricsToken];
  if (slack.kind !== 'console') values.push(slack.botToken, slack.signingSecret ?? undefined);
  if (slack.kind === 'socket') values.push(slack.appToken);
  values.push(...storeSecrets(config.store));
  return values.filter((v): v is string => typeof v === 'string');
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
  return createRedactor([env.BK_APP_SECRET, env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET, env.SLACK_APP_TOKEN, env.METRICS_TOKEN])(text);
}

main().catch((err: unknown) => {
  // Start-up failures (port in use, Slack refusing the token) end here: one line, no stack.
  process.stderr.write(`${redactEnvSecrets(`eventlog bot failed to start: ${err instanceof Error ? err.message : String(err)}`)}\n`);
  process.exit(1);
});
