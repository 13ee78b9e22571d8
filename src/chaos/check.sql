-- The chaos run's verdict: what the sandbox created (its records, on stdin as TSV: post id,
-- account, created at, text) against what the database says of every distribution.
-- Prints one line of figures (see the final SELECT) and writes the offenders, with their audit
-- trail, to :'details'. UNKNOWN_OUTCOME is no offence: it is the worker saying it cannot tell
-- (a LinkedIn member's posts cannot be listed; a listing that failed), and an operator decides.
\set ON_ERROR_STOP on
CREATE TEMP TABLE created_post (post_id text, account text, created_at text, body text);
\copy created_post FROM pstdin
-- Every seeded text carries its distribution's id (src/benchmark/seed.sql).
CREATE TEMP TABLE created AS
SELECT substring(body FROM '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')::uuid AS distribution_id, post_id
  FROM created_post;
CREATE TEMP TABLE verdict AS
SELECT d.id, d.status, d.external_post_id, d.attempt_count, d.claimed_by, d.last_error_code,
       a.external_account_id LIKE 'urn:li:person:%' AS linkedin_member,
       count(c.post_id) AS creates,
       count(c.post_id) FILTER (WHERE c.post_id = d.external_post_id) AS matching
  FROM content_distribution d
  JOIN social_media_account a ON a.id = d.account_id
  LEFT JOIN created c ON c.distribution_id = d.id
 GROUP BY d.id, a.external_account_id;
ALTER TABLE verdict ADD COLUMN problem text;
UPDATE verdict SET problem = CASE
    WHEN creates > 1 THEN 'duplicate: ' || creates || ' creates'
    WHEN status NOT IN ('PUBLISHED', 'FAILED', 'UNKNOWN_OUTCOME', 'WAITING_FOR_ACCOUNT', 'CANCELLED')
        THEN 'lost: still ' || status || ' after the drain deadline'
    WHEN status = 'PUBLISHED' AND matching = 0 THEN 'lost: PUBLISHED as ' || external_post_id || ' but no such create'
    WHEN status IN ('FAILED', 'WAITING_FOR_ACCOUNT', 'CANCELLED') AND creates > 0
        THEN 'lost: ' || status || ' although the platform holds its post'
    END;

\o :details
SELECT v.problem, v.id, v.status, v.attempt_count, v.creates, v.external_post_id, v.claimed_by,
       (SELECT string_agg(to_char(l.occurred_on_utc, 'HH24:MI:SS.MS') || ' ' || l.actor || ' ' || l.action || ' '
                          || l.metadata::text, E'\n        ' ORDER BY l.occurred_on_utc)
          FROM audit_log l WHERE l.entity_id = v.id) AS audit,
       (SELECT string_agg(c.post_id, ', ') FROM created c WHERE c.distribution_id = v.id) AS created_posts
  FROM verdict v WHERE v.problem IS NOT NULL ORDER BY v.problem, v.id;
\o

SELECT count(*),
       count(*) FILTER (WHERE problem LIKE 'duplicate%'),
       count(*) FILTER (WHERE problem LIKE 'lost%'),
       count(*) FILTER (WHERE status = 'UNKNOWN_OUTCOME' AND linkedin_member),
       count(*) FILTER (WHERE status = 'UNKNOWN_OUTCOME' AND NOT linkedin_member),
       coalesce((SELECT string_agg(code || ':' || n, ',') FROM (SELECT last_error_code AS code, count(*) AS n FROM verdict
                  WHERE status = 'UNKNOWN_OUTCOME' AND NOT linkedin_member GROUP BY 1 ORDER BY 1) u), '-'),
       count(*) FILTER (WHERE status = 'PUBLISHED'),
       count(*) FILTER (WHERE status = 'FAILED'),
       (SELECT count(*) FROM created),
       (SELECT count(*) FROM created c WHERE NOT EXISTS (SELECT 1 FROM content_distribution d WHERE d.id = c.distribution_id)),
       (SELECT count(*) FROM audit_log WHERE metadata ->> 'Reason' = 'lease_expired'),
       (SELECT count(*) FROM audit_log WHERE action = 'content_published' AND metadata ->> 'Reconciled' = 'true'),
       (SELECT count(*) FROM audit_log WHERE action = 'publish_retry_scheduled' AND metadata ->> 'ReadBack' = 'not_found'),
       (SELECT count(*) FROM audit_log WHERE action = 'publish_retry_scheduled')
  FROM verdict;
