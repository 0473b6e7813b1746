import { Readable } from 'node:stream';
import { BodyTooLarge, readBody } from '../../src/bk/read-body';
import { isShared, sharedCopyOf, utf8Of } from '../../src/shared-bytes';

/** Reading a response body: capped, and big bodies in shared memory for the log workers. */
describe('readBody', () => {
  const streamOf = (...chunks: string[]): Readable => Readable.from(chunks.map((c) => Buffer.from(c)));

  it('keeps a small body in an ordinary Buffer', async () => {
    const body = await readBody(streamOf('{"a":', '1}'), { maxBytes: 100, sharedFrom: 10 });
    expect(isShared(body)).toBe(false);
    expect(utf8Of(body)).toBe('{"a":1}');
  });

  it('puts a body of sharedFrom bytes or more in shared memory, chunks in order', async () => {
    const body = await readBody(streamOf('蓝鲸', 'x'.repeat(20), 'end'), { maxBytes: 100, sharedFrom: 10 });
    expect(isShared(body)).toBe(true);
    expect(utf8Of(body)).toBe(`蓝鲸${'x'.repeat(20)}end`);
  });

  it('never shares when sharedFrom is Infinity (no log workers)', async () => {
    expect(isShared(await readBody(streamOf('x'.repeat(1_000)), { maxBytes: 10_000, sharedFrom: Infinity }))).toBe(false);
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
    const read = readBody(endless, { maxBytes: 100, sharedFrom: 10 });
    await expect(read).rejects.toBeInstanceOf(BodyTooLarge);
    await expect(read).rejects.toMatchObject({ type: 'max-size' });
    expect(pulled).toBeLessThan(10);
  });

  it('accepts a body of exactly maxBytes', async () => {
    expect((await readBody(streamOf('x'.repeat(100)), { maxBytes: 100, sharedFrom: 1_000 })).length).toBe(100);
  });

  it('copies chunks into one shared block and reads text from a view at an offset without copying', async () => {
    const shared = await sharedCopyOf([Buffer.from('ab'), Buffer.from('cd')]);
    expect(isShared(shared)).toBe(true);
    expect(utf8Of(shared.subarray(1, 3))).toBe('bc');
  });
});

describe('sharedCopyOf', () => {
  it('copies a big body a slice per event-loop turn, so other work runs in between', async () => {
    const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(64 * 1024, i));
    let turnsBetween = 0;
    let copying = true;
    const count = (): void => {
      if (!copying) return;
      turnsBetween++;
      setImmediate(count);
    };
    setImmediate(count);
    const shared = await sharedCopyOf(chunks);
    copying = false;
    expect(shared.length).toBe(40 * 64 * 1024);
    expect([shared[0], shared[64 * 1024], shared[shared.length - 1]]).toEqual([0, 1, 39]);
    expect(turnsBetween).toBeGreaterThanOrEqual(5);
  });
});
