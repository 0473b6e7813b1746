import http from 'node:http';
import {
  HTTPReceiver,
  SocketModeReceiver,
  type Logger as BoltLogger,
  type LogLevel,
  type Receiver,
  type SocketModeReceiverOptions,
} from '@slack/bolt';
import type { SlackConnection } from '../config';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import { healthRoutes, type HealthState } from './health-routes';
import { guardSlackRequests } from './http-guard';
import { responseUrlAllowed } from './response-url-hosts';
import { socketEventErrors } from './socket-errors';

export interface ReceiverOptions {
  port: number;
  /** The /metrics body, served beside Slack's routes with /healthz and /readyz. */
  metrics: HealthState['metrics'];
  /** METRICS_TOKEN: the bearer token /metrics requires, or null for an open endpoint. */
  metricsToken: string | null;
  logger: BoltLogger;
  logLevel: LogLevel;
  /** Web API options for Socket Mode's own client (apps.connections.open), the same as the app's. */
  clientOptions: SocketModeClientOptions;
  /** HTTP mode: the guard in front of Bolt (see http-guard.ts) logs here and remembers signatures there; Socket Mode logs here what Bolt could not route. */
  guard: { log: Logger; seen: Pick<Store, 'seen'>; slackApiUrl: string | null; answered(seconds: number): void };
}

/** Where Slack sends events, commands and interactions (Bolt's default path, named here for Bolt and the guard alike). */
const SLACK_ENDPOINTS: readonly string[] = ['/slack/events'];

/** Bolt's HTTPReceiver default body limit; the guard reads no more than Bolt would. */
const BOLT_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

type SocketModeClientOptions = NonNullable<SocketModeReceiverOptions['installerOptions']>['clientOptions'];

export interface BotReceiver {
  receiver: Receiver;
  /** Call with what app.start() resolved: marks an HTTP receiver ready and gives the port it listens on (null for Socket Mode). */
  started(server: unknown, configuredPort: number): number | null;
  /** Call on stop: not ready any more. */
  stopped(): void;
}

/**
 * The Bolt receiver for the configured connection, serving /healthz, /readyz and
 * /metrics beside Slack's routes. Ready means Slack can reach the app: the HTTP
 * server listens, or the Socket Mode connection is up.
 */
export function createReceiver(connection: SlackConnection, options: ReceiverOptions): BotReceiver {
  let ready = false;
  const routes = healthRoutes({ isReady: () => ready, metrics: options.metrics, metricsToken: options.metricsToken });
  const common = { customRoutes: routes, logger: options.logger, logLevel: options.logLevel };
  const stopped = (): void => {
    ready = false;
  };
  if (connection.kind === 'socket') {
    const receiver = new SocketModeReceiver({
      appToken: connection.appToken,
      installerOptions: { port: options.port, clientOptions: options.clientOptions },
      processEventErrorHandler: socketEventErrors(options.guard.log),
      ...common,
    });
    receiver.client.on('connected', () => {
      ready = true;
    });
    receiver.client.on('disconnected', () => {
      ready = false;
    });
    return {
      receiver,
      started: (server) => portOf(server),
      stopped,
    };
  }
  const receiver = new HTTPReceiver({
    signingSecret: connection.signingSecret,
    endpoints: [...SLACK_ENDPOINTS],
    port: options.port,
    processBeforeResponse: false,
    // The guard below verifies every request to SLACK_ENDPOINTS and lets none through unsigned: checked once, not twice.
    signatureVerification: false,
    ...common,
  });
  receiver.requestListener = guardSlackRequests(receiver.requestListener, {
    signingSecret: connection.signingSecret,
    endpoints: SLACK_ENDPOINTS,
    seen: options.guard.seen,
    log: options.guard.log,
    // Signatures are checked against the real clock: Slack signs with it.
    now: Date.now,
    bodyLimit: BOLT_BODY_LIMIT_BYTES,
    responseUrlAllowed: responseUrlAllowed(options.guard.slackApiUrl),
    answered: options.guard.answered,
  });
  return {
    receiver,
    started: (server, configuredPort) => {
      ready = true;
      keepConnectionsOpen(server);
      return portOf(server) ?? configuredPort;
    },
    stopped,
  };
}

/**
 * How long an idle keep-alive connection from Slack (or the load balancer in
 * front of the bot) stays open. Node closes one after 5 s by default, and a
 * request sent on it in the same instant fails with a reset: Slack shows
 * `dispatch_failed` for a slash command. The side that sends must give up
 * first, so the bot keeps idle connections longer than the usual balancer
 * idle timeout (60 s).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

function keepConnectionsOpen(server: unknown): void {
  if (!(server instanceof http.Server)) return;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Headers of a request on a kept connection must be allowed as long (Node requires headersTimeout > keepAliveTimeout).
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}

function portOf(server: unknown): number | null {
  if (typeof server !== 'object' || server === null || !('address' in server)) return null;
  const address: unknown = (server as { address: () => unknown }).address();
  return typeof address === 'object' && address !== null && 'port' in address ? Number(address.port) : null;
}
