-- Reconciliation re-checks (reconciliation.md §4): a post that reading back did not find may
-- still appear (platforms list eventually). The distribution waits in RECHECK_SCHEDULED and is
-- read back again at next_attempt_at; only after the last re-check is "not found" believed and
-- the post sent again.
--
-- attempted_at: when the current attempt was claimed, the anchor of the matching window on every
-- read-back of it (a re-check or a dead node's recovery may come minutes later).
-- read_back_count: how many read-backs of the current attempt found nothing so far.
ALTER TABLE content_distribution
    ADD COLUMN attempted_at    timestamptz,
    ADD COLUMN read_back_count integer NOT NULL DEFAULT 0 CHECK (read_back_count >= 0);

ALTER TABLE content_distribution DROP CONSTRAINT content_distribution_status_check;
ALTER TABLE content_distribution ADD CONSTRAINT content_distribution_status_check
    CHECK (status IN ('SCHEDULED', 'PUBLISHING', 'PUBLISHED', 'RETRY_SCHEDULED', 'RECHECK_SCHEDULED', 'FAILED',
                      'WAITING_FOR_ACCOUNT', 'UNKNOWN_OUTCOME', 'CANCELLED'));
ALTER TABLE content_distribution ADD CONSTRAINT content_distribution_recheck_has_time
    CHECK (status <> 'RECHECK_SCHEDULED' OR (next_attempt_at IS NOT NULL AND attempted_at IS NOT NULL));

-- The reconciliation job's query: re-checks that are due, oldest first.
CREATE INDEX content_distribution_recheck_idx
    ON content_distribution (next_attempt_at) WHERE status = 'RECHECK_SCHEDULED';

-- The admin console's list of distributions whose outcome only an operator can settle.
CREATE INDEX content_distribution_unknown_idx
    ON content_distribution (modified_on_utc) WHERE status = 'UNKNOWN_OUTCOME';
