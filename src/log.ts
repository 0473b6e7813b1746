import type { LogLevel } from './config';
import { createScrubber } from './redact';

/**
 * Structured JSON log lines, one per event. Every line passes through a
 * redactor that blanks known secret values, so a secret that slips into an
 * error message still never reaches the log. Every text field is bounded
 * (values from outside can be megabytes long) after its secrets are blanked.
 */

/** Longest text field written whole; longer ones keep their head, marked with the full length. */
export const LOG_FIELD_MAX_CHARS = 200;
const cutMarker = (length: number): string => `… (${length} chars)`;

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

/** A JSON-lines logger writing to stdout by default. */
export function createLogger(options: LoggerOptions): Logger {
  const threshold = RANK[options.level];
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  const now = options.now ?? Date.now;
  const scrub = createScrubber(options.secrets);
  const bounded = (fields: LogFields | undefined): LogFields | undefined => {
    if (fields === undefined) return undefined;
    const out: LogFields = {};
    for (const [key, value] of Object.entries(fields)) {
      out[key] = typeof value === 'string' ? scrub.cut(value, LOG_FIELD_MAX_CHARS, cutMarker) : value;
    }
    return out;
  };
  const emit = (level: LogLevel, what: string, fields?: LogFields): void => {
    if (RANK[level] < threshold) return;
    const head = { time: new Date(now()).toISOString(), level, msg: what };
    // time, level and msg lead every line and cannot be overwritten by a field of the same name.
    const line = JSON.stringify(Object.assign({ ...head }, bounded(fields), head));
    write(`${scrub.redact(line)}\n`);
  };
  return {
    debug: (what, fields) => emit('debug', what, fields),
    info: (what, fields) => emit('info', what, fields),
    warn: (what, fields) => emit('warn', what, fields),
    error: (what, fields) => emit('error', what, fields),
    isLevelEnabled: (level) => RANK[level] >= threshold,
  };
}
