-- Apply one handled message atomically: new citizen state, replies, events, daily schedule, ack.
-- Refuses when the state changed since it was read, and when the entry was already acknowledged,
-- so a message is never answered twice even if two workers raced for it.
-- KEYS[1] inbound stream, KEYS[2] citizen key, KEYS[3] outbound stream, KEYS[4] events stream,
-- KEYS[5] daily schedule zset, KEYS[6] daily schedule details hash, KEYS[7] unanswered questions stream
-- ARGV[1] group, ARGV[2] entry id ('' for a synchronous USSD turn, which has no entry),
-- ARGV[3] expected version, ARGV[4] state json, ARGV[5] outbound messages (JSON array of flat
-- objects), ARGV[6] events (same), ARGV[7] maxlen, ARGV[8] address,
-- ARGV[9] schedule change: '' none, 'del', or 'set|<due ms>|<details>',
-- ARGV[10] unanswered questions kept for editors (JSON array of flat objects)
local version = redis.call('HGET', KEYS[2], 'v') or '0'
if version ~= ARGV[3] then
  return 'conflict'
end
if ARGV[2] ~= '' and redis.call('XACK', KEYS[1], ARGV[1], ARGV[2]) == 0 then
  return 'done'
end
redis.call('HSET', KEYS[2], 'v', tostring(tonumber(version) + 1), 's', ARGV[4])
local function append(stream, list)
  for _, entry in ipairs(cjson.decode(list)) do
    redis.call('XADD', stream, 'MAXLEN', '~', ARGV[7], '*', unpack(fields_of(entry)))
  end
end
append(KEYS[3], ARGV[5])
append(KEYS[4], ARGV[6])
append(KEYS[7], ARGV[10])
if ARGV[9] == 'del' then
  redis.call('ZREM', KEYS[5], ARGV[8])
  redis.call('HDEL', KEYS[6], ARGV[8])
elseif ARGV[9] ~= '' then
  local due, details = string.match(ARGV[9], '^set|(%d+)|(.*)$')
  redis.call('ZADD', KEYS[5], due, ARGV[8])
  redis.call('HSET', KEYS[6], ARGV[8], details)
end
return 'ok'
