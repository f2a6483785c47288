-- Auth as documented (issue 15): the emulated mailbox, password reset tokens, teams for
-- switch-account, and an API key for every account.

-- Every email the emulator "sent" (verification, password reset): what a test reads instead of an
-- inbox, through GET /_emulator/mailbox. Wiped with everything else by a reset.
CREATE TABLE mailbox (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient          VARCHAR(255) NOT NULL,
    kind               VARCHAR(32) NOT NULL CHECK (kind IN ('verification', 'password_reset')),
    subject            VARCHAR(255) NOT NULL,
    body               VARCHAR(4000) NOT NULL,
    verification_code  VARCHAR(64),
    reset_token        VARCHAR(64),
    link               VARCHAR(2048),
    sent_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX mailbox_by_recipient ON mailbox (recipient, id);

-- Password reset tokens as Laravel's password broker keeps them: one per address (a newer one
-- replaces it), stored as a hash; the plain token exists only in the email.
CREATE TABLE password_resets (
    email       VARCHAR(255) PRIMARY KEY,
    token_hash  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Team memberships from the seed file: the member account may switch to the team account. The id is
-- what the official CLI sends as team_member_id.
CREATE TABLE team_members (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_account_id    BIGINT NOT NULL REFERENCES accounts (id),
    member_account_id  BIGINT NOT NULL REFERENCES accounts (id),
    CONSTRAINT one_membership_per_team UNIQUE (team_account_id, member_account_id)
);
CREATE INDEX team_members_by_member ON team_members (member_account_id, id);

-- A token issued by switch-account remembers the account it switched from, to switch back to.
ALTER TABLE access_tokens ADD COLUMN switched_from_account_id BIGINT REFERENCES accounts (id);

-- A username names one account (switch-account finds team accounts by it).
CREATE UNIQUE INDEX accounts_by_username ON accounts (username);

-- Every account has an API key for the generation APIs, the same on every login.
UPDATE accounts SET api_key = RAWTOHEX(SECURE_RAND(20)) WHERE api_key IS NULL;
