import { RecentKeys } from '../../../src/slack/listeners/recent-keys';

describe('RecentKeys: remembering recent mentions', () => {
  it('says a key is new only the first time', () => {
    const keys = new RecentKeys(10);
    expect(keys.firstTime('C1/1700000000.000100')).toBe(true);
    expect(keys.firstTime('C1/1700000000.000100')).toBe(false);
    expect(keys.firstTime('C1/1700000000.000200')).toBe(true);
    expect(keys.firstTime('C2/1700000000.000100')).toBe(true);
  });

  it('forgets the oldest key once full, and only that one', () => {
    const keys = new RecentKeys(2);
    keys.firstTime('a');
    keys.firstTime('b');
    keys.firstTime('c');
    expect(keys.firstTime('b')).toBe(false);
    expect(keys.firstTime('c')).toBe(false);
    expect(keys.firstTime('a')).toBe(true);
  });
});
