import { listenLocal, type LocalServer } from './local-server';

const AUTH_TEST = JSON.stringify({ ok: true, url: 'https://bench.slack.com/', team: 'Bench', user: 'eventlog', team_id: 'T0BENCH', user_id: 'UBOT', bot_id: 'BBOT' });
const UNKNOWN = JSON.stringify({ ok: false, error: 'unknown_method' });

/** Methods a watch calls (item 10): its message is posted, updated and replied to; a new ts each time. */
const MESSAGE_METHODS = ['/api/chat.postMessage', '/api/chat.update', '/api/chat.getPermalink'];

/**
 * The Slack Web API stand-in: Bolt calls auth.test once before the first
 * event; a /eventlog answer goes to response_url; watches post and update
 * messages. `url` is the API base to set as SLACK_API_URL.
 */
export async function startSlackApiStandIn(): Promise<LocalServer> {
  let messages = 0;
  const answer = (path: string): string => {
    if (path.startsWith('/api/auth.test')) return AUTH_TEST;
    if (!MESSAGE_METHODS.some((method) => path.startsWith(method))) return UNKNOWN;
    messages++;
    return JSON.stringify({ ok: true, channel: 'C0INCIDENT', ts: `1700000000.${String(messages).padStart(6, '0')}`, permalink: 'https://bench.slack.com/archives/C0INCIDENT/p1' });
  };
  const local = await listenLocal((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer(req.url ?? ''));
    });
  });
  return { ...local, url: `${local.url}/api` };
}
