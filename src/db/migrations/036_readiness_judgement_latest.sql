-- The readiness list filters on the effect of each delivery's latest judgement: it reads every delivery's
-- latest (DISTINCT ON delivery_id, by the day judged, then the moment recorded, then id) in this index's
-- order, and with the effect in the index, from the index alone. Without the id the judgements were sorted
-- again at every request (on disk from 36,000 judgements on). It serves what the index it replaces served:
-- one delivery's history, and whether a delivery has any judgement.
drop index readiness_judgement_history;
create index readiness_judgement_history on readiness_judgement (delivery_id, judged_on desc, recorded_at desc, id desc) include (effect);
