-- An import also brings in the licensing officer's export licences, each issued by the domain's own rules
-- on its delivery's latest assessment and kept like the other domains' records (migrations 039 and 040).
alter table imported_record drop constraint imported_record_sheet_check;
alter table imported_record add constraint imported_record_sheet_check
  check (sheet in ('delivery', 'valuation', 'payment', 'trainingProgramme', 'trainingContribution', 'readinessJudgement', 'company', 'industryContract', 'budgetCommitment', 'epfClaim', 'exportLicence'));
