import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../common/actors.ts';
import { en } from '../../../common/vocabulary/en.ts';
import { nl } from '../../../common/vocabulary/nl.ts';
import type { ListedAuditEvent } from '../../db/repositories/audit.ts';
import type { LetterSummary } from '../../db/repositories/letters.ts';
import type { Column } from './spreadsheet.ts';
import { AUDIT_COLUMNS, LETTER_COLUMNS } from './tables.ts';

function valueOf<Row>(columns: readonly Column<Row>[], heading: string, row: Row, words = nl) {
  const column = columns.find((candidate) => candidate.heading === heading);
  if (!column) throw new Error(`no column ${heading}`);
  return column.value(row, words);
}

describe('who made a record, in an export', () => {
  it('names the system in the export’s language, and a person by their username', () => {
    const byTheSystem = { actor: { id: null, username: SYSTEM_ACTOR, role: null } } as unknown as ListedAuditEvent;
    const byAPerson = { actor: { id: 'a1', username: 'j.jansen', role: 'registrar' } } as unknown as ListedAuditEvent;
    const anonymous = { actor: null } as unknown as ListedAuditEvent;
    expect([valueOf(AUDIT_COLUMNS, 'actor', byTheSystem), valueOf(AUDIT_COLUMNS, 'actor', byTheSystem, en)]).toEqual(['het systeem', 'the system']);
    expect(valueOf(AUDIT_COLUMNS, 'actor', byAPerson)).toBe('j.jansen');
    expect(valueOf(AUDIT_COLUMNS, 'actor', anonymous)).toBeNull();

    const letter = { createdByName: SYSTEM_ACTOR, approvedByName: 'k.de.vries', finalisedByName: null } as unknown as LetterSummary;
    expect([valueOf(LETTER_COLUMNS, 'createdBy', letter), valueOf(LETTER_COLUMNS, 'approvedBy', letter), valueOf(LETTER_COLUMNS, 'finalisedBy', letter)]).toEqual(['het systeem', 'k.de.vries', null]);
  });
});
