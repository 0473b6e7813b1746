import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { benchEsbBody, BENCH_ZONE } from '../../bench/bench-log';
import { parseEventLogResponse } from '../../src/bk/envelope';
import { isShared, utf8Of } from '../../src/thread-bytes';
import { createLogWorkers, type LogWorkers } from '../../src/offload/log-workers';
import { LOG_WORKER_NICER_BY } from '../../src/offload/thread-priority';
import { renderFetchedLog } from '../../src/render/event-log-message';

/**
 * The worker pool runs from the .ts sources here (ts-jest), through the
 * transpiling loader; built code runs log-worker.js. Same results as the
 * main thread would give, bodies handed back, failures as verdicts.
 */
describe('log offload on worker threads', () => {
  let offload: LogWorkers;
  beforeAll(() => {
    offload = createLogWorkers({ workers: 2 });
  });
  afterAll(() => offload.close());

  const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text));
  const SETTINGS = { lang: 'en' as const, timezone: BENCH_ZONE, monitorUrl: null };
  const VIEW = { variant: 'full' as const, page: 0, sharedBy: null };

  it('checks a big log: records counted, body handed back whole', async () => {
    const body = benchEsbBody(2_000);
    const verdict = await offload.check({ chunks: [bytes(body)], id: '1001', zone: BENCH_ZONE, httpStatus: 200, headers: {}, secrets: ['s3cret-value'] });
    expect(verdict).toMatchObject({ ok: true, records: 2_000, generation: 'old' });
    if (verdict.ok) expect(Buffer.from(verdict.body).toString('utf8')).toBe(body);
  });

  it('returns the failure an answer means, secrets blanked', async () => {
    const body = JSON.stringify({ result: false, code: 1306000, message: `APP Secret verification failed s3cret-value ${'x'.repeat(200_000)}`, data: null });
    const verdict = await offload.check({ chunks: [bytes(body)], id: '1001', zone: BENCH_ZONE, httpStatus: 200, headers: { 'x-bkapi-request-id': 'r-1' }, secrets: ['s3cret-value'] });
    expect(verdict).toMatchObject({ ok: false, error: { kind: 'app_credentials', code: '1306000', requestId: 'r-1' } });
    if (!verdict.ok) expect(verdict.error.upstreamMessage).not.toContain('s3cret-value');
  });

  it('renders exactly what the main thread renders', async () => {
    const body = benchEsbBody(2_000);
    const nowMs = Date.UTC(2024, 4, 7);
    const log = parseEventLogResponse({ id: '1001', httpStatus: 200, headers: { get: () => null }, body, zone: BENCH_ZONE });
    const raw = { body: bytes(body), records: log.entries.length, read: () => log };
    for (const page of [0, 1]) {
      const view = { ...VIEW, page };
      const deliveries = { kind: 'absent', absence: { kind: 'not_asked' } } as const;
      const alert = deliveries;
      expect(await offload.render({ log: { ...log, entries: [], raw }, deliveries, alert }, SETTINGS, { kind: 'message', view }, nowMs)).toEqual(renderFetchedLog({ log, deliveries, alert }, SETTINGS, view, nowMs));
    }
    // The cached body is copied, not taken: it can be rendered again.
    expect(raw.body.byteLength).toBe(Buffer.byteLength(body));
  });

  it("moves a body's chunks to a worker, which joins them in shared memory that later renders read in place", async () => {
    const body = benchEsbBody(1_000);
    const cut = [0, 1_000, 50_000, Buffer.byteLength(body)];
    const whole = Buffer.from(body);
    const chunks = cut.slice(1).map((end, i) => new Uint8Array(whole.subarray(cut[i], end)));
    const verdict = await offload.check({ chunks, id: '1001', zone: BENCH_ZONE, httpStatus: 200, headers: {}, secrets: [] });
    expect(verdict).toMatchObject({ ok: true, records: 1_000 });
    // Moved, not copied: the main thread's chunks are empty now.
    expect(chunks.map((c) => c.byteLength)).toEqual([0, 0, 0]);
    if (!verdict.ok) return;
    expect(isShared(verdict.body)).toBe(true);
    expect(utf8Of(verdict.body)).toBe(body);
    const log = parseEventLogResponse({ id: '1001', httpStatus: 200, headers: { get: () => null }, body, zone: BENCH_ZONE });
    const raw = { body: verdict.body, records: 1_000, read: () => log };
    const deliveries = { kind: 'absent', absence: { kind: 'not_asked' } } as const;
    const alert = deliveries;
    const nowMs = Date.UTC(2024, 4, 7);
    for (let i = 0; i < 2; i++) {
      expect(await offload.render({ log: { ...log, entries: [], raw }, deliveries, alert }, SETTINGS, { kind: 'message', view: VIEW }, nowMs)).toEqual(renderFetchedLog({ log, deliveries, alert }, SETTINGS, VIEW, nowMs));
    }
    // Shared, not moved: the cached body is whole after every render.
    expect(utf8Of(raw.body)).toBe(body);
  });

  it('runs its workers below the main thread\'s priority (Linux)', async () => {
    await offload.check({ chunks: [bytes(benchEsbBody(10))], id: '1001', zone: BENCH_ZONE, httpStatus: 200, headers: {}, secrets: [] });
    if (!existsSync('/proc/self/task')) return;
    // Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice value (after the parenthesised name).
    const niceOf = (tid: string): number => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ')[16]);
    const nices = readdirSync('/proc/self/task').map(niceOf);
    const main = niceOf(String(process.pid));
    expect(nices.filter((n) => n === Math.min(19, main + LOG_WORKER_NICER_BY)).length).toBeGreaterThanOrEqual(1);
  });

  it('runs many jobs at once on its few workers, each answered', async () => {
    const body = benchEsbBody(500);
    const verdicts = await Promise.all(
      Array.from({ length: 8 }, () => offload.check({ chunks: [bytes(body)], id: '1001', zone: BENCH_ZONE, httpStatus: 200, headers: {}, secrets: [] })),
    );
    expect(verdicts.map((v) => v.ok && v.records)).toEqual(Array(8).fill(500));
  });
});
