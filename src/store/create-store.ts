import type { StoreConfig } from '../config';
import type { Logger } from '../log';
import type { Metrics } from '../metrics';
import { FallbackStore } from './fallback-store';
import { MemoryStore } from './memory-store';
import { RedisStore } from './redis-store';
import type { Store } from './store';

/** The store the settings ask for: process memory, or Redis with process memory standing in while it fails. */
export function createStore(config: StoreConfig, deps: { now: () => number; log: Logger; metrics: Metrics }): Store {
  if (config.kind === 'memory') return new MemoryStore(deps.now);
  return new FallbackStore({
    primary: new RedisStore({ url: config.url, prefix: config.prefix }),
    fallback: new MemoryStore(),
    log: deps.log,
    metrics: deps.metrics,
  });
}

/** The store for the start line: host, port, db and TLS, never the password. */
export function describeStore(config: StoreConfig): string {
  if (config.kind === 'memory') return 'process memory';
  const url = new URL(config.url);
  const db = url.pathname.replace(/^\//, '') || '0';
  return `redis at ${url.hostname}:${url.port || '6379'} db ${db}${url.protocol === 'rediss:' ? ' (TLS)' : ''}, prefix ${config.prefix}`;
}

/**
 * The part of a Redis URL that must never be logged: the password, as written and decoded.
 * Not the whole URL: every run of 8 characters of a secret is blanked, and "redis://" or the host is no secret.
 */
export function storeSecrets(config: StoreConfig): string[] {
  if (config.kind === 'memory') return [];
  const url = new URL(config.url);
  return [...new Set([url.password, decodeURIComponent(url.password)])].filter((s) => s.length > 0);
}
