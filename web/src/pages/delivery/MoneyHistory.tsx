import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { Payment, Valuation, Withdrawal } from '../../api/types.ts';
import { formatMoment, formatShortDate } from '../../format/dates.ts';
import { formatDecimal, formatEuro, formatMinorUnits } from '../../format/money.ts';
import { currentLanguage, type Language } from '../../i18n/index.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { WithdrawEntry } from './WithdrawEntry.tsx';

/**
 * The withdrawals so far, and for whoever may withdraw: the delivery's version the page shows (`etag`), and
 * what to do once one is recorded or refused because the delivery changed since (load it again).
 */
export interface Withdrawing {
  withdrawals: Withdrawal[];
  withdraw?: { etag: string; onChanged: () => void } | undefined;
}

/** A withdrawn entry stays in the list, struck through, with when and why it was withdrawn. */
function withdrawalColumn<Row extends { id: string }>(kind: 'payments' | 'valuations', entryDate: (row: Row) => string, withdrawing: Withdrawing, language: Language, t: TFunction): Column<Row> {
  const withdrawalOf = (row: Row) => withdrawing.withdrawals.find((withdrawal) => withdrawal.entryId === row.id);
  return {
    key: 'withdrawal',
    header: t('delivery.withdrawal.column'),
    cell: (row) => {
      const withdrawal = withdrawalOf(row);
      if (withdrawal) return t('delivery.withdrawal.withdrawn', { date: formatShortDate(withdrawal.withdrawnOn, language), reason: withdrawal.reason });
      return withdrawing.withdraw ? <WithdrawEntry kind={kind} id={row.id} entryDate={entryDate(row)} {...withdrawing.withdraw} /> : t('common.none');
    },
  };
}

/** Strikes through every cell but the withdrawal's own of a withdrawn row. */
function struckWhenWithdrawn<Row extends { id: string }>(columns: Column<Row>[], withdrawing: Withdrawing): Column<Row>[] {
  const withdrawn = new Set(withdrawing.withdrawals.map((withdrawal) => withdrawal.entryId));
  return columns.map((column) => ({ ...column, cell: (row: Row): ReactNode => (withdrawn.has(row.id) ? <s>{column.cell(row)}</s> : column.cell(row)) }));
}

function originalAmount(valuation: Valuation, language: Language): string | null {
  if (valuation.currency === 'EUR' || valuation.originalAmountMinor === null) return null;
  const amount = formatMinorUnits(valuation.originalAmountMinor, valuation.currency, language);
  return valuation.exchangeRate ? `${amount} (${formatDecimal(valuation.exchangeRate, language)})` : amount;
}

export function ValuationsTable({ valuations, withdrawing }: { valuations: Valuation[]; withdrawing: Withdrawing }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (valuations.length === 0) return <p className="nl-paragraph">{t('delivery.valuations.empty')}</p>;
  const columns: Column<Valuation>[] = [
    { key: 'effectiveDate', header: t('delivery.valuations.effectiveDate'), cell: (row) => formatShortDate(row.effectiveDate, language) },
    { key: 'amount', header: t('delivery.valuations.amount'), numeric: true, cell: (row) => formatEuro(row.amountCents, language) },
    { key: 'basis', header: t('delivery.valuations.basis'), cell: (row) => t(`valuationBases.${row.basis}`) },
    { key: 'original', header: t('delivery.valuations.original'), cell: (row) => originalAmount(row, language) ?? t('common.none') },
    { key: 'note', header: t('delivery.valuations.note'), cell: (row) => row.note || t('common.none') },
    { key: 'recordedAt', header: t('delivery.valuations.recordedAt'), cell: (row) => formatMoment(row.recordedAt, language) },
  ];
  const withWithdrawal = [...struckWhenWithdrawn(columns, withdrawing), withdrawalColumn<Valuation>('valuations', (row) => row.effectiveDate, withdrawing, language, t)];
  return <DataTable caption={t('delivery.valuations.caption')} columns={withWithdrawal} rows={valuations} rowKey={(row) => row.id} />;
}

export function PaymentsTable({ payments, withdrawing }: { payments: Payment[]; withdrawing: Withdrawing }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (payments.length === 0) return <p className="nl-paragraph">{t('delivery.payments.empty')}</p>;
  const columns: Column<Payment>[] = [
    { key: 'paidOn', header: t('delivery.payments.paidOn'), cell: (row) => formatShortDate(row.paidOn, language) },
    { key: 'amount', header: t('delivery.payments.amount'), numeric: true, cell: (row) => formatEuro(row.amountCents, language) },
    { key: 'reference', header: t('delivery.payments.reference'), cell: (row) => row.reference ?? t('common.none') },
    { key: 'note', header: t('delivery.payments.note'), cell: (row) => row.note || t('common.none') },
    { key: 'recordedAt', header: t('delivery.payments.recordedAt'), cell: (row) => formatMoment(row.recordedAt, language) },
  ];
  const withWithdrawal = [...struckWhenWithdrawn(columns, withdrawing), withdrawalColumn<Payment>('payments', (row) => row.paidOn, withdrawing, language, t)];
  return <DataTable caption={t('delivery.payments.caption')} columns={withWithdrawal} rows={payments} rowKey={(row) => row.id} />;
}
