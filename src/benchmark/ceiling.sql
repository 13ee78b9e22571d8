-- pgbench script: the design's claim → outcome → audit loop in pure SQL, 50 rows per claim and one
-- commit per 50 outcomes, on the real tables and indexes; no app server, no HTTP. Each client
-- marks its claims with its own id so its outcome transaction finds them.
BEGIN;
WITH due AS (
    SELECT id FROM content_distribution
     WHERE status IN ('SCHEDULED', 'RETRY_SCHEDULED') AND next_attempt_at <= now()
     ORDER BY next_attempt_at LIMIT 50 FOR UPDATE SKIP LOCKED)
UPDATE content_distribution d
   SET status = 'PUBLISHING', claimed_by = 'ceiling-' || :client_id, lease_until = now() + interval '5 minutes',
       attempt_count = d.attempt_count + 1, version = d.version + 1
  FROM due WHERE d.id = due.id;
COMMIT;
BEGIN;
WITH done AS (
    UPDATE content_distribution
       SET status = 'PUBLISHED', external_post_id = 'ceiling', published_at = now(), claimed_by = NULL,
           lease_until = NULL, version = version + 1
     WHERE claimed_by = 'ceiling-' || :client_id AND status = 'PUBLISHING'
    RETURNING id, team_id, platform)
INSERT INTO audit_log (id, team_id, actor, action, entity, entity_id, metadata)
SELECT gen_random_uuid(), team_id, 'system', 'content_published', 'content_distribution', id,
       jsonb_build_object('Platform', platform, 'ExternalPostId', 'ceiling')
  FROM done;
COMMIT;
