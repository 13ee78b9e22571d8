-- Idempotency-Key support for scheduling: the same key and body replay the first answer; the same
-- key with another body is a conflict. Kept per team; rows older than a day may be purged.

CREATE TABLE idempotency_key (
    team_id          uuid          NOT NULL,
    idempotency_key  varchar(200)  NOT NULL,
    request_hash     varchar(64)   NOT NULL,
    distribution_ids text          NOT NULL DEFAULT '',
    created_on_utc   timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, idempotency_key)
);

CREATE INDEX idempotency_key_age_idx ON idempotency_key (created_on_utc);
