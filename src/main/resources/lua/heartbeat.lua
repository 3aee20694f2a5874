-- Record a worker as alive and count the live workers of its stage.
-- KEYS[1] workers zset; ARGV[1] worker id, ARGV[2] now ms, ARGV[3] considered dead after ms
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[2]) - tonumber(ARGV[3]))
return redis.call('ZCARD', KEYS[1])
