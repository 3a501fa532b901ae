-- A final letter's table to the cent, as its annex froze it, kept beside the annex: the next letter and the
-- disclosure cautions read it without parsing the whole annex (tens of megabytes at a large register).
-- Letter verification checks that it still equals the annex's.
alter table letter add column figure_lines text;
update letter set figure_lines = (annex_snapshot::jsonb -> 'figureLines')::text
  where status = 'final' and annex_snapshot is not null and annex_snapshot::jsonb ? 'figureLines';

-- Like the annex it is read from, it never changes once the letter is final.
create function keep_final_figure_lines() returns trigger language plpgsql as $$
begin
  if old.status = 'final' and new.figure_lines is distinct from old.figure_lines then
    raise exception 'a final letter cannot be changed' using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
create trigger letter_figure_lines_frozen before update on letter for each row execute function keep_final_figure_lines();
