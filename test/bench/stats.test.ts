import { median, percentile, round, slopePerStep } from '../../bench/stats';

describe('bench statistics', () => {
  it('takes percentiles by nearest rank, so the figure is always one of the samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 90)).toBe(9);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
  });

  it('leaves the caller’s samples in their order', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('reports NaN for no samples rather than a made-up zero', () => {
    expect(percentile([], 50)).toBeNaN();
  });

  it('measures growth per step as a least-squares slope', () => {
    expect(slopePerStep([10, 12, 14, 16])).toBe(2);
    expect(slopePerStep([25, 25, 25])).toBe(0);
    expect(slopePerStep([30, 20])).toBe(-10);
    expect(slopePerStep([7])).toBe(0);
  });

  it('rounds to the requested decimals', () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(1.23456, 3)).toBe(1.235);
    expect(round(0.5)).toBe(0.5);
  });
});
