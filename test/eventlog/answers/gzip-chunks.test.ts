import { gunzipSync } from 'node:zlib';
import { GZIP_HERE_MAX_BYTES, gunzipChunks, gzipChunks } from '../../../src/eventlog/answers/gzip-chunks';

/** Text that compresses like a log: repeated field names, varying numbers. */
function logLike(bytes: number): Buffer {
  const parts: string[] = [];
  for (let i = 0, length = 0; length < bytes; i++) {
    const part = `{"operate":"CONVERGE","create_time":"2024-05-06 09:${String(i % 60).padStart(2, '0')}:00","anomaly_count":${i}},`;
    parts.push(part);
    length += part.length;
  }
  return Buffer.from(parts.join('').slice(0, bytes));
}

describe('gzipChunks', () => {
  it.each([
    ['a small answer, compressed here', 40 * 1024, 1],
    ['a small answer in several chunks', 40 * 1024, 5],
    ['a big answer, compressed on the threadpool', GZIP_HERE_MAX_BYTES * 3 + 17, 7],
  ])('%s gives back the same bytes as one gzip stream', async (_name, bytes, pieces) => {
    const body = logLike(bytes);
    const step = Math.ceil(body.length / pieces);
    const chunks = Array.from({ length: pieces }, (_, i) => body.subarray(i * step, (i + 1) * step));
    const compressed = await gzipChunks(chunks);
    expect(compressed.length).toBeLessThan(body.length / 5);
    expect(gunzipSync(compressed).equals(body)).toBe(true);
    expect(Buffer.concat(await gunzipChunks(compressed)).equals(body)).toBe(true);
  });

  it('compresses nothing to a valid empty stream', async () => {
    expect(gunzipSync(await gzipChunks([])).length).toBe(0);
  });
});
