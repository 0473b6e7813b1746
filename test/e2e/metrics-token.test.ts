import { startHarness, type Harness } from '../helpers/app-harness';

/** METRICS_TOKEN: /metrics answers only a matching bearer token; unset keeps the open endpoint. */
describe('GET /metrics with METRICS_TOKEN set', () => {
  const TOKEN = 'metrics-token-4f1c9a7e';
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ METRICS_TOKEN: TOKEN });
  });
  afterAll(() => h.close());

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Bearer not-the-token' }],
    ['the token without the Bearer scheme', { authorization: TOKEN }],
    ['a longer token that starts with it', { authorization: `Bearer ${TOKEN}x` }],
  ])('refuses %s with 401 and a Bearer challenge', async (_label, headers) => {
    const res = await fetch(`${h.url}/metrics`, { headers });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await res.text()).not.toContain('eventlog_');
  });

  it('serves the metrics to the right bearer token', async () => {
    const res = await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('eventlog_lookups_total');
  });

  it('keeps /healthz and /readyz open (probes carry no token)', async () => {
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);
  });

  it('never logs the token', () => {
    expect(h.logLines.join('')).not.toContain(TOKEN);
  });
});
