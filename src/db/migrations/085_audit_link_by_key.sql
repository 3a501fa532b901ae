-- The events linked at COMMIT (link_pending_audit_event, migration 027) find their rows by their keys, whatever the
-- tables held when a connection planned the function's statements. A connection keeps one plan for each, made for no
-- event in particular; once a vacuum had left the pending table empty, the plan made then removed each linked event
-- from it by reading every page of the table, which holds the rows of the transactions since the last vacuum until the
-- next: in a profile of 1,000 creates one after the other, 70,000 of the backend's 1.2 million instructions a create.
alter function link_pending_audit_event() set enable_seqscan = off;
