-- content_distribution is a queue: every claim and every outcome updates a row and moves it out of
-- (or into) the partial due index, leaving dead tuples and dead index entries at the head of that
-- index, exactly where the next claim starts to scan. PostgreSQL's default autovacuum waits until
-- 20 % of the table is dead, which under steady load means scanning ever more dead entries. These
-- settings vacuum the table after 1 % (or 1,000 rows) has changed, without the cost-based pauses,
-- and analyze it as often, so the claim's plan and scan stay the same as the table grows.
ALTER TABLE content_distribution SET (
    autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_insert_scale_factor = 0.05,
    autovacuum_analyze_scale_factor = 0.02,
    autovacuum_vacuum_cost_delay = 0
);
