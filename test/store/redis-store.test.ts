import { RedisStore } from '../../src/store/redis-store';
import { StoreError } from '../../src/store/store';
import { describeWithRedis, startRedisServer, type RedisServer } from '../helpers/redis-server';
import { storeContract } from './store-contract';

describeWithRedis('RedisStore against a real redis-server', () => {
  let server: RedisServer;
  let run = 0;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(() => server.stop());

  // Each test gets its own prefix, so no test sees another's keys.
  const open = async (): Promise<RedisStore> => {
    const store = new RedisStore({ url: server.url, prefix: `t${++run}:` });
    await store.waitUntilReady(5_000);
    return store;
  };

  storeContract(() => ({
    create: open,
    pass: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }));

  it('puts REDIS_PREFIX before every key, so two bots can share one Redis', async () => {
    const a = new RedisStore({ url: server.url, prefix: 'botA:' });
    const b = new RedisStore({ url: server.url, prefix: 'botB:' });
    try {
      await Promise.all([a.waitUntilReady(5_000), b.waitUntilReady(5_000)]);
      await a.set('cache:1', 'from A', 10_000);
      expect(await b.get('cache:1')).toBeNull();
      expect(await a.get('cache:1')).toBe('from A');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('fails fast with StoreError while Redis is down, and works again once it is back', async () => {
    const own = await startRedisServer();
    const store = new RedisStore({ url: own.url, prefix: 'x:' });
    try {
      await store.waitUntilReady(5_000);
      await store.set('k', 'v', 60_000);
      await own.kill();
      await expect(store.get('k')).rejects.toBeInstanceOf(StoreError);
      await own.restart();
      expect(await store.waitUntilReady(10_000)).toBe(true);
      // The restarted server is empty; the Lua scripts are loaded again on first use (NOSCRIPT → EVAL).
      expect((await store.hit('rate:U1', 60_000)).count).toBe(1);
    } finally {
      await store.close();
      await own.stop();
    }
  });
});
