/**
 * Every field an audit event can carry is shown on the audit page by a label, in Dutch and in English: the
 * fields of the records and details the register's code gives its events, and of the objects within them
 * (auditedFields reads them from the code), so that a field added to an event without a label fails here
 * rather than shows its API name to an auditor.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en/index.ts';
import { nl } from '../../web/src/i18n/nl/index.ts';
import { auditedFields, type AuditedFields } from '../support/audited-fields.ts';

/** Places whose values have no type of their own, and why their fields are labelled all the same. */
const UNTYPED_BY_DESIGN = [
  // A migration's change of a stored record, read back from its table as JSON: the fields are that record's, which the events of its making name.
  'src/db/migration-changes.ts:',
];

describe('the labels of the audit page', () => {
  let audited: AuditedFields;
  beforeAll(() => {
    audited = auditedFields();
  }, 300_000);

  it('reads the type of every value an event is given', () => {
    expect(audited.unreadable.filter((place) => !UNTYPED_BY_DESIGN.some((allowed) => place.startsWith(allowed)))).toEqual([]);
    // The fields it reads include those of records, of details and of an import's row.
    expect([...audited.fields]).toEqual(expect.arrayContaining(['currentValueCents', 'disclosureState', 'skippedRows', 'sheet', 'row', 'externalReference', 'milestones']));
  });

  it.each([['nl', nl], ['en', en]] as const)('has a label for each of them in %s', (_language, words) => {
    const labelled = (field: string) => Object.hasOwn(words.audit.fields, field) || Object.hasOwn(words.fields, field);
    // What an import created is counted by sheet, each named as the import's pages name it (useFieldText).
    const { created, ...nested } = Object.fromEntries(audited.nested);
    const within = Object.values(nested).flatMap((fields) => [...fields]);
    expect([...new Set([...audited.fields, ...within])].filter((field) => !labelled(field)).toSorted()).toEqual([]);
    expect([...(created ?? [])].filter((sheet) => !Object.hasOwn(words.imports.sheets, sheet))).toEqual([]);
  });
});
