-- Seeds :n due distributions over the teams whose accounts the run connected through the API
-- (tokens are encrypted at rest, so accounts cannot be written here). Used by the benchmark and
-- the chaos run.
-- Distribution i becomes due at :start + i / :rate seconds (rate 0 = all due at :start).
-- Optional: :retry_seconds (retry_interval_seconds, default 300) and :max_retry (default 3).
-- Each post's text carries its distribution's id, so what a platform received can be traced back.
\set ON_ERROR_STOP on
\if :{?retry_seconds}
\else
\set retry_seconds 300
\endif
\if :{?max_retry}
\else
\set max_retry 3
\endif
CREATE TEMP TABLE bench_team AS
SELECT team_id AS id, row_number() OVER (ORDER BY team_id) AS n
  FROM (SELECT DISTINCT team_id FROM social_media_account WHERE status = 'ACTIVE') t;
CREATE TEMP TABLE bench_row AS
SELECT g, gen_random_uuid() AS content_id, gen_random_uuid() AS distribution_id,
       (SELECT id FROM bench_team WHERE n = 1 + (g % (SELECT count(*) FROM bench_team))) AS team_id,
       (ARRAY['META', 'LINKEDIN', 'X'])[1 + (g % 3)] AS platform,
       CASE WHEN :rate = 0 THEN :'start'::timestamptz
            ELSE :'start'::timestamptz + make_interval(secs => g::double precision / :rate) END AS due
  FROM generate_series(1, :n) g;
INSERT INTO content (id, team_id, title, body)
SELECT content_id, team_id, 'Bench ' || g, 'Post number ' || g || ' of an Ore Publisher run, distribution ' || distribution_id
  FROM bench_row;
INSERT INTO content_distribution (id, team_id, content_id, platform, account_id, publish_on_utc, next_attempt_at, status,
                                  retry_interval_seconds, max_retry_count)
SELECT r.distribution_id, r.team_id, r.content_id, r.platform, a.id, r.due, r.due, 'SCHEDULED', :retry_seconds, :max_retry
  FROM bench_row r JOIN social_media_account a ON a.team_id = r.team_id AND a.platform = r.platform;
ANALYZE content_distribution;
