import { useTranslation } from 'react-i18next';
import type { LetterComparison } from '../../api/letters.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { LetterWords } from '../../components/LetterWords.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useFigureLabel } from '../letters/useFigureLabel.ts';
import { publicItemColumns } from '../public/publicItemColumns.tsx';

type FigureMove = LetterComparison['figures'][number];
type PublicItem = LetterComparison['becamePublic'][number];
type Restatement = LetterComparison['restated'][number];

/** Two letters compared: how each figure moved, what the letters in between made public, and what they restated. */
export function ComparisonView({ comparison }: { comparison: LetterComparison }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const dates = { from: formatShortDate(comparison.from.referenceDate, language), to: formatShortDate(comparison.to.referenceDate, language) };
  return (
    <>
      <LabelledSection heading={t('comparison.figuresHeading')}>
        <FigureMoves figures={comparison.figures} dates={dates} />
        <p className="nl-paragraph">{t('comparison.roundingNote')}</p>
      </LabelledSection>
      <LabelledSection heading={t('comparison.publicHeading')}>
        <p className="nl-paragraph">{t('comparison.publicIntro', dates)}</p>
        <BecamePublic items={comparison.becamePublic} />
      </LabelledSection>
      <LabelledSection heading={t('comparison.restatedHeading')}>
        <p className="nl-paragraph">{t('comparison.restatedIntro')}</p>
        <Restated restated={comparison.restated} />
      </LabelledSection>
    </>
  );
}

/** A figure as the server gives it: in the rounding of the letter that printed it. */
const letterAmount = (text: string) => <LetterWords text={text} />;

function FigureMoves({ figures, dates }: { figures: FigureMove[]; dates: { from: string; to: string } }) {
  const { t } = useTranslation();
  const figureLabel = useFigureLabel();
  const columns: Column<FigureMove>[] = [
    { key: 'label', header: t('comparison.figure'), cell: (row) => figureLabel(row.key) },
    { key: 'from', header: dates.from, numeric: true, cell: (row) => letterAmount(row.fromText) },
    { key: 'to', header: dates.to, numeric: true, cell: (row) => letterAmount(row.toText) },
    { key: 'difference', header: t('comparison.difference'), numeric: true, cell: (row) => letterAmount(row.differenceText) },
  ];
  return <DataTable caption={t('comparison.figuresCaption', dates)} columns={columns} rows={figures} rowKey={(row) => row.key} />;
}

function BecamePublic({ items }: { items: PublicItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="nl-paragraph">{t('comparison.nothingPublic')}</p>;
  return <DataTable caption={t('comparison.publicCaption', { count: items.length })} columns={publicItemColumns<PublicItem>(t)} rows={items} rowKey={(item) => item.publicId} />;
}

function Restated({ restated }: { restated: Restatement[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const figureLabel = useFigureLabel();
  if (restated.length === 0) return <p className="nl-paragraph">{t('comparison.nothingRestated')}</p>;
  const columns: Column<Restatement>[] = [
    { key: 'figure', header: t('comparison.figure'), cell: (row) => figureLabel(row.key) },
    { key: 'letter', header: t('comparison.restatedLetter'), cell: (row) => formatShortDate(row.referenceDate, language) },
    { key: 'reported', header: t('comparison.reported'), numeric: true, cell: (row) => letterAmount(row.reportedText) },
    { key: 'restated', header: t('comparison.restated'), numeric: true, cell: (row) => letterAmount(row.restatedText) },
    { key: 'difference', header: t('comparison.difference'), numeric: true, cell: (row) => letterAmount(row.differenceText) },
  ];
  return <DataTable caption={t('comparison.restatedCaption')} columns={columns} rows={restated} rowKey={(row) => `${row.letterId}/${row.key}`} />;
}
