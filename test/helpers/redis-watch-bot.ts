import Redis from 'ioredis';
import { startHarness, type Harness } from './app-harness';
import { serveEvolvingIncident } from './evolving-esb';
import { startRedisServer, type RedisServer } from './redis-server';

/** The real app watching through a real redis-server, with a raw connection to that Redis for the test to look and meddle. */
export interface RedisWatchBot {
  redis: RedisServer;
  raw: Redis;
  h: Harness;
  /** The watch set's keys as Redis holds them now. */
  watchKeys(): Promise<string[]>;
  close(): Promise<void>;
}

/** Start Redis, let `seed` write into it, then start the bot on it (WATCH_INTERVAL_MS=1000) serving the evolving incident. */
export async function startRedisWatchBot(prefix: string, seed: (raw: Redis) => Promise<unknown> = async () => undefined): Promise<RedisWatchBot> {
  const redis = await startRedisServer();
  const raw = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  // The test restarts Redis on purpose; the raw connection reconnects by itself.
  raw.on('error', () => undefined);
  await seed(raw);
  const h = await startHarness({ REDIS_URL: redis.url, REDIS_PREFIX: prefix, WATCH_INTERVAL_MS: '1000' });
  serveEvolvingIncident(h);
  return {
    redis,
    raw,
    h,
    watchKeys: () => raw.hkeys(`${prefix}watch:all`),
    close: async () => {
      await h.close();
      raw.disconnect();
      await redis.stop();
    },
  };
}
