-- Where a person is told by e-mail that something waits for them (optional; see README "Notifications").
alter table account add column email text
  check (email is null or (length(email) <= 254 and email ~ '^[^@[:space:]]+@[^@[:space:]]+$'));
