/**
 * The columns of the deliveries list's export that the register computes (a delivery's stage, value,
 * disclosure and whether it is demonstration data): an import never writes them, so a value typed in one
 * would be dropped unseen, and its user would believe it changed. Each filled-in cell of one that says other
 * than what the register computes for the row's delivery is a fault at that cell instead, which says what
 * the register computes it from and what to do to change it; so is any filled-in cell of one on a row of a
 * new delivery, which the register computes from the rest of the import and later decisions. A blank cell
 * says nothing, and an untouched export says exactly what the register computes.
 */
import type { StoredDelivery } from '../db/repositories/deliveries.ts';
import { isAllowed, ROLES, type Action } from '../domain/access.ts';
import { lifecycleStage, type RuleViolation, type SupportType } from '../domain/delivery.ts';
import type { DeliveryComputedField } from '../import/sheets.ts';
import type { ComputedCell, PlannedRow } from './import-rows.ts';

/** What the register computes of a delivery, by the field of its column, as a cell of that column reads. */
function computedOf(delivery: StoredDelivery): Record<DeliveryComputedField, unknown> {
  return { stage: lifecycleStage(delivery), valueCents: delivery.currentValueCents, disclosureState: delivery.disclosureState, isDemonstration: delivery.isDemonstration };
}

/** What changes a computed column in the register, which whoever may do it does there: none for demonstration data, which only its loading makes. */
function changedBy(field: string, supportType: SupportType | undefined): Action | undefined {
  switch (field as DeliveryComputedField) {
    case 'stage':
      return 'delivery.update';
    case 'valueCents':
      return supportType === undefined ? undefined : supportType === 'stock' ? 'valuation.create' : 'payment.create';
    case 'disclosureState':
      return 'disclosure.decide';
    case 'isDemonstration':
      return undefined;
  }
}

/**
 * The faults of a delivery row's cells in the columns the register computes: for a delivery the register holds,
 * each cell that says other than what the register computes of it; for a new one (`undefined`), each filled in.
 */
export function computedCellFaults(row: PlannedRow, delivery: StoredDelivery | undefined): RuleViolation[] {
  if (row.computedCells.length === 0) return [];
  const computed = delivery && computedOf(delivery);
  const supportType = (delivery?.supportType ?? row.values.supportType) as SupportType | undefined;
  return row.computedCells.filter((cell) => !computed || !saysWhatIsComputed(cell, computed[cell.field as DeliveryComputedField])).map((cell) => computedColumnFault(cell, computed, supportType));
}

function saysWhatIsComputed(cell: ComputedCell, computed: unknown): boolean {
  return cell.value !== undefined && cell.value === computed;
}

function computedColumnFault(cell: ComputedCell, computed: Record<DeliveryComputedField, unknown> | undefined, supportType: SupportType | undefined): RuleViolation {
  const action = changedBy(cell.field, supportType);
  const params: Record<string, string> = {
    field: cell.field,
    // What the cell says: its value as the column's values are named (a code, cents, yes or no), or its text when it reads as none of them.
    ...(cell.value === undefined ? { shown: cell.shown } : { inFile: asParam(cell.value) }),
    ...(computed ? { stored: asParam(computed[cell.field as DeliveryComputedField]) } : { newRecord: 'yes' }),
    ...(supportType ? { supportType } : {}),
    ...(action ? { by: ROLES.filter((role) => isAllowed(role, action)).join(',') } : {}),
  };
  return { field: cell.field, code: 'computedColumn', params };
}

/** A value as a message's parameter: yes or no for true or false, nothing for none. */
function asParam(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value === null || value === undefined ? '' : String(value);
}
