import { REDIS_SKIP_REASON, redisServerPath } from './redis-process';

/**
 * Tests that need a real redis-server use `describeWithRedis`: it skips them,
 * with the reason in their name, when redis-server is not installed, except
 * under CI=true, where a missing Redis fails the run (.ci/run installs it).
 */

export { startRedisServer, type RedisServer } from './redis-process';

/** describe(), or describe.skip() with the reason in its name when Redis is missing (never under CI). */
export function describeWithRedis(name: string, body: () => void): void {
  if (redisServerPath()) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs redis-server, which CI must install', () => {
        throw new Error(`${REDIS_SKIP_REASON}; under CI=true these tests must run, not skip`);
      });
    });
    return;
  }
  describe.skip(`${name} [skipped: ${REDIS_SKIP_REASON}]`, body);
}

