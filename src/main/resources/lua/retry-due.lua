-- Put parked messages that are due back on their streams. Each member is JSON {"stream":..., "fields":{...}}.
-- KEYS[1] retry zset; ARGV[1] now ms, ARGV[2] max count, ARGV[3] maxlen. Returns how many moved.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, member in ipairs(due) do
  local parked = cjson.decode(member)
  redis.call('XADD', parked.stream, 'MAXLEN', '~', ARGV[3], '*', unpack(fields_of(parked.fields)))
  redis.call('ZREM', KEYS[1], member)
end
return #due
