-- Move a sent message's status forward on a provider receipt, and count the change once.
-- Order: queued < sent < delivered < read; failed is final; read is final.
-- KEYS[1] message record hash, KEYS[2] events stream; ARGV[1] new status, ARGV[2] error code, ARGV[3] now ms, ARGV[4] maxlen
local rank = {queued = 0, sent = 1, delivered = 2, read = 3}
local current = redis.call('HGET', KEYS[1], 'status')
if not current then
  return 0
end
local new = ARGV[1]
if current == 'failed' or current == 'read' or current == new then
  return 0
end
if new ~= 'failed' and rank[new] <= rank[current] then
  return 0
end
redis.call('HSET', KEYS[1], 'status', new)
local record = redis.call('HMGET', KEYS[1], 'channel', 'language', 'citizen')
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[4], '*', 'type', 'message.' .. new, 'at', ARGV[3],
  'channel', record[1] or '', 'language', record[2] or '', 'citizen', record[3] or '', 'error', ARGV[2])
return 1
