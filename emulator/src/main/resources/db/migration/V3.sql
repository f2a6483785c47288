-- Billing. When a card was attached to its account: when the default card is removed, the most
-- recently attached remaining card takes over (a card tokenised long ago and attached today is new).
ALTER TABLE payment_methods ADD COLUMN attached_at TIMESTAMP WITH TIME ZONE;
UPDATE payment_methods SET attached_at = created_at WHERE account_id IS NOT NULL;

-- The secret that signs download URLs (invoice PDFs), made once per database (by db/DatabaseSecrets,
-- with the schema) so that links handed out before a restart of a file database still work after it.
CREATE TABLE url_signing_keys (
    purpose  VARCHAR(32) PRIMARY KEY,
    secret   VARCHAR(128) NOT NULL
);
