-- The confidential annex of a final letter, rendered once (at finalisation, or at the first opening of a
-- letter finalised before) and kept: each opening stamps its reader's watermark on the kept rendering
-- instead of rendering 100,000 rows again. Kept in the database, so restarts and backups keep it too,
-- with the SHA-256 of each rendering for `letter verify`, and the counts the list of annexes shows.
create table annex_rendering (
  letter_id uuid primary key references letter (id),
  -- The PDF without the reader's stamp (the stamp object goes in at byte pdf_slot on each opening), in
  -- base64: PGlite reads a bytea of megabytes as hex text parsed byte by byte, seconds per opening.
  pdf_base64 text not null,
  pdf_slot integer not null check (pdf_slot > 0),
  pdf_sha256 text not null,
  -- The HTML with a slot where each opening writes the reader's watermark.
  html text not null,
  html_sha256 text not null,
  row_count integer not null,
  new_rows integer not null,
  changed_rows integer not null,
  rendered_at timestamptz not null
);

-- Like the letter it belongs to, a kept rendering never changes.
create function keep_annex_rendering() returns trigger language plpgsql as $$
begin
  raise exception 'a kept annex rendering cannot be changed' using errcode = 'insufficient_privilege';
end
$$;
create trigger annex_rendering_is_frozen before update or delete on annex_rendering
  for each row execute function keep_annex_rendering();
