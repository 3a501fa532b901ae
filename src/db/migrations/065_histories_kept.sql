-- A delivery's money and the disclosure decisions on deliveries and companies are histories: a revaluation,
-- a payment, a withdrawal or a new decision adds a row, and no row is ever changed or removed (the figures of a
-- final letter are reproduced from them). The application never does either; this keeps any other client of the
-- database, the server's own role included, from doing so, as the audit trail and the EPF's history are kept.
-- A withdrawal was kept from being changed only (migration 025): now from being removed too.
drop trigger payment_withdrawal_kept on payment_withdrawal;
drop trigger valuation_withdrawal_kept on valuation_withdrawal;
drop function refuse_withdrawal_change();
create function keep_history() returns trigger language plpgsql as $$
begin
  raise exception '% is a history that is never changed: add a row instead', tg_table_name using errcode = 'insufficient_privilege';
end;
$$;
create trigger valuation_kept before update or delete on valuation for each row execute function keep_history();
create trigger valuation_withdrawal_kept before update or delete on valuation_withdrawal for each row execute function keep_history();
create trigger payment_kept before update or delete on payment for each row execute function keep_history();
create trigger payment_withdrawal_kept before update or delete on payment_withdrawal for each row execute function keep_history();
create trigger disclosure_decision_kept before update or delete on disclosure_decision for each row execute function keep_history();
create trigger company_disclosure_decision_kept before update or delete on company_disclosure_decision for each row execute function keep_history();
