-- Accounts, sessions, login throttling, idempotent creates, and the hash-chained audit trail.

create table account (
  id uuid primary key,
  username text not null unique check (username ~ '^[a-z0-9][a-z0-9._@-]{1,99}$'),
  display_name text not null default '',
  role text not null check (role in ('registrar', 'finance', 'disclosureOfficer', 'exportControlAssessor',
    'licensingOfficer', 'letterAuthor', 'parliamentReader', 'auditor', 'administrator')),
  -- Argon2id (PHC string); null for an account that logs in only through OpenID Connect.
  password_hash text,
  -- Base32 TOTP secret, and the last time step used (a code is accepted once).
  totp_secret text,
  totp_last_step bigint,
  oidc_subject text unique,
  disabled_at timestamptz,
  created_at timestamptz not null default now()
);

create table session (
  -- SHA-256 of the token: the database holds no token that could be replayed.
  token_hash text primary key,
  account_id uuid not null references account (id),
  second_factor boolean not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  ended_at timestamptz
);
create index session_of_account on session (account_id) where ended_at is null;

create table login_failure (
  username text not null,
  origin text,
  failed_at timestamptz not null
);
create index login_failure_by_username on login_failure (username, failed_at);
create index login_failure_by_origin on login_failure (origin, failed_at);

create table idempotent_request (
  account_id uuid not null references account (id),
  key text not null,
  fingerprint text not null,
  status integer not null,
  headers jsonb not null,
  body text not null,
  created_at timestamptz not null default now(),
  primary key (account_id, key)
);
create index idempotent_request_by_age on idempotent_request (created_at);

create table oidc_login (
  state text primary key,
  code_verifier text not null,
  nonce text not null,
  created_at timestamptz not null
);

-- One row per event. `canonical` is the exact text that was hashed (RFC 8785 JSON of the whole event,
-- its sequence number and the previous hash included); the other columns repeat parts of it for
-- filtering, and verification checks that they agree with it. The unique previous hash makes a fork of
-- the chain impossible even if two writers got past the lock.
create table audit_event (
  seq bigint primary key check (seq > 0),
  prev_hash text not null unique,
  hash text not null unique,
  canonical text not null,
  occurred_at timestamptz not null,
  actor_id uuid,
  actor_name text,
  actor_role text,
  action text not null,
  object_type text,
  object_id text,
  result text not null check (result in ('success', 'denied', 'failure')),
  origin text,
  request_id text
);
create index audit_event_by_object on audit_event (object_type, object_id, seq);
create index audit_event_by_actor on audit_event (actor_name, seq);
create index audit_event_by_time on audit_event (occurred_at, seq);

create function refuse_audit_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit events cannot be changed or removed' using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_event_append_only before update or delete on audit_event
  for each row execute function refuse_audit_change();
create trigger audit_event_never_truncated before truncate on audit_event
  for each statement execute function refuse_audit_change();
revoke update, delete, truncate on audit_event from public;
