-- Claim a due daily lesson for one instance: only if its time is still the one we read. Then either
-- queue the lesson (an inbound entry, de-duplicated per day) and set the next time, or just move it.
-- KEYS[1] schedule zset, KEYS[2] inbound stream, KEYS[3] dedupe key
-- ARGV[1] address, ARGV[2] expected due ms, ARGV[3] next due ms, ARGV[4] entry json ('' to only move), ARGV[5] maxlen
local due = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not due or tonumber(due) ~= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
if ARGV[4] ~= '' and redis.call('SET', KEYS[3], '1', 'NX', 'EX', 172800) then
  redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[5], '*', unpack(fields_of(ARGV[4])))
end
return 1
