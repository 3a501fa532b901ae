-- Failed logins are forgotten after a day; this finds the old ones without reading the rest.
create index login_failure_by_time on login_failure (failed_at);
