-- Subscriptions as Stripe bills them: periods counted from a billing cycle anchor (so a subscription
-- anchored on the 31st renews on the last day of shorter months and on the 31st again after),
-- invoice items waiting for the next invoice (prorations, or the lines of a renewal the card
-- declined), and why the last renewal payment failed. A row without an anchor (written by an older
-- emulator, or directly by a tool or test) is anchored at the start of its current period.

ALTER TABLE subscriptions ADD COLUMN billing_cycle_anchor TIMESTAMP WITH TIME ZONE;
ALTER TABLE subscriptions ADD COLUMN period_index INT DEFAULT 0 NOT NULL;
ALTER TABLE subscriptions ADD COLUMN opening_payment_intent_id VARCHAR(255) UNIQUE;
ALTER TABLE subscriptions ADD COLUMN checkout_session_id VARCHAR(255) UNIQUE;
ALTER TABLE subscriptions ADD COLUMN past_due_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE subscriptions ADD COLUMN last_decline_code VARCHAR(64);
ALTER TABLE subscriptions ADD COLUMN last_payment_error VARCHAR(255);
ALTER TABLE subscriptions ADD COLUMN last_payment_intent_id VARCHAR(255);
ALTER TABLE subscriptions ADD COLUMN paused_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE subscriptions ADD COLUMN canceled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE subscriptions ADD CONSTRAINT subscription_status
    CHECK (status IN ('active', 'past_due', 'canceled', 'paused', 'trialing'));
CREATE INDEX subscriptions_by_account ON subscriptions (account_id, id);
CREATE INDEX subscriptions_by_period_end ON subscriptions (status, current_period_end);

-- Lines billed with a subscription's next invoice. Negative amounts are credits.
CREATE TABLE subscription_pending_items (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id  BIGINT NOT NULL REFERENCES subscriptions (id),
    description      VARCHAR(255) NOT NULL,
    amount           DECIMAL(14, 2) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX subscription_pending_items_by_subscription ON subscription_pending_items (subscription_id, id);
