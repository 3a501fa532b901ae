-- An export assessment with its findings on the eight criteria, a grant that lets parliament inspect one, and a
-- licence issued on one are histories, as migration 009 set out: new information is a new assessment, which takes
-- the place of the earlier one beside it, a second grant of an assessment is refused, and a licence is issued, never
-- corrected or revoked. The arms-transfer reports, the queues, the shipment gate and a letter's check of its section
-- on export control are read from them at the dates they judge. The application never changes or removes a row of
-- them; this keeps any other client of the database, the server's own role included, from doing so, as migration 065
-- keeps the money and disclosure decisions and 067 the overrides of the licence rule.
create trigger export_assessment_kept before update or delete on export_assessment for each row execute function keep_history();
create trigger export_assessment_criterion_kept before update or delete on export_assessment_criterion for each row execute function keep_history();
create trigger export_inspection_grant_kept before update or delete on export_inspection_grant for each row execute function keep_history();
create trigger export_licence_kept before update or delete on export_licence for each row execute function keep_history();
