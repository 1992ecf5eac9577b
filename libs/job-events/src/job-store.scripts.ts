import { RedisScript } from './redis-script';

/**
 * The job store's atomic steps. A record is a hash {v: version, s: status, u: user (only when the job has
 * one), json}; the indexes (all, per status, per user, per user and status) are sorted sets scored by
 * created_at (ms). Each write also appends the job's status event to its stream in
 * the same script, so the stream's order is the order of the writes.
 */

/**
 * KEYS: record, all-index, status-index, stream, then — when the job has a user — user-index,
 * user-status-index. ARGV: json, jobId, score, status, eventType, eventData, maxLen, user ('' = none).
 * The user is also kept as the record's field `u`: later writes and the delete find the user's indexes by it.
 */
export const createJobScript = new RedisScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return false end
redis.call('HSET', KEYS[1], 'v', 1, 's', ARGV[4], 'json', ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
if ARGV[8] ~= '' then
  redis.call('HSET', KEYS[1], 'u', ARGV[8])
  redis.call('ZADD', KEYS[5], ARGV[3], ARGV[2])
  redis.call('ZADD', KEYS[6], ARGV[3], ARGV[2])
end
return redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[7], '*', 'type', ARGV[5], 'data', ARGV[6])
`);

/**
 * Compare-and-set. KEYS: record, old-status-index, new-status-index, stream, cancel-flag, then — when the
 * record has a user (`u`) — the user's old-status-index and new-status-index.
 * ARGV: expectedVersion, json, jobId, score, newStatus, eventType, eventData ('' = no event), maxLen,
 * cancelFlagValue ('' = leave the flag alone), expectedUser ('' = none).
 * Returns {version, eventId|''}, or -1 when the version or user moved (retry), -2 when the record is gone.
 */
export const updateJobScript = new RedisScript(`
local cur = redis.call('HMGET', KEYS[1], 'v', 'u')
local v = cur[1]
if not v then return -2 end
if v ~= ARGV[1] or (cur[2] or '') ~= ARGV[10] then return -1 end
local nv = tonumber(v) + 1
redis.call('HSET', KEYS[1], 'v', nv, 's', ARGV[5], 'json', ARGV[2])
if KEYS[2] ~= KEYS[3] then
  redis.call('ZREM', KEYS[2], ARGV[3])
  redis.call('ZADD', KEYS[3], ARGV[4], ARGV[3])
  if ARGV[10] ~= '' then
    redis.call('ZREM', KEYS[6], ARGV[3])
    redis.call('ZADD', KEYS[7], ARGV[4], ARGV[3])
  end
end
if ARGV[9] ~= '' then redis.call('SET', KEYS[5], ARGV[9]) end
local id = ''
if ARGV[7] ~= '' then
  id = redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[8], '*', 'type', ARGV[6], 'data', ARGV[7])
end
return {nv, id}
`);

/**
 * KEYS: record, stream, cancel-flag, then every index the job may be in (all, every status, and — when it has
 * a user — the user's and every user-status index). ARGV: jobId, expectedUser ('' = none).
 * Returns 1 if deleted, 0 if there was no record, -1 when the record's user is not the one expected (retry).
 */
export const deleteJobScript = new RedisScript(`
if (redis.call('HGET', KEYS[1], 'u') or '') ~= ARGV[2] then return -1 end
local existed = redis.call('DEL', KEYS[1])
redis.call('DEL', KEYS[2], KEYS[3])
for i = 4, #KEYS do redis.call('ZREM', KEYS[i], ARGV[1]) end
return existed
`);

/**
 * One page of an index, newest first, with the records, read atomically (a job changing status meanwhile
 * cannot show up on the wrong status page). KEYS: index. ARGV: start, stop, record key prefix.
 * Returns {total, json1, json2, …}.
 */
export const listJobsScript = new RedisScript(`
local out = {redis.call('ZCARD', KEYS[1])}
for _, id in ipairs(redis.call('ZREVRANGE', KEYS[1], ARGV[1], ARGV[2])) do
  out[#out + 1] = redis.call('HGET', ARGV[3] .. id, 'json') or false
end
return out
`);
