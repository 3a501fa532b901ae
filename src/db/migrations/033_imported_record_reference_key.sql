-- An imported record is found again by its reference whatever the case of its letters and the spaces
-- in it, as a spreadsheet's own lookups do: a file whose references were retyped as "vb-2025-001" or
-- copied with a non-breaking space must not create every record a second time. The key folds only
-- A-Z and these spaces, so that it is the same on every server, whatever its locale, and the same as
-- referenceKey in src/import/sheets.ts, which makes it for the rows of a file.
-- Records imported before under references that differ only in that way keep their own rows: the key
-- is not unique, the spelling under it is, and an import that finds several says so.
alter table imported_record
  add column reference_key text not null
    generated always as (regexp_replace(translate(external_reference, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '[ \t\n\r\f\v\u00a0]+', ' ', 'g')) stored;

alter table imported_record drop constraint imported_record_pkey;
alter table imported_record add primary key (sheet, reference_key, external_reference);
