import http from 'node:http';
import { startHarness, type Harness } from '../helpers/app-harness';

/**
 * An idle keep-alive connection to the bot outlives Node's default 5 s, so a
 * request sent on it a moment later (by Slack, or a balancer that keeps its
 * connections 60 s) is answered, not reset.
 */
describe('keep-alive connections', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const get = (agent: http.Agent, path: string): Promise<{ status: number; reused: boolean }> =>
    new Promise((resolve, reject) => {
      const req = http.get(`${h.url}${path}`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
      });
      req.on('error', reject);
    });

  it('answers a request on a connection left idle for 7.5 s (Node closes one after about 6)', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await get(agent, '/healthz')).toEqual({ status: 200, reused: false });
      await new Promise((resolve) => setTimeout(resolve, 7_500));
      // The same socket, still open on the bot's side: Node's default would have closed it at 5 s.
      expect(await get(agent, '/healthz')).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  }, 20_000);
});
