/**
 * The longest object id and user name the audit trail is searched for. The API refuses longer ones; the
 * filter form says so by the field before it asks.
 */
export const MAX_AUDIT_OBJECT_ID = 300;
export const MAX_AUDIT_ACTOR = 100;
