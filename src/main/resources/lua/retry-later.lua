-- Take an outbound message out of its stream and park it until it is due again.
-- KEYS[1] outbound stream, KEYS[2] retry zset; ARGV[1] group, ARGV[2] entry id, ARGV[3] due ms, ARGV[4] member json
if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then
  return 0
end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
return 1
