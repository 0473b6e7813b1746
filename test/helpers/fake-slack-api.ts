import { startRecordingServer, type RecordedRequest, type RecordingServer } from './recording-server';

export type SlackArgs = Record<string, unknown>;
export type MethodReply = { status?: number; headers?: Record<string, string>; body: Record<string, unknown> };

export interface FakeSlackApi {
  /** Base URL to hand the app as SLACK_API_URL (ends with /api/). */
  apiUrl: string;
  server: RecordingServer;
  /** Arguments of every call to `method`, parsed from form or JSON bodies. */
  calls(method: string): SlackArgs[];
  /** Answer `method` with `reply` from now on (a function gets each call's args). */
  reply(method: string, reply: MethodReply | ((args: SlackArgs, callIndex: number) => MethodReply)): void;
  waitForCall(method: string, count?: number, timeoutMs?: number): Promise<SlackArgs[]>;
  close(): Promise<void>;
}

const DEFAULTS: Record<string, Record<string, unknown>> = {
  'auth.test': { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'eventlog', team_id: 'T0001', user_id: 'UBOT', bot_id: 'BBOT' },
  'chat.postMessage': { ok: true, channel: 'C0001', ts: '1700000000.000100' },
  'chat.postEphemeral': { ok: true, message_ts: '1700000000.000200' },
  'chat.update': { ok: true },
  'chat.unfurl': { ok: true },
  'views.open': { ok: true, view: { id: 'V0FULLLOG', hash: '1700000500.open0001', type: 'modal' } },
  'views.update': { ok: true, view: { id: 'V0FULLLOG', hash: '1700000500.upd00001', type: 'modal' } },
};

/** Parse a Web API request body: form-encoded (the default) or JSON; JSON-looking form values are decoded. */
export function parseSlackArgs(request: RecordedRequest): SlackArgs {
  const type = String(request.headers['content-type'] ?? '');
  if (type.includes('application/json')) return JSON.parse(request.body) as SlackArgs;
  const args: SlackArgs = {};
  for (const [key, value] of new URLSearchParams(request.body)) {
    args[key] = /^[[{]/.test(value) ? (JSON.parse(value) as unknown) : value;
  }
  return args;
}

/** A stand-in for Slack's Web API that records calls and answers like Slack does. */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const replies = new Map<string, MethodReply | ((args: SlackArgs, callIndex: number) => MethodReply)>();
  const counts = new Map<string, number>();
  const server = await startRecordingServer((request) => {
    const method = request.path.replace(/^\/api\//, '');
    const index = counts.get(method) ?? 0;
    counts.set(method, index + 1);
    const configured = replies.get(method);
    const reply =
      typeof configured === 'function'
        ? configured(parseSlackArgs(request), index)
        : (configured ?? { body: DEFAULTS[method] ?? { ok: false, error: 'unknown_method' } });
    return { status: reply.status ?? 200, headers: reply.headers, body: JSON.stringify(reply.body) };
  });
  const callsOf = (method: string): SlackArgs[] =>
    server.requests.filter((r) => r.path === `/api/${method}`).map(parseSlackArgs);
  return {
    apiUrl: `${server.url}/api/`,
    server,
    calls: callsOf,
    reply: (method, reply) => {
      replies.set(method, reply);
    },
    waitForCall: async (method, count = 1, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      while (callsOf(method).length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} ${method} calls, got ${callsOf(method).length}`);
        await server.waitForRequests(server.requests.length + 1, Math.max(1, deadline - Date.now())).catch(() => undefined);
      }
      return callsOf(method);
    },
    close: () => server.close(),
  };
}
