import type { LogLevel } from './config';

/**
 * Structured JSON log lines, one per event. Every line passes through a
 * redactor that blanks known secret values, so a secret that slips into an
 * error message still never reaches the log.
 */

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(what: string, fields?: LogFields): void;
  info(what: string, fields?: LogFields): void;
  warn(what: string, fields?: LogFields): void;
  error(what: string, fields?: LogFields): void;
  isLevelEnabled(level: LogLevel): boolean;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  level: LogLevel;
  /** Values to blank out wherever they appear (tokens, secrets). Short values are ignored. */
  secrets: readonly (string | null | undefined)[];
  write?: (line: string) => void;
  now?: () => number;
}

/** Build a redactor that replaces every occurrence of each secret with "[redacted]". */
export function createRedactor(secrets: readonly (string | null | undefined)[]): (text: string) => string {
  // Secrets shorter than 6 characters would redact ordinary words; config never accepts such secrets in practice.
  const values = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6))];
  if (values.length === 0) return (text) => text;
  const escaped = values.sort((a, b) => b.length - a.length).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Also catch the URL-encoded and JSON-escaped forms a secret takes inside a query string or header dump.
  const forms = values.flatMap((v) => [encodeURIComponent(v), JSON.stringify(v).slice(1, -1)]).filter((f) => !values.includes(f));
  const pattern = new RegExp([...escaped, ...forms.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))].join('|'), 'g');
  return (text) => text.replace(pattern, '[redacted]');
}

/** A JSON-lines logger writing to stdout by default. */
export function createLogger(options: LoggerOptions): Logger {
  const threshold = RANK[options.level];
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const now = options.now ?? Date.now;
  const redact = createRedactor(options.secrets);
  const emit = (level: LogLevel, what: string, fields?: LogFields): void => {
    if (RANK[level] < threshold) return;
    const head = { time: new Date(now()).toISOString(), level, msg: what };
    // time, level and msg lead every line and cannot be overwritten by a field of the same name.
    const line = JSON.stringify(Object.assign({ ...head }, fields, head));
    write(`${redact(line)}\n`);
  };
  return {
    debug: (what, fields) => emit('debug', what, fields),
    info: (what, fields) => emit('info', what, fields),
    warn: (what, fields) => emit('warn', what, fields),
    error: (what, fields) => emit('error', what, fields),
    isLevelEnabled: (level) => RANK[level] >= threshold,
  };
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  isLevelEnabled: () => false,
};
