import { LookupError } from '../../../src/eventlog/model/lookup-error';
import { RateLimiter, UpstreamCooldown } from '../../../src/eventlog/service/rate-limiter';
import { MemoryStore } from '../../../src/store/memory-store';
import { manualClock } from '../../helpers/manual-clock';

/** Both keep their state in the store; here the memory store on a hand-moved clock (Redis passes the same store contract). */

const limited = (retryAfterSec: number): LookupError =>
  new LookupError({ kind: 'rate_limited', code: '1306429', upstreamMessage: 'too many requests', requestId: 'req-429', retryAfterSec });

describe('RateLimiter (per user, per minute)', () => {
  it('allows perMinute lookups, then says how many seconds are left in the minute', async () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter(new MemoryStore(clock.now), 3);
    expect([await limiter.take('U1'), await limiter.take('U1'), await limiter.take('U1')]).toEqual([0, 0, 0]);
    clock.advance(20_000);
    expect(await limiter.take('U1')).toBe(40);
    clock.advance(39_500);
    expect(await limiter.take('U1')).toBe(1);
  });

  it('opens a fresh window once the minute is over', async () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter(new MemoryStore(clock.now), 1);
    await limiter.take('U1');
    clock.advance(60_000);
    expect(await limiter.take('U1')).toBe(0);
    expect(await limiter.take('U1')).toBe(60);
  });

  it('counts each user separately', async () => {
    const limiter = new RateLimiter(new MemoryStore(() => 0), 1);
    expect(await limiter.take('U1')).toBe(0);
    expect(await limiter.take('U2')).toBe(0);
    expect(await limiter.take('U1')).toBe(60);
  });

  it('never limits when perMinute is 0', async () => {
    const limiter = new RateLimiter(new MemoryStore(() => 0), 0);
    for (let i = 0; i < 1000; i++) expect(await limiter.take('U1')).toBe(0);
  });

  it('keeps memory bounded: past maxUsers, finished windows are dropped and limits still hold for active users', async () => {
    const clock = manualClock(0);
    const limiter = new RateLimiter(new MemoryStore(clock.now, 3), 1);
    await limiter.take('U1');
    await limiter.take('U2');
    clock.advance(60_000);
    await limiter.take('U3');
    expect(await limiter.take('U4')).toBe(0);
    expect(await limiter.take('U3')).toBe(60);
  });
});

describe('UpstreamCooldown', () => {
  const remaining = async (cooldown: UpstreamCooldown): Promise<number> => (await cooldown.heldBack())?.retryAfterSec ?? 0;

  it('holds calls back for the seconds BlueKing asked, counting down, with what BlueKing said', async () => {
    const clock = manualClock(0);
    const cooldown = new UpstreamCooldown(new MemoryStore(clock.now));
    expect(await cooldown.heldBack()).toBeNull();
    await cooldown.pause(limited(30));
    expect(await cooldown.heldBack()).toMatchObject({ kind: 'rate_limited', code: '1306429', upstreamMessage: 'too many requests', requestId: null, retryAfterSec: 30 });
    clock.advance(10_500);
    expect(await remaining(cooldown)).toBe(20);
    clock.advance(19_500);
    expect(await cooldown.heldBack()).toBeNull();
  });

  it('caps a very long pause, so a bogus Retry-After cannot silence the bot for long', async () => {
    const cooldown = new UpstreamCooldown(new MemoryStore(() => 0), 60);
    await cooldown.pause(limited(86_400));
    expect(await remaining(cooldown)).toBe(60);
  });

  it('never shortens a pause already running, and ignores zero or negative seconds', async () => {
    const cooldown = new UpstreamCooldown(new MemoryStore(() => 0));
    await cooldown.pause(limited(30));
    await cooldown.pause(limited(5));
    await cooldown.pause(limited(0));
    await cooldown.pause(limited(-10));
    expect(await remaining(cooldown)).toBe(30);
  });

  it('is seen by every user of the same store (with Redis: every replica)', async () => {
    const store = new MemoryStore(() => 0);
    await new UpstreamCooldown(store).pause(limited(30));
    expect(await remaining(new UpstreamCooldown(store))).toBe(30);
  });
});
