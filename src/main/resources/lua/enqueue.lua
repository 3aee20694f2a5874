-- Queue an inbound message unless its provider id was seen before.
-- KEYS[1] dedupe key, KEYS[2] stream; ARGV[1] dedupe ttl seconds ('0' = no dedupe), ARGV[2] maxlen, ARGV[3] fields as JSON
if ARGV[1] ~= '0' then
  if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
    return 0
  end
end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', unpack(fields_of(ARGV[3])))
return 1
