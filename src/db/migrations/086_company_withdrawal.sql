-- A company recorded in error, or that no longer takes part, is withdrawn as a contract is (migration 071): by a
-- dated row with its reason beside it, from which day on it is in no overview, never changed or removed. It is
-- withdrawn only once no contract of it counts from that day and no co-production project names it as its partner;
-- the withdrawal takes it out of the public companies and raises its version.
create table company_withdrawal (
  company_id uuid primary key references company (id),
  withdrawn_on date not null,
  reason text not null check (length(reason) > 0),
  recorded_at timestamptz not null default now()
);

create trigger company_withdrawal_kept before update or delete on company_withdrawal for each row execute function keep_history();
