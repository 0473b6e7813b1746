import { LookupError } from '../../src/eventlog/model/lookup-error';
import { parseDemoResponse } from '../../src/console/demo-data';
import { EVOLVING_INCIDENT_ID, evolvingIncidentResponse, type EvolvingStage } from '../../src/console/demo/evolving-incident';
import { createServerClock } from '../../src/console/demo/server-clock';
import type { EventLog } from '../../src/eventlog/model/record';
import type { LookupOutcome, LookupRequest } from '../../src/eventlog/service/service';
import type { SlackMessage } from '../../src/render/types';
import type { WatchCallResult, WatchSlack } from '../../src/watch/watch-slack';
import type { WatchSnapshot } from '../../src/watch/snapshot';

/** Stand-ins for the watcher's edges: a BlueKing whose answer a test moves on, and a Slack that records. */

const ZONE = 'Asia/Shanghai';

/** The evolving demo incident (8001) at a stage, as the client would return it. */
export function incidentAt(stage: EvolvingStage): EventLog {
  return parseDemoResponse(EVOLVING_INCIDENT_ID, evolvingIncidentResponse(stage, createServerClock(ZONE)), ZONE);
}

/** What a lookup of the (old-generation) incident says about per-receiver results: not asked. */
export const NOT_ASKED = { kind: 'absent', absence: { kind: 'not_asked' } } as const;

export interface ScriptedLookup {
  lookup(request: LookupRequest): Promise<LookupOutcome>;
  requests: LookupRequest[];
  /** What every lookup answers from now on. */
  answer(outcome: LookupOutcome): void;
  stage(stage: EvolvingStage): void;
}

export function scriptedLookup(first: EvolvingStage = 'created'): ScriptedLookup {
  let current: LookupOutcome = { kind: 'ok', log: incidentAt(first), deliveries: NOT_ASKED, alert: NOT_ASKED, fromCache: false };
  const requests: LookupRequest[] = [];
  return {
    requests,
    lookup: async (request) => {
      requests.push(request);
      return current;
    },
    answer: (outcome) => {
      current = outcome;
    },
    stage: (stage) => {
      current = { kind: 'ok', log: incidentAt(stage), deliveries: NOT_ASKED, alert: NOT_ASKED, fromCache: false };
    },
  };
}

export const rateLimited = (): LookupOutcome => ({ kind: 'failed', error: new LookupError({ kind: 'rate_limited', retryAfterSec: 10 }) });

export interface SlackCall {
  method: 'post' | 'update' | 'reply';
  channel: string;
  /** thread_ts of a post or reply, ts of an update. */
  ts: string | null;
  message: SlackMessage;
}

export interface RecordingSlack extends WatchSlack {
  calls: SlackCall[];
  /** Answer the next call of `method` with this failure instead of ok. */
  failNext(method: SlackCall['method'], result: Extract<WatchCallResult, { ok: false }>): void;
}

export function recordingSlack(): RecordingSlack {
  const calls: SlackCall[] = [];
  const failures = new Map<SlackCall['method'], Extract<WatchCallResult, { ok: false }>>();
  let next = 1;
  const record = async (call: SlackCall): Promise<WatchCallResult> => {
    calls.push(call);
    const failure = failures.get(call.method);
    failures.delete(call.method);
    return failure ?? { ok: true, ts: `1717400000.${String(next++).padStart(6, '0')}` };
  };
  return {
    calls,
    failNext: (method, result) => {
      failures.set(method, result);
    },
    post: (channel, threadTs, message) => record({ method: 'post', channel, ts: threadTs, message }),
    update: (channel, ts, message) => record({ method: 'update', channel, ts, message }),
    reply: (channel, threadTs, message) => record({ method: 'reply', channel, ts: threadTs, message }),
  };
}

/** A Slack failure as the Web API adapter reports it. */
export function slackFailure(code: string, gone: Extract<WatchCallResult, { ok: false }>['gone'] = null, retryAfterMs: number | null = null) {
  return { ok: false as const, failure: { code, neededScope: null }, gone, retryAfterMs };
}

/** The snapshot of an open event with one notice sent and nothing else. */
export const OPEN_SNAPSHOT: WatchSnapshot = {
  records: 2,
  unreadable: 0,
  state: 'open',
  notices: 1,
  failedNotices: 0,
  shielded: 0,
  running: 0,
  acked: false,
  ackBy: null,
  ackNote: null,
  severityRaises: 0,
  recovered: false,
  closed: false,
  closedBySystem: false,
  lastFailureReason: null,
  lastFailureNoReceivers: false,
};
