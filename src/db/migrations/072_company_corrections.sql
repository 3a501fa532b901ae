-- A company typed in error (its name, country or registration number) is corrected as a contract is: at the
-- version the correction was based on (If-Match), each correction an audit event with the company before and
-- after it. The company's version is that of the whole company: each correction and each disclosure decision on
-- it raises it, so that neither is based on what the other changed meanwhile. A company's version was the number
-- of its decisions, and stays so for the companies a register holds.
alter table company add column version integer not null default 0;

update company set version = (select count(*) from company_disclosure_decision where company_id = company.id);
