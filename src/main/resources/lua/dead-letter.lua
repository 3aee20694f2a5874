-- Give up on a message: acknowledge it, keep it for operators, count the failure.
-- KEYS[1] stream, KEYS[2] dead-letter stream, KEYS[3] events stream
-- ARGV[1] group, ARGV[2] entry id, ARGV[3] dead entry json (flat), ARGV[4] event json ('' for none), ARGV[5] maxlen
if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then
  return 0
end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[5], '*', unpack(fields_of(ARGV[3])))
if ARGV[4] ~= '' then
  redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[5], '*', unpack(fields_of(ARGV[4])))
end
return 1
