import { dateToken, dayKey, formatFallback, recordTime } from '../../src/render/date-token';

const AT = Date.parse('2020-01-01T10:38:00+08:00');

describe('dateToken', () => {
  it('makes a time-only token with the time in the configured zone as fallback', () => {
    expect(dateToken(AT, 'Asia/Shanghai', 'time')).toBe('<!date^1577846280^{time}|10:38>');
  });

  it('makes a date-and-time token whose fallback names the zone offset', () => {
    expect(dateToken(AT, 'Asia/Shanghai', 'date-time')).toBe('<!date^1577846280^{date_short_pretty} {time}|2020-01-01 10:38 +08:00>');
    expect(dateToken(AT, 'UTC', 'date-time')).toBe('<!date^1577846280^{date_short_pretty} {time}|2020-01-01 02:38 UTC>');
    expect(dateToken(AT, 'America/St_Johns', 'date-time')).toBe('<!date^1577846280^{date_short_pretty} {time}|2019-12-31 23:08 -03:30>');
  });

  it('leaves out the year and the offset where they are the reader\'s own, and shows each where it differs', () => {
    const sameYear = Date.parse('2020-08-01T12:00:00Z');
    expect(formatFallback(AT, 'Asia/Shanghai', 'date-time', sameYear)).toBe('01-01 10:38');
    expect(formatFallback(AT, 'Asia/Shanghai', 'date-time', Date.parse('2024-08-01T12:00:00Z'))).toBe('2020-01-01 10:38');
    // Berlin in winter, read in summer: same year, another offset.
    expect(formatFallback(AT, 'Europe/Berlin', 'date-time', sameYear)).toBe('01-01 03:38 +01:00');
    expect(formatFallback(AT, 'Europe/Berlin', 'date-time', Date.parse('2020-02-01T12:00:00Z'))).toBe('01-01 03:38');
    expect(dateToken(AT, 'Asia/Shanghai', 'date-time', sameYear)).toBe('<!date^1577846280^{date_short_pretty} {time}|01-01 10:38>');
    expect(recordTime(AT, 'ignored', 'Asia/Shanghai', true, sameYear)).toBe('<!date^1577846280^{date_short_pretty} {time}|01-01 10:38>');
  });

  it('falls back to plain text for instants Slack cannot express', () => {
    expect(dateToken(-1000, 'UTC', 'time')).toBe('23:59');
    expect(dateToken(Number.NaN, 'UTC', 'time')).toBe('?');
    expect(dateToken(1e20, 'UTC', 'date-time')).toBe('?');
  });

  it('uses UTC for a zone it does not know instead of throwing', () => {
    expect(formatFallback(AT, 'Not/AZone', 'date-time')).toBe('2020-01-01 02:38 UTC');
  });
});

describe('dayKey and recordTime', () => {
  it('tells calendar days apart in the configured zone', () => {
    expect(dayKey(Date.parse('2020-01-01T16:30:00Z'), 'Asia/Shanghai')).toBe('2020-1-2');
    expect(dayKey(Date.parse('2020-01-01T16:30:00Z'), 'UTC')).toBe('2020-1-1');
  });

  it('shows an unreadable create_time raw, escaped and short, in brackets', () => {
    expect(recordTime(null, '<!here> 2020-13-45 99:99:99 and more', 'UTC', false)).toBe('[&lt;!here&gt; 2020-13-45…]');
    expect(recordTime(null, '', 'UTC', true)).toBe('[?]');
    expect(recordTime(AT, 'ignored', 'Asia/Shanghai', false)).toBe('<!date^1577846280^{time}|10:38>');
  });
});
