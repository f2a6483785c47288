-- Reliability. How many times each coupon was redeemed, kept on the coupon and raised in the
-- redemption's transaction: two concurrent redemptions of one coupon then write the same row, and the
-- later one is rolled back and run again (a serializable snapshot alone let 32 accounts racing for a
-- coupon with 5 redemptions left redeem it 6 to 9 times).
ALTER TABLE coupons ADD COLUMN redemption_count INT DEFAULT 0 NOT NULL;
UPDATE coupons c SET redemption_count = (SELECT COUNT(*) FROM coupon_redemptions r WHERE r.coupon_code = c.code);
