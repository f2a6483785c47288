-- The fake Stripe's own API and hosted pages (issue 5).

-- Stripe runs a card's CVC check only when a CVC was sent with it (so 4000000000000127 tokenised
-- without one is not declined). pm_card_* shortcuts count as sent.
ALTER TABLE payment_methods ADD COLUMN cvc_provided BOOLEAN DEFAULT TRUE NOT NULL;

-- A SetupIntent's last error (a declined card, a failed 3D Secure step), as its last_setup_error.
ALTER TABLE setup_intents ADD COLUMN decline_code VARCHAR(64);
ALTER TABLE setup_intents ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
