-- One-off cards (issue 15): a card named in payment_method_id to fund, redeem a bonus coupon or make a
-- custom charge is charged as a PaymentIntent with the customer and no setup_future_usage, and is not
-- saved to the account. Stripe then lets that PaymentMethod be used by no other PaymentIntent and
-- attached to no customer ("previously used with a PaymentIntent without Customer attachment ... It may
-- not be used again"): the PaymentIntent that used it is kept here. Cards saved to the account
-- (account_id set) are not affected.
ALTER TABLE payment_methods ADD COLUMN used_by_payment_intent VARCHAR(255);
