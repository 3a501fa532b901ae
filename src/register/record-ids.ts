/**
 * The id of a new delivery, valuation or payment: a UUID of version 7 (RFC 9562), which begins with the
 * millisecond it was made. Records written together, such as an import's 40,000 deliveries, so go to the
 * end of each index on their id or on a column that names it (their money's, their audit events'), where
 * random ids sent each row to a page of its own anywhere in those indexes: an import of 100,000 rows took
 * about a second less (docs/performance.md). It tells when the record was entered: staff see that on the
 * record itself, and the confidential annex, whose rows carry their deliveries' ids, gives its readers each
 * delivery's own dates. Ids the public reads (a public item's, a letter's) stay random: theirs would tell
 * when something was registered.
 */
export { randomUUIDv7 as newRecordId } from 'node:crypto';
