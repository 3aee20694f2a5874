-- Token buckets per provider account, shared by every instance. Capacity is a tenth of a second
-- of sending (at least 1), so the rate holds over any window. Bulk sends also need a token from
-- their own bucket, which refills at the bulk share of the rate.
-- KEYS[1] account bucket, KEYS[2] bulk bucket; ARGV[1] rate/s, ARGV[2] bulk rate/s, ARGV[3] '1' for bulk
-- Returns 0 when a token was taken, else the milliseconds to wait before asking again.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function level(key, rate)
  local b = redis.call('HMGET', key, 'tokens', 'ts')
  local capacity = math.max(1, rate / 10)
  local tokens = tonumber(b[1]) or capacity
  local ts = tonumber(b[2]) or now
  return math.min(capacity, tokens + math.max(0, now - ts) * rate / 1000)
end
local rate, bulkRate = tonumber(ARGV[1]), tonumber(ARGV[2])
local all = level(KEYS[1], rate)
local wait = 0
if all < 1 then
  wait = math.ceil((1 - all) * 1000 / rate)
end
local bulk
if ARGV[3] == '1' then
  bulk = level(KEYS[2], bulkRate)
  if bulk < 1 then
    wait = math.max(wait, math.ceil((1 - bulk) * 1000 / bulkRate))
  end
end
if wait > 0 then
  return wait
end
redis.call('HSET', KEYS[1], 'tokens', tostring(all - 1), 'ts', now)
redis.call('PEXPIRE', KEYS[1], 60000)
if bulk then
  redis.call('HSET', KEYS[2], 'tokens', tostring(bulk - 1), 'ts', now)
  redis.call('PEXPIRE', KEYS[2], 60000)
end
return 0
