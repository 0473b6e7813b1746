import { formatDuration } from '../../src/render/duration';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe('formatDuration', () => {
  it.each([
    [0, '0 s', '0 秒'],
    [45 * S, '45 s', '45 秒'],
    [49 * MIN + 59 * S, '49 min', '49 分钟'],
    [2 * H, '2 h', '2 小时'],
    [2 * H + 5 * MIN, '2 h 5 min', '2 小时 5 分钟'],
    [3 * D + 4 * H + 59 * MIN, '3 d 4 h', '3 天 4 小时'],
    [30 * D, '30 d', '30 天'],
  ])('writes %d ms as "%s" / "%s"', (ms, en, zh) => {
    expect(formatDuration(ms, 'en')).toBe(en);
    expect(formatDuration(ms, 'zh-CN')).toBe(zh);
  });

  it('reads negative and non-finite input as zero', () => {
    expect(formatDuration(-5 * MIN, 'en')).toBe('0 s');
    expect(formatDuration(Number.NaN, 'en')).toBe('0 s');
  });
});

describe('formatDuration over long spans', () => {
  it('switches to calendar months and years past a month', () => {
    expect(formatDuration(30 * 86_400_000, 'en')).toBe('30 d');
    expect(formatDuration(45 * 86_400_000, 'en')).toBe('1 mo 14 d');
    expect(formatDuration(1674 * 86_400_000, 'en')).toBe('4 y 7 mo');
    expect(formatDuration(1674 * 86_400_000, 'zh-CN')).toBe('4 年 7 个月');
    expect(formatDuration(365 * 86_400_000, 'en')).toBe('1 y');
  });
});
