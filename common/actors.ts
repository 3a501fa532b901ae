/**
 * The name a record carries for what the system did itself (the demonstration data, a publication at its
 * set time) rather than a person. No account may take it, so that pages can show it as "the system".
 */
export const SYSTEM_ACTOR = 'system';
