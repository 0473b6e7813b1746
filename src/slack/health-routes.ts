import type { CustomRoute } from '@slack/bolt';
import type { ServerResponse } from 'node:http';

export interface HealthState {
  /** Slack connection up (Socket Mode) or HTTP receiver listening; the config was loaded if we got here. */
  isReady(): boolean;
  metrics(): Promise<{ contentType: string; body: string }>;
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
      handler: (_req, res) => {
        state.metrics().then(
          (m) => send(res, 200, m.contentType, m.body),
          () => send(res, 500, 'text/plain', 'metrics unavailable\n'),
        );
      },
    },
  ];
}
