-- A co-production project typed in error (its title or partner) is corrected as a company is: at the version the
-- correction was based on (If-Match), each correction an audit event with the project before and after it. The
-- project's version is that of the whole project: each correction and each stage it reaches raises it, so that
-- neither is based on what the other changed meanwhile. A project's version was the number of its stages, and
-- stays so for the projects a register holds.
alter table coproduction_project add column version integer not null default 0;

update coproduction_project set version = (select count(*) from coproduction_stage where project_id = coproduction_project.id);
