-- Store an outbound simulator message for its address and acknowledge it, once.
-- KEYS[1] outbound stream, KEYS[2] address list, KEYS[3] events stream
-- ARGV[1] group, ARGV[2] entry id, ARGV[3] message json, ARGV[4] kept per address, ARGV[5] event json, ARGV[6] maxlen
if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then
  return 0
end
redis.call('RPUSH', KEYS[2], ARGV[3])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[4]), -1)
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[6], '*', unpack(fields_of(ARGV[5])))
return 1
