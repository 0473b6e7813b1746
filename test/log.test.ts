import { createLogger, type LoggerOptions } from '../src/log';
import { silentLogger } from './helpers/silent';
import { createRedactor, createScrubber } from '../src/redact';

/** A logger writing into an array, at a fixed time. */
function captured(options: Partial<LoggerOptions> = {}): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const log = createLogger({ level: 'info', secrets: [], write: (line) => lines.push(line), now: () => Date.UTC(2024, 5, 3, 2, 0, 0), ...options });
  return { lines, log };
}

describe('createLogger', () => {
  it('writes one JSON line per event: time, level and msg first, then the fields', () => {
    const { lines, log } = captured();
    log.warn('lookup', { event_id: '5310', user: 'U0ALICE', outcome: 'timeout', code: null, latency_ms: 312, from_cache: false });
    expect(lines).toEqual([
      '{"time":"2024-06-03T02:00:00.000Z","level":"warn","msg":"lookup","event_id":"5310","user":"U0ALICE","outcome":"timeout","code":null,"latency_ms":312,"from_cache":false}\n',
    ]);
  });

  it('leaves out fields whose value is undefined', () => {
    const { lines, log } = captured();
    log.info('started', { port: 3000, mode: undefined });
    expect(JSON.parse(lines[0])).toEqual({ time: '2024-06-03T02:00:00.000Z', level: 'info', msg: 'started', port: 3000 });
  });

  it('drops lines below LOG_LEVEL and says which levels are on', () => {
    const { lines, log } = captured({ level: 'warn' });
    log.debug('a');
    log.info('b');
    log.warn('c');
    log.error('d');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['c', 'd']);
    expect([log.isLevelEnabled('debug'), log.isLevelEnabled('info'), log.isLevelEnabled('warn'), log.isLevelEnabled('error')]).toEqual([false, false, true, true]);
  });

  it('writes debug lines at LOG_LEVEL=debug', () => {
    const { lines, log } = captured({ level: 'debug' });
    log.debug('bolt', { detail: 'http request url: …' });
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'debug', msg: 'bolt' });
  });

  it('keeps time, level and msg even when a field has the same name', () => {
    const { lines, log } = captured();
    log.info('lookup', { level: 'debug', msg: 'forged', time: 'never', user: 'U0ALICE' });
    expect(JSON.parse(lines[0])).toEqual({ time: '2024-06-03T02:00:00.000Z', level: 'info', msg: 'lookup', user: 'U0ALICE' });
  });

  it('blanks every secret wherever it appears in the line', () => {
    const { lines, log } = captured({ secrets: ['bk-app-secret-7d41e9c2', 'xoxb-123-456-abcdef'] });
    log.error('oops', { error: 'GET /x?bk_app_secret=bk-app-secret-7d41e9c2 failed', header: 'Bearer xoxb-123-456-abcdef' });
    expect(lines[0]).not.toContain('bk-app-secret-7d41e9c2');
    expect(lines[0]).not.toContain('xoxb-123-456-abcdef');
    expect(JSON.parse(lines[0])).toMatchObject({ error: 'GET /x?bk_app_secret=[redacted] failed', header: 'Bearer [redacted]' });
  });

  it('writes nothing through the silent logger', () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      silentLogger.error('anything', { a: 1 });
      expect(write).not.toHaveBeenCalled();
      expect(silentLogger.isLevelEnabled('error')).toBe(false);
    } finally {
      write.mockRestore();
    }
  });
});

describe('createRedactor', () => {
  it('catches a secret raw, URL-encoded and JSON-escaped', () => {
    const secret = 'p@ss/wörd"quoted\\';
    const redact = createRedactor([secret]);
    expect(redact(`raw ${secret}`)).toBe('raw [redacted]');
    expect(redact(`url ?s=${encodeURIComponent(secret)}&x=1`)).toBe('url ?s=[redacted]&x=1');
    expect(redact(`json ${JSON.stringify({ s: secret })}`)).toBe('json {"s":"[redacted]"}');
  });

  it('treats regular-expression characters in a secret literally', () => {
    const redact = createRedactor(['a.b*c+d?']);
    expect(redact('a.b*c+d? and aXbbbcd')).toBe('[redacted] and aXbbbcd');
  });

  it('blanks the longer of two overlapping secrets whole', () => {
    const redact = createRedactor(['secret-1', 'secret-12345']);
    expect(redact('secret-12345')).toBe('[redacted]');
  });

  it('ignores empty, missing and very short values, so ordinary words survive', () => {
    const redact = createRedactor(['', null, undefined, 'ok', 'abc12']);
    expect(redact('ok abc12 fine')).toBe('ok abc12 fine');
  });
});

describe('createScrubber', () => {
  const SECRET = 'bk-app-secret-7d41e9c2';
  const scrub = createScrubber([SECRET]);

  it('blanks a whole secret before cutting, so a secret across the cut leaves nothing', () => {
    const text = `${'x'.repeat(290)}${SECRET}tail`;
    const cut = scrub.cut(text, 300);
    expect(cut).toBe(`${'x'.repeat(290)}[redacted]…`);
    expect(cut).not.toContain('bk-app');
  });

  it('blanks the head of a secret that a cut left (at least 6 characters), not shorter coincidences', () => {
    // Upstream already cut the secret itself: only the head is in the text.
    expect(scrub.cut(`${'x'.repeat(10)}${SECRET.slice(0, 7)}${'y'.repeat(5)}`, 18)).toBe(`${'x'.repeat(10)}[redacted]…`);
    expect(scrub.cut(`${'x'.repeat(10)}${SECRET.slice(0, 12)}${'y'.repeat(5)}`, 23)).toBe(`${'x'.repeat(10)}[redacted]yy…`);
    expect(scrub.cut(`${'x'.repeat(20)}bk-ap${'y'.repeat(20)}`, 26)).toBe(`${'x'.repeat(20)}bk-ap…`);
  });

  it('reads only the head of a huge text and marks the cut with the original length', () => {
    const huge = `${'a'.repeat(195)}${SECRET}${'b'.repeat(4_000_000)}`;
    expect(scrub.cut(huge, 200, (n) => `… (${n} chars)`)).toBe(`${'a'.repeat(195)}[redacted]… (${huge.length} chars)`);
  });

  it('leaves short text without secrets as it is', () => {
    expect(scrub.cut('plain', 300)).toBe('plain');
  });
});

describe('createLogger field bounds', () => {
  it('bounds every text field to 200 characters, marked with the full length, secrets blanked first', () => {
    const { lines, log } = captured({ secrets: ['s3cr3t-value-123'] });
    log.info('lookup', { request_id: 'r'.repeat(4_000_000), detail: `${'d'.repeat(195)}s3cr3t-value-123` });
    const line = JSON.parse(lines[0]) as Record<string, string>;
    expect(line.request_id).toBe(`${'r'.repeat(199)}… (4000000 chars)`);
    expect(line.detail).not.toContain('s3cr3t');
    expect(lines[0].length).toBeLessThan(600);
  });
});

describe('createRedactor with fragments of secrets', () => {
  const SECRET = 'bk-app-secret-7d41e9c2';
  const redact = createRedactor([SECRET, 'xoxb-bot-token-81f3a0']);

  it('blanks any run of 8 or more characters of a secret, in any letter case', () => {
    expect(redact(`app_secret=${SECRET.slice(3, 17)}&x=1`)).toBe('app_secret=[redacted]&x=1');
    expect(redact(`key ${SECRET.toUpperCase()} bad`)).toBe('key [redacted] bad');
    expect(redact(`id_${SECRET.slice(5, 13)}_end`)).toBe('id_[redacted]_end');
  });

  it('blanks pieces of two secrets that touch as one, and keeps runs of 7', () => {
    expect(redact(`${SECRET.slice(0, 9)}xoxb-bot-t!`)).toBe('[redacted]!');
    expect(redact(`a ${SECRET.slice(0, 7)} b`)).toBe(`a ${SECRET.slice(0, 7)} b`);
  });

  it('leaves text without fragments as the same string', () => {
    const text = 'ordinary text, secret and token words, 7d41e9';
    expect(redact(text)).toBe(text);
  });
});
