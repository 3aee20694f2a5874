-- A provider accepted an outbound message: acknowledge it, remember it for receipts, count it.
-- KEYS[1] outbound stream, KEYS[2] message record hash, KEYS[3] events stream
-- ARGV[1] group, ARGV[2] entry id, ARGV[3] record json (flat), ARGV[4] record ttl s, ARGV[5] event json, ARGV[6] maxlen
if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then
  return 0
end
redis.call('HSET', KEYS[2], unpack(fields_of(ARGV[3])))
redis.call('EXPIRE', KEYS[2], ARGV[4])
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[6], '*', unpack(fields_of(ARGV[5])))
return 1
