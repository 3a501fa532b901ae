import { useTranslation } from 'react-i18next';
import type { Payment, Valuation } from '../../../../src/domain/delivery.ts';
import { formatMoment, formatShortDate } from '../../format/dates.ts';
import { formatDecimal, formatEuro, formatMinorUnits } from '../../format/money.ts';
import { currentLanguage, type Language } from '../../i18n/index.ts';

function originalAmount(valuation: Valuation, language: Language): string | null {
  if (valuation.currency === 'EUR' || valuation.originalAmountMinor === null) return null;
  const amount = formatMinorUnits(valuation.originalAmountMinor, valuation.currency, language);
  return valuation.exchangeRate ? `${amount} (${formatDecimal(valuation.exchangeRate, language)})` : amount;
}

export function ValuationsTable({ valuations }: { valuations: Valuation[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (valuations.length === 0) return <p className="nl-paragraph">{t('delivery.valuations.empty')}</p>;
  return (
    <div className="utrecht-table__container table-scroll">
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption">{t('delivery.valuations.caption')}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">{t('delivery.valuations.effectiveDate')}</th>
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{t('delivery.valuations.amount')}</th>
            <th scope="col" className="utrecht-table__header-cell">{t('delivery.valuations.basis')}</th>
            <th scope="col" className="utrecht-table__header-cell">{t('delivery.valuations.original')}</th>
            <th scope="col" className="utrecht-table__header-cell">{t('delivery.valuations.note')}</th>
            <th scope="col" className="utrecht-table__header-cell">{t('delivery.valuations.recordedAt')}</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {valuations.map((valuation) => (
            <tr key={valuation.id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell table-row-heading">{formatShortDate(valuation.effectiveDate, language)}</th>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatEuro(valuation.amountCents, language)}</td>
              <td className="utrecht-table__cell">{t(`valuationBases.${valuation.basis}`)}</td>
              <td className="utrecht-table__cell">{originalAmount(valuation, language) ?? t('common.none')}</td>
              <td className="utrecht-table__cell">{valuation.note || t('common.none')}</td>
              <td className="utrecht-table__cell">{formatMoment(valuation.recordedAt, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PaymentsTable({ payments }: { payments: Payment[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (payments.length === 0) return <p className="nl-paragraph">{t('delivery.payments.empty')}</p>;
  return (
    <div className="utrecht-table__container table-scroll">
      <table className="utrecht-table utrecht-table--html-table">
        <caption className="utrecht-table__caption">{t('delivery.payments.caption')}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">{t('delivery.payments.paidOn')}</th>
            <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{t('delivery.payments.amount')}</th>
            <th scope="col" className="utrecht-table__header-cell">{t('delivery.payments.reference')}</th>
            <th scope="col" className="utrecht-table__header-cell">{t('delivery.payments.note')}</th>
            <th scope="col" className="utrecht-table__header-cell">{t('delivery.payments.recordedAt')}</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {payments.map((payment) => (
            <tr key={payment.id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell table-row-heading">{formatShortDate(payment.paidOn, language)}</th>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatEuro(payment.amountCents, language)}</td>
              <td className="utrecht-table__cell">{payment.reference ?? t('common.none')}</td>
              <td className="utrecht-table__cell">{payment.note || t('common.none')}</td>
              <td className="utrecht-table__cell">{formatMoment(payment.recordedAt, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
