import type { CustomRoute } from '@slack/bolt';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface HealthState {
  /** Slack connection up (Socket Mode) or HTTP receiver listening; the config was loaded if we got here. */
  isReady(): boolean;
  metrics(): Promise<{ contentType: string; body: string }>;
  /** Bearer token /metrics requires (METRICS_TOKEN); null = open. */
  metricsToken: string | null;
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}

/** /healthz (process alive), /readyz (ready for Slack traffic), /metrics (Prometheus). */
export function healthRoutes(state: HealthState): CustomRoute[] {
  return [
    { path: '/healthz', method: ['GET'], handler: (_req, res) => send(res, 200, 'application/json', '{"status":"ok"}') },
    {
      path: '/readyz',
      method: ['GET'],
      handler: (_req, res) =>
        state.isReady()
          ? send(res, 200, 'application/json', '{"status":"ready"}')
          : send(res, 503, 'application/json', '{"status":"starting"}'),
    },
    {
      path: '/metrics',
      method: ['GET'],
      handler: (req, res) => {
        if (!bearerMatches(req, state.metricsToken)) {
          res.writeHead(401, { 'content-type': 'text/plain', 'cache-control': 'no-store', 'www-authenticate': 'Bearer realm="metrics"' });
          res.end('METRICS_TOKEN bearer token required\n');
          return;
        }
        state.metrics().then(
          (m) => send(res, 200, m.contentType, m.body),
          () => send(res, 500, 'text/plain', 'metrics unavailable\n'),
        );
      },
    },
  ];
}

/** True when no token is set, or the request carries `Authorization: Bearer <token>` (compared in constant time). */
function bearerMatches(req: IncomingMessage, token: string | null): boolean {
  if (token === null) return true;
  const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  if (!match) return false;
  // Hashes have one length, so timingSafeEqual never sees different lengths (which it would throw on).
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}
