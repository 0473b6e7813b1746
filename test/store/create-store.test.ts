import { ConfigError, loadConfig } from '../../src/config';
import { describeStore, storeSecrets } from '../../src/store/create-store';

/** REDIS_URL / REDIS_PREFIX: read, checked, described for the log without the password. */

describe('the store settings', () => {
  it('defaults to process memory when REDIS_URL is unset', () => {
    expect(loadConfig({}).store).toEqual({ kind: 'memory' });
    expect(describeStore({ kind: 'memory' })).toBe('process memory');
  });

  it('reads redis:// and rediss:// URLs with the default prefix eventlog:', () => {
    expect(loadConfig({ REDIS_URL: 'redis://:s3cret-pass@redis.internal:6380/2' }).store).toEqual({
      kind: 'redis',
      url: 'redis://:s3cret-pass@redis.internal:6380/2',
      prefix: 'eventlog:',
    });
    expect(loadConfig({ REDIS_URL: 'rediss://cache.example.com', REDIS_PREFIX: 'team-a:' }).store).toMatchObject({ prefix: 'team-a:' });
  });

  it('refuses anything else, naming the setting and never echoing the value', () => {
    let problem = '';
    try {
      loadConfig({ REDIS_URL: 'http://user:hunter2-pass@redis.internal' });
    } catch (err) {
      problem = err instanceof ConfigError ? err.message : '';
    }
    expect(problem).toContain('REDIS_URL: expected a redis:// or rediss:// (TLS) URL');
    expect(problem).not.toContain('hunter2-pass');
    expect(() => loadConfig({ REDIS_PREFIX: 'has space' })).toThrow('REDIS_PREFIX');
  });

  it('describes Redis by host, port, db, TLS and prefix, and lists the password as a secret to blank', () => {
    const store = { kind: 'redis' as const, url: 'rediss://bot:p%40ss-w0rd@redis.internal:6380/3', prefix: 'eventlog:' };
    expect(describeStore(store)).toBe('redis at redis.internal:6380 db 3 (TLS), prefix eventlog:');
    expect(storeSecrets(store)).toEqual(['p%40ss-w0rd', 'p@ss-w0rd']);
  });
});
