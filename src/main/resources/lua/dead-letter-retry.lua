-- Send a dead letter again: back onto the stream it came from, with its attempts reset.
-- KEYS[1] dead-letter stream; ARGV[1] dead entry id, ARGV[2] maxlen. Returns 0 when there is no such entry.
local found = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
if #found == 0 then
  return 0
end
local fields, stream = {}, nil
local raw = found[1][2]
for i = 1, #raw, 2 do
  local k, v = raw[i], raw[i + 1]
  if k == 'stream' then
    stream = v
  elseif k ~= 'reason' and k ~= 'attempts' and k ~= 'failedAt' then
    fields[#fields + 1] = k
    fields[#fields + 1] = v
  end
end
if not stream then
  return 0
end
redis.call('XADD', stream, 'MAXLEN', '~', ARGV[2], '*', unpack(fields))
redis.call('XDEL', KEYS[1], ARGV[1])
return 1
