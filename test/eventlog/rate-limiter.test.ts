import { RateLimiter, UpstreamCooldown } from '../../src/eventlog/rate-limiter';
import { manualClock } from '../helpers/manual-clock';

describe('RateLimiter (per user, per minute)', () => {
  it('allows perMinute lookups, then says how many seconds are left in the minute', () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter(3, clock.now);
    expect([limiter.take('U1'), limiter.take('U1'), limiter.take('U1')]).toEqual([0, 0, 0]);
    clock.advance(20_000);
    expect(limiter.take('U1')).toBe(40);
    clock.advance(39_500);
    expect(limiter.take('U1')).toBe(1);
  });

  it('opens a fresh window once the minute is over', () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter(1, clock.now);
    limiter.take('U1');
    clock.advance(60_000);
    expect(limiter.take('U1')).toBe(0);
    expect(limiter.take('U1')).toBe(60);
  });

  it('counts each user separately', () => {
    const limiter = new RateLimiter(1, () => 0);
    expect(limiter.take('U1')).toBe(0);
    expect(limiter.take('U2')).toBe(0);
    expect(limiter.take('U1')).toBe(60);
  });

  it('never limits when perMinute is 0', () => {
    const limiter = new RateLimiter(0, () => 0);
    for (let i = 0; i < 1000; i++) expect(limiter.take('U1')).toBe(0);
  });

  it('keeps memory bounded: past maxUsers, finished windows are dropped and limits still hold for active users', () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter(1, clock.now, 3);
    limiter.take('U1');
    limiter.take('U2');
    clock.advance(60_000);
    limiter.take('U3');
    expect(limiter.take('U4')).toBe(0);
    expect(limiter.take('U3')).toBe(60);
  });
});

describe('UpstreamCooldown', () => {
  it('holds calls back for the seconds BlueKing asked, counting down', () => {
    const clock = manualClock(0);
    const cooldown = new UpstreamCooldown(clock.now);
    expect(cooldown.remainingSec()).toBe(0);
    cooldown.pause(30);
    expect(cooldown.remainingSec()).toBe(30);
    clock.advance(10_500);
    expect(cooldown.remainingSec()).toBe(20);
    clock.advance(19_500);
    expect(cooldown.remainingSec()).toBe(0);
  });

  it('caps a very long pause, so a bogus Retry-After cannot silence the bot for long', () => {
    const cooldown = new UpstreamCooldown(() => 0, 60);
    cooldown.pause(86_400);
    expect(cooldown.remainingSec()).toBe(60);
  });

  it('never shortens a pause already running, and ignores zero or negative seconds', () => {
    const cooldown = new UpstreamCooldown(() => 0);
    cooldown.pause(30);
    cooldown.pause(5);
    cooldown.pause(0);
    cooldown.pause(-10);
    expect(cooldown.remainingSec()).toBe(30);
  });
});
