-- Records brought in from a spreadsheet keep the key the spreadsheet gave them (its external reference,
-- per sheet), so that importing the same file again finds them and changes nothing.
create table imported_record (
  sheet text not null check (sheet in ('delivery', 'valuation', 'payment')),
  external_reference text not null check (length(external_reference) between 1 and 200),
  record_id uuid not null,
  import_id uuid not null,
  primary key (sheet, external_reference)
);

create index imported_record_by_import on imported_record (import_id);
