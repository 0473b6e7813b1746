import { createLogger } from '../../src/log';
import { MemoryStore } from '../../src/store/memory-store';
import { isSlackRetry, type RetryDedupeContext } from '../../src/slack/retry-dedupe';

/** Answer each delivery once; a first delivery never waits for the store (with Redis, a round trip before BlueKing is asked). */
describe('isSlackRetry', () => {
  const contextWith = (seen: RetryDedupeContext['store']['seen'], mode: 'socket' | 'http' = 'socket'): RetryDedupeContext & { duplicates: string[]; lines: string[] } => {
    const duplicates: string[] = [];
    const lines: string[] = [];
    return {
      store: { seen },
      metrics: { duplicateDelivery: (kind) => duplicates.push(kind) },
      log: createLogger({ level: 'debug', secrets: [], write: (line) => lines.push(line) }),
      config: { slack: { kind: mode } },
      duplicates,
      lines,
    };
  };

  it('over HTTP remembers mentions only: Slack never sends a command, shortcut or click again', async () => {
    const store = new MemoryStore();
    const marks: string[] = [];
    const ctx = contextWith((key, ttlMs) => {
      marks.push(key);
      return store.seen(key, ttlMs);
    }, 'http');
    for (const kind of ['command', 'shortcut', 'button'] as const) expect(await isSlackRetry(ctx, kind, 'k1', 1)).toBe(false);
    expect(await isSlackRetry(ctx, 'mention', 'm1')).toBe(false);
    expect(await isSlackRetry(ctx, 'mention', 'm1', 1)).toBe(true);
    expect(marks).toEqual(['delivery:mention:m1', 'delivery:mention:m1']);
  });

  it('in Socket Mode answers a first command, shortcut or click without waiting for the store, and marks it for a redelivery', async () => {
    const marks: string[] = [];
    const never = new Promise<boolean>(() => undefined);
    const ctx = contextWith((key) => {
      marks.push(key);
      return never;
    });
    for (const kind of ['command', 'shortcut', 'button'] as const) expect(await isSlackRetry(ctx, kind, 'k1')).toBe(false);
    expect(marks).toEqual(['delivery:command:k1', 'delivery:shortcut:k1', 'delivery:button:k1']);
  });

  it('in Socket Mode tells a redelivery of something already answered, and a mention seen twice', async () => {
    const store = new MemoryStore();
    const ctx = contextWith((key, ttlMs) => store.seen(key, ttlMs));
    expect(await isSlackRetry(ctx, 'command', 't1')).toBe(false);
    expect(await isSlackRetry(ctx, 'command', 't1')).toBe(false); // not marked as a redelivery: answered again
    expect(await isSlackRetry(ctx, 'command', 't1', 1)).toBe(true);
    expect(await isSlackRetry(ctx, 'command', 't2', 1)).toBe(false); // a redelivery of something never seen
    expect(await isSlackRetry(ctx, 'mention', 'm1')).toBe(false);
    expect(await isSlackRetry(ctx, 'mention', 'm1')).toBe(true);
    expect(ctx.duplicates).toEqual(['command', 'mention']);
  });

  it('logs a mark the store could not write, and still answers', async () => {
    const ctx = contextWith(() => Promise.reject(new Error('redis down')));
    expect(await isSlackRetry(ctx, 'command', 't1')).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(ctx.lines.join('\n')).toMatch(/delivery\.mark_failed.*redis down/);
  });
});
