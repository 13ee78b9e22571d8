-- Empties the benchmark database between runs. The audit trail is append-only in production;
-- here its guard triggers are switched off for the length of one TRUNCATE.
\set ON_ERROR_STOP on
ALTER TABLE audit_log DISABLE TRIGGER USER;
TRUNCATE audit_log, content_distribution, content, social_media_account, idempotency_key;
ALTER TABLE audit_log ENABLE TRIGGER USER;
VACUUM ANALYZE content_distribution;
