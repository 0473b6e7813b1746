import { listenLocal, type LocalServer } from './local-server';

const AUTH_TEST = JSON.stringify({ ok: true, url: 'https://bench.slack.com/', team: 'Bench', user: 'eventlog', team_id: 'T0BENCH', user_id: 'UBOT', bot_id: 'BBOT' });
const UNKNOWN = JSON.stringify({ ok: false, error: 'unknown_method' });

/**
 * The Slack Web API stand-in: Bolt calls auth.test once before the first
 * event; a /eventlog answer goes to response_url, so nothing else is needed.
 * `url` is the API base to set as SLACK_API_URL.
 */
export async function startSlackApiStandIn(): Promise<LocalServer> {
  const local = await listenLocal((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end((req.url ?? '').startsWith('/api/auth.test') ? AUTH_TEST : UNKNOWN);
    });
  });
  return { ...local, url: `${local.url}/api` };
}
