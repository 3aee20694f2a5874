-- Take or renew a partition lease. KEYS[1] lease key; ARGV[1] owner, ARGV[2] ttl ms. Returns 1 when held.
local owner = redis.call('GET', KEYS[1])
if owner == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if owner then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
