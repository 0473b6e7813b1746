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
  // Bolt logs at debug twice per ack whatever its level: check ours first, so a dropped line costs no text.
  const forward =
    (at: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]): void => {
      if (log.isLevelEnabled(at)) log[at]('bolt', { detail: text(msg) });
    };
  return {
    debug: forward('debug'),
    info: forward('info'),
    warn: forward('warn'),
    error: forward('error'),
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
