-- Seeds :n due distributions across :teams teams, each with one account per platform.
-- Distribution i becomes due at :start + i / :rate seconds (rate 0 = all due at :start).
\set ON_ERROR_STOP on
CREATE TEMP TABLE bench_team AS SELECT gen_random_uuid() AS id, g AS n FROM generate_series(1, :teams) g;
INSERT INTO social_media_account (id, team_id, platform, account_name, external_account_id, access_token)
SELECT gen_random_uuid(), t.id, p, p || ' bench ' || t.n,
       CASE p WHEN 'META' THEN '5463491353905' || lpad(t.n::text, 2, '0')
              WHEN 'LINKEDIN' THEN 'urn:li:person:bench' || t.n ELSE '22449949' || t.n END,
       'bench-token'
  FROM bench_team t CROSS JOIN unnest(ARRAY['META', 'LINKEDIN', 'X']) p;
CREATE TEMP TABLE bench_row AS
SELECT g, gen_random_uuid() AS content_id, gen_random_uuid() AS distribution_id,
       (SELECT id FROM bench_team WHERE n = 1 + (g % :teams)) AS team_id,
       (ARRAY['META', 'LINKEDIN', 'X'])[1 + (g % 3)] AS platform,
       CASE WHEN :rate = 0 THEN :'start'::timestamptz
            ELSE :'start'::timestamptz + make_interval(secs => g::double precision / :rate) END AS due
  FROM generate_series(1, :n) g;
INSERT INTO content (id, team_id, title, body)
SELECT content_id, team_id, 'Bench ' || g, 'Benchmark post number ' || g || ' of the Ore Publisher benchmark'
  FROM bench_row;
INSERT INTO content_distribution (id, team_id, content_id, platform, account_id, publish_on_utc, next_attempt_at, status)
SELECT r.distribution_id, r.team_id, r.content_id, r.platform, a.id, r.due, r.due, 'SCHEDULED'
  FROM bench_row r JOIN social_media_account a ON a.team_id = r.team_id AND a.platform = r.platform;
ANALYZE content_distribution;
