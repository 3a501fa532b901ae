-- A company corrected after the disclosure officer decided on it waits for a new decision: what the public reads of
-- it stays as that decision made it (migration 072), and the decision was taken on the company as it was. The moment
-- of its latest correction since its latest decision is kept with it, null when there is none; a decision clears it.
alter table company add column corrected_since_decision_at timestamptz;

-- The companies corrected already: their latest correction (company.correct) came after their latest decision.
update company set corrected_since_decision_at = corrected.occurred_at
from (
  select distinct on (object_id) object_id, occurred_at
  from audit_event
  where action = 'company.correct' and object_type = 'company'
  order by object_id, occurred_at desc, seq desc
) corrected
where corrected.object_id = company.id::text
  and corrected.occurred_at > (select max(decided_at) from company_disclosure_decision where company_id = company.id);
