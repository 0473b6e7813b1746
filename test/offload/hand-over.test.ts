import { handOver } from '../../src/offload/hand-over';
import type { CheckJob, RenderJob } from '../../src/offload/log-jobs';
import { sharedJoinOf } from '../../src/thread-bytes';

/** What is moved to a worker with a job: a body's chunks, never a copy of the whole body; shared memory stays put. */
describe('handOver', () => {
  const check = (chunks: Uint8Array[]): CheckJob => ({ kind: 'check', chunks, id: '1001', zone: 'Asia/Shanghai', httpStatus: 200, headers: {}, secrets: [] });

  it("moves each chunk's own memory with a check job (no copy)", () => {
    const chunks = [new Uint8Array(new ArrayBuffer(8)), new Uint8Array(new ArrayBuffer(4))];
    const { message, transfer } = handOver(check(chunks));
    expect(transfer).toEqual([chunks[0].buffer, chunks[1].buffer]);
    expect((message as CheckJob).chunks[0]).toBe(chunks[0]);
  });

  it('copies a chunk that is a view into a bigger block (Node’s buffer pool), so nothing else is moved with it', () => {
    const pool = new ArrayBuffer(64);
    const view = new Uint8Array(pool, 8, 4);
    const { message, transfer } = handOver(check([view]));
    expect(transfer[0]).not.toBe(pool);
    expect(transfer[0].byteLength).toBe(4);
    expect((message as CheckJob).chunks[0]).not.toBe(view);
  });

  it('moves nothing for a body in shared memory: the worker reads it where it lies', () => {
    const body = sharedJoinOf([Buffer.from('{}')]);
    const render = { kind: 'render', body } as unknown as RenderJob;
    expect(handOver(render)).toEqual({ message: render, transfer: [] });
  });

  it("moves an ordinary body's own memory with a render job", () => {
    const body = new Uint8Array(new ArrayBuffer(16));
    const render = { kind: 'render', body } as unknown as RenderJob;
    expect(handOver(render).transfer).toEqual([body.buffer]);
  });
});
