-- Apply one handled inbound message atomically: new citizen state, replies, events, ack.
-- Refuses when the state changed since it was read, and when the entry was already acknowledged,
-- so a message is never answered twice even if two workers raced for it.
-- KEYS[1] inbound stream, KEYS[2] citizen key, KEYS[3] outbound stream, KEYS[4] events stream
-- ARGV[1] group, ARGV[2] entry id, ARGV[3] expected version, ARGV[4] state json,
-- ARGV[5] outbound messages (JSON array of flat objects), ARGV[6] events (same), ARGV[7] maxlen
local version = redis.call('HGET', KEYS[2], 'v') or '0'
if version ~= ARGV[3] then
  return 'conflict'
end
if redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then
  return 'done'
end
redis.call('HSET', KEYS[2], 'v', tostring(tonumber(version) + 1), 's', ARGV[4])
local function append(stream, list)
  for _, entry in ipairs(cjson.decode(list)) do
    local fields = {}
    for k, v in pairs(entry) do
      fields[#fields + 1] = k
      fields[#fields + 1] = v
    end
    redis.call('XADD', stream, 'MAXLEN', '~', ARGV[7], '*', unpack(fields))
  end
end
append(KEYS[3], ARGV[5])
append(KEYS[4], ARGV[6])
return 'ok'
