import { useTranslation } from 'react-i18next';
import type { Payment, Valuation } from '../../api/types.ts';
import { formatMoment, formatShortDate } from '../../format/dates.ts';
import { formatDecimal, formatEuro, formatMinorUnits } from '../../format/money.ts';
import { currentLanguage, type Language } from '../../i18n/index.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';

function originalAmount(valuation: Valuation, language: Language): string | null {
  if (valuation.currency === 'EUR' || valuation.originalAmountMinor === null) return null;
  const amount = formatMinorUnits(valuation.originalAmountMinor, valuation.currency, language);
  return valuation.exchangeRate ? `${amount} (${formatDecimal(valuation.exchangeRate, language)})` : amount;
}

export function ValuationsTable({ valuations }: { valuations: Valuation[] }) {
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
  return <DataTable caption={t('delivery.valuations.caption')} columns={columns} rows={valuations} rowKey={(row) => row.id} />;
}

export function PaymentsTable({ payments }: { payments: Payment[] }) {
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
  return <DataTable caption={t('delivery.payments.caption')} columns={columns} rows={payments} rowKey={(row) => row.id} />;
}
