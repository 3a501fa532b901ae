-- One valuation or payment is at most €100 mld. (10^13 cents; MAX_ENTRY_CENTS in common/money.ts), so
-- that the sums of the figures stay exact whatever path an amount comes in by.
alter table valuation add constraint valuation_amount_ceiling check (amount_cents <= 10000000000000);
alter table payment add constraint payment_amount_ceiling check (amount_cents <= 10000000000000);
