-- A government-to-business contract is corrected as a delivery is: its fields are changed at the version the
-- change was based on (If-Match), each change an audit event with the contract before and after it. A
-- contract entered in error, or undone, is withdrawn as a payment is: by a dated row with its reason beside
-- it, from which day on it no longer counts (its signing day takes it out of every figure), never changed or
-- removed. A withdrawal raises the contract's version, so that a correction based on what was read before it
-- is refused.
alter table industry_contract add column version integer not null default 1;

create table industry_contract_withdrawal (
  contract_id uuid primary key references industry_contract (id),
  withdrawn_on date not null,
  reason text not null check (length(reason) > 0),
  recorded_at timestamptz not null default now()
);

create trigger industry_contract_withdrawal_kept before update or delete on industry_contract_withdrawal for each row execute function keep_history();
