import { Readable } from 'node:stream';
import { BodyTooLarge, joined, readBody } from '../../src/bk/read-body';
import { isShared, sharedCopyOf, sharedJoinOf, utf8Of } from '../../src/thread-bytes';

/** Run `work`, counting the event-loop turns other work got while it ran. */
async function countingTurns<T>(work: () => Promise<T>): Promise<{ result: T; turnsBetween: number }> {
  let turnsBetween = 0;
  let running = true;
  const count = (): void => {
    if (!running) return;
    turnsBetween++;
    setImmediate(count);
  };
  setImmediate(count);
  const result = await work();
  running = false;
  return { result, turnsBetween };
}

/** Reading a response body: capped, kept as the chunks it came in (a big one is moved to a worker as they are). */
describe('readBody', () => {
  const streamOf = (...chunks: string[]): Readable => Readable.from(chunks.map((c) => Buffer.from(c)));

  it('keeps the chunks as they arrived, with their total length', async () => {
    const body = await readBody(streamOf('{"a":', '1}'), 100);
    expect(body.chunks.map((c) => c.toString())).toEqual(['{"a":', '1}']);
    expect(body.length).toBe(7);
    expect(joined(body).toString('utf8')).toBe('{"a":1}');
  });

  it('joins a one-chunk body without a copy', async () => {
    const body = await readBody(streamOf('蓝鲸'), 100);
    expect(joined(body)).toBe(body.chunks[0]);
  });

  it('refuses a body over maxBytes as node-fetch does (type max-size), at the chunk that passes it', async () => {
    let pulled = 0;
    const endless = Readable.from(
      (function* () {
        for (;;) {
          pulled++;
          yield Buffer.alloc(40);
        }
      })(),
    );
    const read = readBody(endless, 100);
    await expect(read).rejects.toBeInstanceOf(BodyTooLarge);
    await expect(read).rejects.toMatchObject({ type: 'max-size' });
    expect(pulled).toBeLessThan(10);
  });

  it('reads a big body a quarter megabyte per event-loop turn, so other requests are served in between', async () => {
    const body = Readable.from(Array.from({ length: 40 }, (_, i) => Buffer.alloc(64 * 1024, i)));
    const { result: read, turnsBetween } = await countingTurns(() => readBody(body, 10 * 1024 * 1024));
    expect(read.length).toBe(40 * 64 * 1024);
    // 2.5 MB in quarter megabytes: at least 9 turns given up to other work (a read in one go gives none).
    expect(turnsBetween).toBeGreaterThanOrEqual(9);
  });

  it('accepts a body of exactly maxBytes', async () => {
    expect((await readBody(streamOf('x'.repeat(60), 'y'.repeat(40)), 100)).length).toBe(100);
  });
});

describe('shared bytes', () => {
  it('joins chunks into one shared block, in order, and reads text from a view at an offset', () => {
    const shared = sharedJoinOf([Buffer.from('ab'), Buffer.from('蓝'), Buffer.from('cd')]);
    expect(isShared(shared)).toBe(true);
    expect(utf8Of(shared)).toBe('ab蓝cd');
    expect(utf8Of(shared.subarray(1, 5))).toBe('b蓝');
    expect(isShared(Buffer.from('ab'))).toBe(false);
  });

  it('copies a big body a slice per event-loop turn, so other work runs in between', async () => {
    const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(64 * 1024, i));
    const { result: shared, turnsBetween } = await countingTurns(() => sharedCopyOf(chunks));
    expect(isShared(shared)).toBe(true);
    expect(shared.length).toBe(40 * 64 * 1024);
    expect([shared[0], shared[64 * 1024], shared[shared.length - 1]]).toEqual([0, 1, 39]);
    expect(turnsBetween).toBeGreaterThanOrEqual(5);
  });
});
