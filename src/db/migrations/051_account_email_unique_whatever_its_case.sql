-- An e-mail address names one person: "qa@example.nl" and "QA@Example.nl" are one address, so an account's
-- address is unique by its lower case (emailTaken, src/auth/accounts.ts), and this index keeps that rule
-- also for two accounts given one address at the same moment.
--
-- A register whose accounts already share an address keeps it on the account that had it first (by when
-- the account was made); the others lose it (they get no notifications until an administrator gives them
-- their own), each with an audit event (migration_change, src/db/migration-changes.ts) saying which it was.
-- An address cannot be numbered as migration 043 numbers a reference: it would no longer reach anyone.
with numbered as (
  select id, email, row_number() over (partition by lower(email) order by created_at, id) as position
  from account where email is not null
), cleared as (
  update account set email = null from numbered where account.id = numbered.id and numbered.position > 1
  returning account.id, numbered.email
)
insert into migration_change (object_type, object_id, before, after)
select 'account', id, jsonb_build_object('email', email), jsonb_build_object('email', null) from cleared order by id;

create unique index account_email_folded on account (lower(email));
