import { benchEsbBody, BENCH_ZONE } from '../../bench/bench-log';
import { LogWorkerPool } from '../../src/offload/worker-pool';
import { spawnLogWorker } from '../../src/offload/spawn-worker';

/** Starting a thread is paid at start-up (warm), not beside the acks of the first big log. */
describe('log worker pool', () => {
  it('warm() starts one worker ahead of time, and the first job runs on it', async () => {
    let spawned = 0;
    const pool = new LogWorkerPool(2, () => {
      spawned++;
      return spawnLogWorker();
    });
    try {
      pool.warm();
      pool.warm();
      expect(spawned).toBe(1);
      const chunks = [new Uint8Array(Buffer.from(benchEsbBody(10)))];
      const verdict = await pool.run({ kind: 'check', chunks, id: '1001', zone: BENCH_ZONE, httpStatus: 200, headers: {}, secrets: [] });
      expect(verdict).toMatchObject({ ok: true, records: 10 });
      expect(spawned).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('warm() after close() starts nothing', async () => {
    let spawned = 0;
    const pool = new LogWorkerPool(1, () => {
      spawned++;
      return spawnLogWorker();
    });
    await pool.close();
    pool.warm();
    expect(spawned).toBe(0);
  });
});
