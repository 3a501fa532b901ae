-- An import also brings in finance's records: budget commitments with their first stage and EPF claims,
-- each made by its domain's own rules and kept like the other domains' records (migration 039).
alter table imported_record drop constraint imported_record_sheet_check;
alter table imported_record add constraint imported_record_sheet_check
  check (sheet in ('delivery', 'valuation', 'payment', 'trainingProgramme', 'trainingContribution', 'readinessJudgement', 'company', 'industryContract', 'budgetCommitment', 'epfClaim'));
