-- The emulator's state. Money is DECIMAL(14,2): exact cents, never floating point.

CREATE TABLE accounts (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email               VARCHAR(255) NOT NULL UNIQUE,
    name                VARCHAR(255) NOT NULL,
    username            VARCHAR(255),
    password_hash       VARCHAR(255) NOT NULL,
    verified            BOOLEAN DEFAULT FALSE NOT NULL,
    verification_code   VARCHAR(64) UNIQUE,
    reseller            BOOLEAN DEFAULT FALSE NOT NULL,
    disabled            BOOLEAN DEFAULT FALSE NOT NULL,
    stripe_customer_id  VARCHAR(64) NOT NULL,
    api_key             VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE access_tokens (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    BIGINT NOT NULL REFERENCES accounts (id),
    token_hash    VARCHAR(64) NOT NULL UNIQUE,
    name          VARCHAR(255) NOT NULL,
    scopes        VARCHAR(1000) NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE
);

CREATE TABLE wallets (
    account_id            BIGINT PRIMARY KEY REFERENCES accounts (id),
    balance               DECIMAL(14, 2) DEFAULT 0 NOT NULL,
    total_credited        DECIMAL(14, 2) DEFAULT 0 NOT NULL,
    amount_used           DECIMAL(14, 2) DEFAULT 0 NOT NULL,
    auto_funding_enabled  BOOLEAN DEFAULT FALSE NOT NULL,
    auto_charge_amount    DECIMAL(14, 2),
    charge_threshold      DECIMAL(14, 2),
    CONSTRAINT wallet_balance_not_negative CHECK (balance >= 0)
);

CREATE TABLE ledger_entries (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id      BIGINT NOT NULL REFERENCES accounts (id),
    type            VARCHAR(6) NOT NULL CHECK (type IN ('credit', 'debit')),
    source          VARCHAR(32) NOT NULL,
    transaction_id  VARCHAR(255),
    amount          DECIMAL(14, 2) NOT NULL CHECK (amount > 0),
    status          VARCHAR(16) NOT NULL,
    usecase         VARCHAR(32) NOT NULL,
    description     VARCHAR(255) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ledger_entries_by_account ON ledger_entries (account_id, id);

CREATE TABLE payment_methods (
    id           VARCHAR(255) PRIMARY KEY,
    account_id   BIGINT REFERENCES accounts (id),
    test_card    VARCHAR(64) NOT NULL,
    brand        VARCHAR(16) NOT NULL,
    last4        CHAR(4) NOT NULL,
    exp_month    INT NOT NULL,
    exp_year     INT NOT NULL,
    funding      VARCHAR(16) NOT NULL,
    country      CHAR(2),
    is_default   BOOLEAN DEFAULT FALSE NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    detached_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE payment_intents (
    id                 VARCHAR(255) PRIMARY KEY,
    account_id         BIGINT NOT NULL REFERENCES accounts (id),
    amount             DECIMAL(14, 2) NOT NULL,
    currency           CHAR(3) DEFAULT 'usd' NOT NULL,
    status             VARCHAR(32) NOT NULL,
    payment_method_id  VARCHAR(255),
    purpose            VARCHAR(32) NOT NULL,
    reference          VARCHAR(255),
    decline_code       VARCHAR(64),
    client_secret      VARCHAR(255) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE setup_intents (
    id                 VARCHAR(255) PRIMARY KEY,
    account_id         BIGINT NOT NULL REFERENCES accounts (id),
    client_secret      VARCHAR(255) NOT NULL,
    status             VARCHAR(32) NOT NULL,
    payment_method_id  VARCHAR(255),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE checkout_sessions (
    id              VARCHAR(255) PRIMARY KEY,
    account_id      BIGINT NOT NULL REFERENCES accounts (id),
    purpose         VARCHAR(16) NOT NULL CHECK (purpose IN ('fund', 'subscribe')),
    amount          DECIMAL(14, 2) NOT NULL,
    plan_id         BIGINT,
    status          VARCHAR(16) NOT NULL,
    payment_status  VARCHAR(16) NOT NULL,
    payment_intent_id VARCHAR(255),
    success_url     VARCHAR(2048),
    cancel_url      VARCHAR(2048),
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    fulfilled_at    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE plans (
    id              BIGINT PRIMARY KEY,
    name            VARCHAR(255) NOT NULL,
    category        VARCHAR(16) NOT NULL,
    period          VARCHAR(16) NOT NULL,
    type            VARCHAR(32) NOT NULL,
    price           DECIMAL(14, 2) NOT NULL,
    api_call_limit  INT DEFAULT 0 NOT NULL,
    rate_limit      INT DEFAULT 0 NOT NULL,
    features        VARCHAR(2000) NOT NULL,
    description     VARCHAR(1000) NOT NULL
);

CREATE TABLE subscriptions (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id              BIGINT NOT NULL REFERENCES accounts (id),
    plan_id                 BIGINT NOT NULL REFERENCES plans (id),
    status                  VARCHAR(16) NOT NULL,
    stripe_subscription_id  VARCHAR(255) NOT NULL UNIQUE,
    payment_method_id       VARCHAR(255),
    current_period_start    TIMESTAMP WITH TIME ZONE NOT NULL,
    current_period_end      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE invoices (
    id                 VARCHAR(255) PRIMARY KEY,
    account_id         BIGINT NOT NULL REFERENCES accounts (id),
    number             VARCHAR(32) NOT NULL,
    amount             DECIMAL(14, 2) NOT NULL,
    status             VARCHAR(16) NOT NULL,
    description        VARCHAR(255) NOT NULL,
    payment_intent_id  VARCHAR(255),
    subscription_id    BIGINT,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at            TIMESTAMP WITH TIME ZONE
);

CREATE TABLE invoice_lines (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id   VARCHAR(255) NOT NULL REFERENCES invoices (id),
    description  VARCHAR(255) NOT NULL,
    quantity     INT NOT NULL,
    amount       DECIMAL(14, 2) NOT NULL
);

CREATE TABLE coupons (
    code              VARCHAR(64) PRIMARY KEY,
    kind              VARCHAR(16) NOT NULL CHECK (kind IN ('credit', 'percent', 'bonus')),
    credit_amount     DECIMAL(14, 2),
    percent           DECIMAL(5, 2),
    minimum_purchase  DECIMAL(14, 2),
    max_redemptions   INT,
    expires_at        TIMESTAMP WITH TIME ZONE
);

CREATE TABLE coupon_redemptions (
    coupon_code      VARCHAR(64) NOT NULL REFERENCES coupons (code),
    account_id       BIGINT NOT NULL REFERENCES accounts (id),
    credited_amount  DECIMAL(14, 2) NOT NULL,
    redeemed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (coupon_code, account_id)
);

CREATE TABLE billing_info (
    account_id           BIGINT PRIMARY KEY REFERENCES accounts (id),
    name                 VARCHAR(255),
    email                VARCHAR(255),
    tax_id               VARCHAR(64),
    tax_id_type          VARCHAR(32),
    address_line1        VARCHAR(255),
    address_line2        VARCHAR(255),
    address_city         VARCHAR(255),
    address_state        VARCHAR(255),
    address_postal_code  VARCHAR(32),
    address_country      CHAR(2)
);

CREATE TABLE idempotency_keys (
    account_id     BIGINT NOT NULL,
    idem_key       VARCHAR(255) NOT NULL,
    operation_id   VARCHAR(64) NOT NULL,
    request_hash   VARCHAR(64) NOT NULL,
    status         INT,
    response_body  CLOB,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, idem_key)
);
