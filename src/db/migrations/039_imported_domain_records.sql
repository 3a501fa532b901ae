-- An import also brings in records of other domains (training programmes and their counts, readiness
-- judgements, companies and their contracts), each made by its domain's own rules and keyed like the
-- deliveries by its row's own reference. Such a record is not compared field by field with the register when its file is imported
-- again: the digest of the row as that import read it is kept, and the same row again changes nothing.
alter table imported_record drop constraint imported_record_sheet_check;
alter table imported_record add constraint imported_record_sheet_check
  check (sheet in ('delivery', 'valuation', 'payment', 'trainingProgramme', 'trainingContribution', 'readinessJudgement', 'company', 'industryContract'));
alter table imported_record add column row_sha256 text;
