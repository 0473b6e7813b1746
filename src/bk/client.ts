import http from 'node:http';
import https from 'node:https';
import nodeFetch from 'node-fetch';
import type { BkConfig } from '../config';
import type { ActionList, ActionRecord } from '../eventlog/model/action-record';
import type { AlertContext } from '../eventlog/model/alert-context';
import { isEventId } from '../eventlog/model/event-id';
import { LookupError } from '../eventlog/model/lookup-error';
import type { EventLog } from '../eventlog/model/record';
import type { BkIdentity, EventLogSource } from '../eventlog/model/source';
import type { TriageSource } from '../eventlog/model/triage-source';
import { yieldToEventLoop } from '../yield-to-event-loop';
import type { BigBodyReader } from './big-body';
import { agentWatchingForCutShort } from './cut-short';
import { rawEventLog } from './raw-event-log';
import { startDeadline } from './deadline';
import { parseEventLogResponse, requestIdFromHeaders, type EsbAnswer, type HeaderReader } from './envelope';
import { createScrubber } from '../redact';
import { joined, readBody, type BodyChunks } from './read-body';
import { redactSecrets } from './redact-error';
import { buildEventLogRequest, buildJsonPost, type EsbRequest } from './request';
import { buildSearchActionBody, needsAnotherPage, parseSearchActionResponse } from './search-action';
import { buildSearchAlertBody, parseSearchAlertResponse } from './search-alert';
import { transportError, type ResponseSoFar } from './transport-error';
import {
  buildAckBody,
  buildAddShieldBody,
  buildBusinessListBody,
  buildDisableShieldBody,
  parseAddShieldResponse,
  parseBusinessListResponse,
  readAcceptedAnswer,
} from './triage-calls';

/**
 * The BlueKing client: the event log (one GET) and an alert's actions
 * (search_action POSTs, page by page) through one keep-alive agent, each call
 * with a whole-call timeout, a body size cap and every failure turned into a
 * LookupError that carries no secret and no URL.
 */

export interface BkClientDeps {
  /** IANA zone of zone-less `create_time` values (BK_TIMEZONE). */
  zone: string;
  /** node-fetch v2, or a stand-in with its signature (tests). */
  fetch?: typeof nodeFetch;
  /** An agent to use instead of the client's own; the caller then owns (and destroys) it. */
  agent?: http.Agent | https.Agent;
  /** Reads big bodies off the main thread (src/offload/); without one every body is read here. */
  logWorkers?: BigBodyReader;
  /** The bot's other secrets (Slack tokens, Redis password…), blanked from upstream text like the app secret. */
  secrets?: readonly string[];
  /** Clock for search_alert's time window (tests pin it). */
  now?: () => number;
}

export interface BkClient extends Required<EventLogSource> {
  /** Destroy the client's own keep-alive agent (clean shutdown, tests). */
  close(): void;
}

interface RawAnswer {
  status: number;
  headers: HeaderReader;
  /** The same headers by lower-case name, for a reader on another thread. */
  headerMap: Record<string, string>;
  body: BodyChunks;
}


/** Create a client for the configured ESB. */
export function createBkClient(cfg: BkConfig, deps: BkClientDeps): BkClient {
  const fetch = deps.fetch ?? nodeFetch;
  const ownAgent = deps.agent === undefined;
  const agent = deps.agent ?? keepAliveAgent(cfg.baseUrl);
  // Upstream text may echo any of the bot's secrets, or part of one: all are blanked from it.
  const secrets = [cfg.appSecret, ...(deps.secrets ?? [])];
  // Every length counts: the secret is blanked from upstream text before any cut (see redactSecrets).
  const scrub = createScrubber(secrets, 1);

  const fetchOnce = async (id: string, identity: BkIdentity, signal?: AbortSignal): Promise<EventLog> => {
    // Only a usable event ID (src/eventlog/model/event-id.ts) ever leaves the process.
    if (!isEventId(id)) throw new LookupError({ kind: 'bad_parameter' });
    const answer = await download(buildEventLogRequest(cfg, id, identity.username ?? cfg.username), signal);
    const big = deps.logWorkers;
    if (big && answer.body.length >= big.minBytes) return readBigBody(big, id, answer);
    await yieldToEventLoop();
    return parseEventLogResponse({ id, httpStatus: answer.status, headers: answer.headers, body: joined(answer.body).toString('utf8'), zone: deps.zone, scrub });
  };

  /** A big answer is checked off the main thread and kept as bytes; its records are read again only to render it. */
  const readBigBody = async (reader: BigBodyReader, id: string, answer: RawAnswer): Promise<EventLog> => {
    const verdict = await reader.check({ chunks: answer.body.chunks, id, zone: deps.zone, httpStatus: answer.status, headers: answer.headerMap, secrets });
    if (!verdict.ok) throw new LookupError(verdict.error);
    const { body, records, generation, requestId } = verdict;
    return rawEventLog({ id, body, records, generation, requestId }, { zone: deps.zone, scrub });
  };

  /**
   * Every page of the alert's actions; `total` says whether another page is worth asking for. Each action
   * counts once: a gateway that ignores `page` sends the same actions again, and a page with nothing new ends it.
   */
  const fetchAllActions = async (alertId: string, identity: BkIdentity, signal?: AbortSignal): Promise<ActionList> => {
    if (!isEventId(alertId)) throw new LookupError({ kind: 'bad_parameter' });
    const actions: ActionRecord[] = [];
    const seen = new Set<string>();
    let unreadable = 0;
    let total = 0;
    let requestId: string | null = null;
    for (let page = 1; ; page++) {
      const request = buildJsonPost(cfg, cfg.searchActionPath, buildSearchActionBody(alertId, page, cfg.bizIds), identity.username ?? cfg.username);
      let raw: RawAnswer;
      try {
        raw = await download(request, signal);
      } catch (err) {
        // The lookup's deadline passed mid-way: what came in time is shown, marked as cut short.
        if (signal?.aborted && page > 1) return { actions, total, unreadable, requestId, cutShort: true };
        throw err;
      }
      const { status, headers, body } = raw;
      await yieldToEventLoop();
      const answer = parseSearchActionResponse({ httpStatus: status, headers, body: joined(body).toString('utf8'), scrub });
      const fresh = answer.actions.filter((action) => !seen.has(action.id) && Boolean(seen.add(action.id)));
      if (page > 1 && fresh.length === 0) return { actions, total, unreadable, requestId };
      actions.push(...fresh);
      unreadable += answer.unreadable;
      total = answer.total;
      requestId ??= answer.requestId;
      if (!needsAnotherPage(page, actions.length + unreadable, answer.total, answer.pageSize)) {
        return { actions, total, unreadable, requestId };
      }
    }
  };

  /** The alert itself (search_alert, one page of one); null when BlueKing finds no such alert in its window. */
  const fetchAlertOnce = async (alertId: string, identity: BkIdentity, signal?: AbortSignal): Promise<AlertContext | null> => {
    if (!isEventId(alertId)) throw new LookupError({ kind: 'bad_parameter' });
    const fields = buildSearchAlertBody(alertId, (deps.now ?? Date.now)(), cfg.bizIds);
    const { status, headers, body } = await download(buildJsonPost(cfg, cfg.searchAlertPath, fields, identity.username ?? cfg.username), signal);
    await yieldToEventLoop();
    return parseSearchAlertResponse({ httpStatus: status, headers, body: joined(body).toString('utf8'), scrub }, alertId);
  };

  /** One JSON POST to `path` as `identity`, its answer read by `read` (a write or an IAM question). */
  const post = async <T>(path: string, fields: Record<string, unknown>, identity: BkIdentity, read: (answer: EsbAnswer) => T): Promise<T> => {
    const { status, headers, body } = await download(buildJsonPost(cfg, path, fields, identity.username ?? cfg.username));
    return read({ httpStatus: status, headers, body: joined(body).toString('utf8'), scrub });
  };

  const paths = cfg.triagePaths;
  const triage: TriageSource = {
    fetchAlert: (alertId, identity) => redacted(() => fetchAlertOnce(alertId, identity)),
    ackAlert: (ask, identity) => redacted(() => post(paths.ackEvent, buildAckBody(ask), identity, readAcceptedAnswer)),
    addShield: (ask, identity) => redacted(() => post(paths.addShield, buildAddShieldBody(ask, deps.zone), identity, parseAddShieldResponse)),
    disableShield: (ask, identity) => redacted(() => post(paths.disableShield, buildDisableShieldBody(ask), identity, readAcceptedAnswer)),
    businessesWithView: (username, identity) =>
      redacted(() => post(paths.businessList, buildBusinessListBody(username), identity, parseBusinessListResponse)),
  };

  /** The raw answer; transport failures become LookupErrors here, and only here. */
  const download = async (request: EsbRequest, signal?: AbortSignal): Promise<RawAnswer> => {
    const deadline = startDeadline(cfg.timeoutMs, signal);
    let soFar: ResponseSoFar | undefined;
    try {
      const res = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        agent: agentWatchingForCutShort(agent, () => deadline.stop('connection_reset')),
        signal: deadline.signal,
        // A redirect would re-send the credentials header to wherever it points.
        redirect: 'manual',
      });
      soFar = { httpStatus: res.status, requestId: requestIdFromHeaders(res.headers, scrub) };
      // A declared length over the cap is refused before reading a byte of it.
      if (Number(res.headers.get('Content-Length') ?? NaN) > cfg.maxBodyBytes) {
        deadline.abort();
        throw new LookupError({ kind: 'body_too_large', ...soFar });
      }
      const headerMap = Object.fromEntries([...res.headers.entries()].map(([name, value]) => [name.toLowerCase(), value]));
      return { status: res.status, headers: res.headers, headerMap, body: await readBody(res.body, cfg.maxBodyBytes) };
    } catch (err) {
      if (err instanceof LookupError) throw err;
      const stopped = deadline.reason();
      // Drop the connection of a failed call (e.g. an oversized body still arriving).
      deadline.abort();
      throw transportError(err, stopped, soFar);
    } finally {
      deadline.dispose();
    }
  };

  /** Anything but a LookupError is a bug in this code, not a BlueKing failure: let it surface as is. */
  const redacted = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      throw err instanceof LookupError ? redactSecrets(err, secrets) : err;
    }
  };

  return {
    fetchEventLog: (id, identity, signal) => redacted(() => fetchOnce(id, identity, signal)),
    fetchActions: (alertId, identity, signal) => redacted(() => fetchAllActions(alertId, identity, signal)),
    fetchAlert: (alertId, identity, signal) => redacted(() => fetchAlertOnce(alertId, identity, signal)),
    rawLog: (parts) => rawEventLog(parts, { zone: deps.zone, scrub }),
    triage,
    close: () => {
      if (ownAgent) agent.destroy();
    },
  };
}

function keepAliveAgent(baseUrl: string): http.Agent | https.Agent {
  return new URL(baseUrl).protocol === 'https:' ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
}
