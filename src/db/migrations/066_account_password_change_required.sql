-- A password an administrator set for an account (a reset) is known to someone besides its holder: the account
-- is marked until the holder chooses a password of their own, and until then its sessions reach nothing but
-- that change (src/api/access.ts).
alter table account add column password_change_required boolean not null default false;
