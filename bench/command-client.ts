import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { slackSignatureHeaders } from '../test/helpers/slack-signature';

/** What the sender learns from one command: the HTTP status of the ack and how long it took. */
export interface AckResult {
  status: number;
  ackMs: number;
}

/** Posts signed `/eventlog` commands the way Slack does, over keep-alive connections. */
export interface CommandClient {
  /** POST `/eventlog <text>` to `baseUrl`, asking for the answer at `responseUrl`. */
  send(baseUrl: string, text: string, responseUrl: string): Promise<AckResult>;
  close(): void;
}

/** A client signing with `signingSecret`; the clock is read once per second for the timestamp. */
export function createCommandClient(signingSecret: string): CommandClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let triggers = 0;

  const send = (baseUrl: string, text: string, responseUrl: string): Promise<AckResult> => {
    triggers++;
    const body = new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: 'T0BENCH',
      team_domain: 'bench',
      channel_id: 'C0INCIDENT',
      channel_name: 'incident',
      user_id: 'U0ONCALL',
      user_name: 'oncall',
      command: '/eventlog',
      text,
      api_app_id: 'A0EVENTLOG',
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: `${triggers}.1234567890.bench`,
    }).toString();
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
      ...slackSignatureHeaders(signingSecret, body, Math.floor(Date.now() / 1000)),
    };
    return new Promise<AckResult>((resolve, reject) => {
      const req = http.request(`${baseUrl}/slack/events`, { method: 'POST', agent, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ackMs: performance.now() - started }));
        res.on('error', reject);
      });
      req.on('error', reject);
      const started = performance.now();
      req.end(body);
    });
  };

  return { send, close: () => agent.destroy() };
}
