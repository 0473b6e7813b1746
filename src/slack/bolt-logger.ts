import { LogLevel as BoltLogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../log';

const FROM_BOLT: Record<BoltLogLevel, 'debug' | 'info' | 'warn' | 'error'> = {
  [BoltLogLevel.DEBUG]: 'debug',
  [BoltLogLevel.INFO]: 'info',
  [BoltLogLevel.WARN]: 'warn',
  [BoltLogLevel.ERROR]: 'error',
};

/** Bolt's own log output, routed into our JSON lines (and so through the secret redactor). */
export function toBoltLogger(log: Logger): BoltLogger {
  let level = BoltLogLevel.INFO;
  const text = (parts: unknown[]): string =>
    parts.map((p) => (p instanceof Error ? `${p.name}: ${p.message}` : typeof p === 'string' ? p : safeJson(p))).join(' ');
  return {
    debug: (...msg) => log.debug('bolt', { detail: text(msg) }),
    info: (...msg) => log.info('bolt', { detail: text(msg) }),
    warn: (...msg) => log.warn('bolt', { detail: text(msg) }),
    error: (...msg) => log.error('bolt', { detail: text(msg) }),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** Our level as Bolt's enum, so Bolt does not build debug strings we would drop. */
export function boltLevel(level: 'debug' | 'info' | 'warn' | 'error'): BoltLogLevel {
  const found = (Object.keys(FROM_BOLT) as BoltLogLevel[]).find((k) => FROM_BOLT[k] === level);
  return found ?? BoltLogLevel.INFO;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
