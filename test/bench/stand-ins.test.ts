import http from 'node:http';
import { createCommandClient } from '../../bench/command-client';
import { startEsbStandIn, type EsbStandIn } from '../../bench/esb-stand-in';
import { listenLocal } from '../../bench/local-server';
import { startResponseStandIn, type ResponseStandIn } from '../../bench/response-stand-in';
import { startSlackApiStandIn } from '../../bench/slack-api-stand-in';

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      })
      .on('error', reject);
  });
}

function post(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the ESB stand-in', () => {
  let esb: EsbStandIn;
  afterEach(() => esb.close());

  it('serves its body and counts calls per ID', async () => {
    esb = await startEsbStandIn('{"result":true,"code":0,"data":[]}');
    const path = '/api/c/compapi/v2/monitor_v3/get_event_log/';
    expect(await get(`${esb.url}${path}?id=7`)).toEqual({ status: 200, body: '{"result":true,"code":0,"data":[]}' });
    await get(`${esb.url}${path}?bk_app_code=x&id=7`);
    await get(`${esb.url}${path}?id=8`);
    expect(esb.calls).toBe(3);
    expect(esb.callsFor('7')).toBe(2);
    expect(esb.callsFor('8')).toBe(1);
    esb.resetCounters();
    expect([esb.calls, esb.callsFor('7'), esb.maxConcurrent]).toEqual([0, 0, 0]);
  });

  it('records how many calls were open at once while it delays its answers', async () => {
    esb = await startEsbStandIn('{}');
    // Long enough that all three are in before the first is answered, even on a busy machine.
    esb.delayMs = 500;
    await Promise.all([1, 2, 3].map((id) => get(`${esb.url}/?id=${id}`)));
    expect(esb.maxConcurrent).toBe(3);
    esb.resetCounters();
    esb.delayMs = 0;
    await get(`${esb.url}/?id=4`);
    await get(`${esb.url}/?id=5`);
    expect(esb.maxConcurrent).toBe(1);
  });
});

describe('the response_url stand-in', () => {
  let responses: ResponseStandIn;
  afterEach(() => responses.close());

  it('hands each command its own answer and counts them all', async () => {
    responses = await startResponseStandIn();
    const first = responses.expect('a-1', 5000);
    const second = responses.expect('b-2', 5000);
    expect(await post(responses.urlFor('b-2'), '{"text":"two"}')).toBe(200);
    expect(await post(responses.urlFor('a-1'), '{"text":"one"}')).toBe(200);
    expect((await first).body).toBe('{"text":"one"}');
    expect((await second).body).toBe('{"text":"two"}');
    await responses.waitForCount(2, 5000);
    expect(responses.received).toBe(2);
  });

  it('gives up on an answer that never comes', async () => {
    responses = await startResponseStandIn();
    await expect(responses.expect('never', 20)).rejects.toThrow('no answer for never within 20 ms');
    await expect(responses.waitForCount(1, 20)).rejects.toThrow('expected 1 answers, got 0');
  });
});

describe('the Slack API stand-in', () => {
  it('answers auth.test like Slack, the message methods a watch calls with a new ts each, and nothing else', async () => {
    const slack = await startSlackApiStandIn();
    try {
      expect(slack.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
      expect(JSON.parse((await get(`${slack.url}/auth.test`)).body)).toMatchObject({ ok: true, user_id: 'UBOT', bot_id: 'BBOT' });
      const posted = JSON.parse((await get(`${slack.url}/chat.postMessage`)).body) as { ok: boolean; ts: string };
      const updated = JSON.parse((await get(`${slack.url}/chat.update`)).body) as { ok: boolean; ts: string };
      expect(posted).toMatchObject({ ok: true, channel: 'C0INCIDENT' });
      expect(updated.ok).toBe(true);
      expect(updated.ts).not.toBe(posted.ts);
      expect(JSON.parse((await get(`${slack.url}/views.open`)).body)).toEqual({ ok: false, error: 'unknown_method' });
    } finally {
      await slack.close();
    }
  });
});

describe('the command client', () => {
  it('posts a signed, form-encoded /eventlog command with the response_url given', async () => {
    const seen: Array<{ headers: http.IncomingHttpHeaders; body: string; path: string }> = [];
    const receiver = await listenLocal((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), path: req.url ?? '' });
        res.writeHead(200);
        res.end();
      });
    });
    const client = createCommandClient('bench-secret');
    try {
      const ack = await client.send(receiver.url, '100001', 'http://127.0.0.1:9/r/key-1');
      expect(ack.status).toBe(200);
      expect(seen[0].path).toBe('/slack/events');
      expect(seen[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(seen[0].headers['x-slack-signature']).toMatch(/^v0=[0-9a-f]{64}$/);
      const form = new URLSearchParams(seen[0].body);
      expect(form.get('command')).toBe('/eventlog');
      expect(form.get('text')).toBe('100001');
      expect(form.get('response_url')).toBe('http://127.0.0.1:9/r/key-1');
    } finally {
      client.close();
      await receiver.close();
    }
  });
});
