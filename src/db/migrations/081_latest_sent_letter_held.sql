-- The latest letter sent to parliament, as a change dated in its period is judged against it (a warning to confirm,
-- datedInSentLetterPeriod), read under the shared form of a transaction-scoped advisory lock whose exclusive form
-- marking a letter sent takes first (letters.ts, lockLetterSending): the change holds it until it commits, so the
-- letter is either sent before the read, which sees it (a volatile function's statements each see the newest
-- commits, here those made before the lock was granted), or only once the change has committed.
create function latest_sent_letter() returns table (reference_date date, paper_number text) language plpgsql volatile as $$
begin
  perform pg_advisory_xact_lock_shared(7412002);
  return query select l.reference_date, l.paper_number from letter l where l.status = 'final' and l.sent_at is not null order by l.reference_date desc limit 1;
end
$$;

-- For changes judged before the statement that writes them (new deliveries, written several to a statement): raises
-- SQLSTATE SL001 when the latest letter sent, read as above in the statement's transaction, is not the one with each
-- of the reference dates given (null for none sent), so that nothing is written and the changes are judged again.
create function hold_latest_sent_letter(judged_against date[]) returns void language plpgsql volatile as $$
declare
  latest date;
begin
  select s.reference_date into latest from latest_sent_letter() s;
  if exists (select from unnest(judged_against) judged where judged is distinct from latest) then
    raise exception 'a letter was sent to parliament after the change was judged' using errcode = 'SL001';
  end if;
end
$$;
