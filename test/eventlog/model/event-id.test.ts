import { digitsProblem, idNoun, isEventId, looksLikeAlertId } from '../../../src/eventlog/model/event-id';

const NOW = Date.UTC(2024, 5, 1);

describe('digitsProblem', () => {
  it.each([
    ['1', null],
    ['164239028644167', null],
    ['99999999999999999999', null],
    ['0', 'zero'],
    ['0000', 'zero'],
    ['0123', 'leading_zero'],
    ['123456789012345678901', 'too_long'],
  ])('judges %s as %s', (digits, problem) => {
    expect(digitsProblem(digits)).toBe(problem);
  });
});

describe('isEventId', () => {
  it.each([
    ['4821', true],
    ['164239028644167', true],
    ['', false],
    ['0', false],
    ['007', false],
    ['123456789012345678901', false],
    ['12a', false],
    ['-1', false],
    ['１２３', false],
  ])('says %j is an event ID: %s', (candidate, expected) => {
    expect(isEventId(candidate)).toBe(expected);
  });
});

describe('looksLikeAlertId', () => {
  it('accepts a number that begins with a 2022 Unix time', () => {
    expect(looksLikeAlertId('164239028644167', NOW)).toBe(true);
  });

  it('accepts 2015-01-01T00:00:00Z exactly and refuses the second before', () => {
    expect(looksLikeAlertId('142007040000000', NOW)).toBe(true);
    expect(looksLikeAlertId('142007039900000', NOW)).toBe(false);
  });

  it('accepts up to one day after now and refuses the second after', () => {
    const limit = Math.floor(NOW / 1000) + 86_400;
    expect(looksLikeAlertId(`${limit}00000`, NOW)).toBe(true);
    expect(looksLikeAlertId(`${limit + 1}00000`, NOW)).toBe(false);
  });

  it('refuses fewer than 15 or more than 20 digits', () => {
    expect(looksLikeAlertId('16423902864416', NOW)).toBe(false);
    expect(looksLikeAlertId('164239028644167000000', NOW)).toBe(false);
  });
});

describe('idNoun', () => {
  it('names a 15+ digit ID an alert (Monitor 3.6+) and anything shorter an old-generation event', () => {
    expect(idNoun('164239028644167')).toBe('alert');
    expect(idNoun('98765432109876543210')).toBe('alert');
    expect(idNoun('16423902864416')).toBe('event');
    expect(idNoun('5310')).toBe('event');
  });
});
