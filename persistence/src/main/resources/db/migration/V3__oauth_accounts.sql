-- OAuth connect flows in progress and the account flag the refresh sweep sets.

-- One row per authorization started with POST /api/social-media/oauth/connect. The state is
-- random, bound to the team, single-use (the callback deletes the row it reads) and expires.
-- The PKCE verifier (X) is sealed like a token, with this row's id as associated data.
CREATE TABLE oauth_authorization (
    id             uuid           PRIMARY KEY,
    state          varchar(200)   NOT NULL UNIQUE,
    team_id        uuid           NOT NULL,
    actor          varchar(200)   NOT NULL,
    platform       varchar(20)    NOT NULL CHECK (platform IN ('META', 'LINKEDIN', 'X')),
    redirect_uri   varchar(2048)  NOT NULL,
    code_verifier  text,
    expires_at     timestamptz    NOT NULL,
    created_on_utc timestamptz    NOT NULL DEFAULT now()
);

CREATE INDEX oauth_authorization_expiry_idx ON oauth_authorization (expires_at);

-- Set by the refresh sweep when the refresh token itself runs out soon (LinkedIn: 365 days
-- from the first authorisation): the team has to reconnect before then.
ALTER TABLE social_media_account ADD COLUMN reconnect_soon boolean NOT NULL DEFAULT false;

-- The sweep and the refresh-before-publish look for accounts by expiry.
CREATE INDEX social_media_account_expiry_idx
    ON social_media_account (expires_at) WHERE status = 'ACTIVE';
