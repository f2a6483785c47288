-- The fake Stripe as strict and as complete as Stripe test mode (issue 16).

-- A PaymentMethod's billing details as sent (name, email, phone, address), kept as Stripe's JSON: the
-- postal code and line 1 are what Radar's address checks look at, and Stripe echoes them back.
-- payment_methods.test_card now holds the row's key in the test-card matrix (the card number, or the
-- test id of a row that has no number of its own, such as tok_visa_chargeCustomerFailLostCard).
ALTER TABLE payment_methods ADD COLUMN billing_details VARCHAR(4000);
ALTER TABLE payment_methods ADD COLUMN metadata VARCHAR(8000);
-- Whether the card was set up for later payments through a SetupIntent (4000002500003155 then needs no
-- 3D Secure off-session).
ALTER TABLE payment_methods ADD COLUMN set_up BOOLEAN DEFAULT FALSE NOT NULL;

-- Tokens made with POST /v1/tokens: single use, like Stripe's. Only the test-card row and what Stripe
-- shows of a card are kept, never the card number or CVC.
CREATE TABLE stripe_tokens (
    id               VARCHAR(255) PRIMARY KEY,
    card_id          VARCHAR(255) NOT NULL,
    test_card        VARCHAR(64) NOT NULL,
    exp_month        INT NOT NULL,
    exp_year         INT NOT NULL,
    cvc_provided     BOOLEAN NOT NULL,
    billing_details  VARCHAR(4000) NOT NULL,
    client_ip        VARCHAR(64),
    used_at          TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Charges: one per attempt that reached Radar or the card's issuer (a PaymentIntent's latest_charge).
CREATE TABLE stripe_charges (
    id                 VARCHAR(255) PRIMARY KEY,
    payment_intent_id  VARCHAR(255) NOT NULL,
    payment_method_id  VARCHAR(255) NOT NULL,
    amount             DECIMAL(14, 2) NOT NULL,
    status             VARCHAR(16) NOT NULL CHECK (status IN ('succeeded', 'failed')),
    failure_code       VARCHAR(64),
    decline_code       VARCHAR(64),
    outcome_type       VARCHAR(32) NOT NULL,
    network_status     VARCHAR(32) NOT NULL,
    outcome_reason     VARCHAR(64),
    risk_level         VARCHAR(16) NOT NULL,
    risk_score         INT NOT NULL,
    three_d_secure     BOOLEAN NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stripe_charges_by_payment_intent ON stripe_charges (payment_intent_id, created_at);
ALTER TABLE payment_intents ADD COLUMN latest_charge_id VARCHAR(255);

-- Stripe's idempotency for POSTs to /v1: the first request with a key is answered and its answer kept
-- for 24 hours of emulated time; a retry with the same endpoint and parameters gets it again. status is
-- null while the first request runs.
CREATE TABLE stripe_idempotency_keys (
    idem_key             VARCHAR(255) PRIMARY KEY,
    endpoint             VARCHAR(512) NOT NULL,
    request_hash         CHAR(64) NOT NULL,
    status               INT,
    response_body        CLOB,
    original_request_id  VARCHAR(64) NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stripe_idempotency_keys_by_expiry ON stripe_idempotency_keys (expires_at);
