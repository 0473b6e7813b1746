/**
 * The Lua the Redis store runs for what needs several commands at once
 * (ioredis sends them by EVALSHA and falls back to EVAL after a Redis restart
 * flushed the script cache). Each runs atomically on the server.
 */
export const REDIS_SCRIPTS = {
  /** KEYS: counter. ARGV: windowMs. Returns {count, ms left}. */
  hit: {
    numberOfKeys: 1,
    lua: `
local n = redis.call('INCR', KEYS[1])
local left = redis.call('PTTL', KEYS[1])
if n == 1 or left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
return {n, left}`,
  },
  /** KEYS: key. ARGV: value, ttlMs. Sets unless the key already lives at least that long. */
  setAtLeast: {
    numberOfKeys: 1,
    lua: `
local left = redis.call('PTTL', KEYS[1])
if left == -1 or left >= tonumber(ARGV[2]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`,
  },
  /** KEYS: key. Returns {value, ms left} or nil. */
  getWithTtl: {
    numberOfKeys: 1,
    lua: `
local value = redis.call('GET', KEYS[1])
if not value then return nil end
return {value, redis.call('PTTL', KEYS[1])}`,
  },
  /** KEYS: lease. ARGV: owner, ttlMs. Extends only the owner's lease. */
  renew: {
    numberOfKeys: 1,
    lua: `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`,
  },
  /** KEYS: leases, any number. ARGV: owner, ttlMs. Renews each the owner holds, takes each nobody holds; 1 where the owner holds it. */
  holdAll: {
    numberOfKeys: 'each',
    lua: `
local held = {}
for i, key in ipairs(KEYS) do
  local holder = redis.call('GET', key)
  if holder == ARGV[1] then
    redis.call('PEXPIRE', key, ARGV[2])
    held[i] = 1
  elseif not holder then
    redis.call('SET', key, ARGV[1], 'PX', ARGV[2])
    held[i] = 1
  else
    held[i] = 0
  end
end
return held`,
  },
  /** KEYS: hash. ARGV: field, value. Sets the field only if it exists. */
  hashReplace: {
    numberOfKeys: 1,
    lua: `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1`,
  },
  /** KEYS: lease. ARGV: owner. Deletes only the owner's lease. */
  release: {
    numberOfKeys: 1,
    lua: `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1`,
  },
  /**
   * KEYS: key, index (a sorted set of keys scored by expiry)[, lease]. ARGV: value, ttlMs, max[, channel, message, owner].
   * Writes the key, drops index members that expired, then deletes the oldest past `max`; with the
   * optional parts, then publishes `message` and deletes the lease if `owner` holds it.
   */
  setCapped: {
    numberOfKeys: 'each',
    lua: `
local ttl = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
-- Scores strictly increase, so writes within one millisecond still keep their order.
local top = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
local score = now + ttl
if top[2] and tonumber(top[2]) >= score then score = tonumber(top[2]) + 1 end
redis.call('ZADD', KEYS[2], score, KEYS[1])
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
if excess > 0 then
  local oldest = redis.call('ZRANGE', KEYS[2], 0, excess - 1)
  for _, key in ipairs(oldest) do redis.call('DEL', key) end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, excess - 1)
end
redis.call('PEXPIRE', KEYS[2], ttl)
if KEYS[3] then
  redis.call('PUBLISH', ARGV[4], ARGV[5])
  if redis.call('GET', KEYS[3]) == ARGV[6] then redis.call('DEL', KEYS[3]) end
end
return 1`,
  },
  /**
   * KEYS: value, lock, peek. ARGV: 'none' | 'whole' | 'prefix', prefix bytes, owner, ttlMs.
   * Reads the value (or its first bytes); when there is none, takes the lock (SET NX PX);
   * then the lock's holder and the peeked key with its TTL. Returns {value, taken, holder, peeked, ms left}.
   */
  lookOrLock: {
    numberOfKeys: 3,
    lua: `
local value = false
if ARGV[1] == 'whole' then
  value = redis.call('GET', KEYS[1])
elseif ARGV[1] == 'prefix' then
  value = redis.call('GETRANGE', KEYS[1], 0, tonumber(ARGV[2]) - 1)
  if value == '' then value = false end
end
local taken = 0
if not value and redis.call('SET', KEYS[2], ARGV[3], 'NX', 'PX', ARGV[4]) then taken = 1 end
local peeked = redis.call('GET', KEYS[3])
local left = -2
if peeked then left = redis.call('PTTL', KEYS[3]) end
return {value, taken, redis.call('GET', KEYS[2]), peeked, left}`,
  },
} as const;

export type ScriptName = keyof typeof REDIS_SCRIPTS;
