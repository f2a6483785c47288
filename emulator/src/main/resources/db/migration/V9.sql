-- Every operation's cost independent of the account's history (bench/README.md, issue 18).

-- The ledger keeps its counts, and each entry its position among the account's entries and among
-- those of its type: GET /wallet/transactions finds its total without counting and its page by
-- position without skipping the entries before it.
ALTER TABLE wallets ADD COLUMN ledger_entries BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE wallets ADD COLUMN credit_entries BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE wallets ADD COLUMN debit_entries BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ledger_entries ADD COLUMN account_position BIGINT;
ALTER TABLE ledger_entries ADD COLUMN type_position BIGINT;
MERGE INTO ledger_entries e USING (
    SELECT id,
           ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY id) AS account_position,
           ROW_NUMBER() OVER (PARTITION BY account_id, type ORDER BY id) AS type_position
    FROM ledger_entries) p
ON e.id = p.id
WHEN MATCHED THEN UPDATE SET account_position = p.account_position, type_position = p.type_position;
UPDATE wallets w SET
    ledger_entries = (SELECT COUNT(*) FROM ledger_entries e WHERE e.account_id = w.account_id),
    credit_entries = (SELECT COUNT(*) FROM ledger_entries e WHERE e.account_id = w.account_id AND e.type = 'credit'),
    debit_entries = (SELECT COUNT(*) FROM ledger_entries e WHERE e.account_id = w.account_id AND e.type = 'debit');
ALTER TABLE ledger_entries ALTER COLUMN account_position SET NOT NULL;
ALTER TABLE ledger_entries ALTER COLUMN type_position SET NOT NULL;
CREATE UNIQUE INDEX ledger_entries_by_account_position ON ledger_entries (account_id, account_position);
CREATE UNIQUE INDEX ledger_entries_by_type_position ON ledger_entries (account_id, type, type_position);
DROP INDEX ledger_entries_by_account;

-- The account's default card found without reading its other cards.
CREATE INDEX payment_methods_default ON payment_methods (account_id, is_default);

-- The PaymentIntents still awaiting 3D Secure found without reading every other one.
CREATE INDEX payment_intents_by_status ON payment_intents (status, purpose, created_at);

-- Expired idempotency keys found without reading the others (each new key retires expired ones).
CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys (expires_at);
