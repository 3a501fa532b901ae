import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isUuid } from '../../../../common/ids.ts';
import { verifyLetter, type Verification } from '../../api/letters.ts';
import { Alert } from '../../components/Alert.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { LetterWords } from '../../components/LetterWords.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useResource } from '../../state/useResource.ts';
import { annexRowDelivery, useFigureLabel } from './useFigureLabel.ts';

type Difference = Verification['differences'][number];
type NamedFigureDifference = Verification['figureDifferences'][number];
type AnnexDifference = Verification['annexDifferences'][number];

/** A final letter checked: its texts still hash to what was published, and every figure recomputes to the same. */
export function VerificationResult({ id }: { id: string }) {
  const { t } = useTranslation();
  const verification = useResource(`verification/${id}`, (signal) => verifyLetter(id, signal));
  if (verification.status !== 'ready') return <ResourceStatus resource={verification} onRetry={verification.reload} />;
  const { ok, hashesMatch, differences, figureDifferences, annexDifferences } = verification.data.data;
  return (
    <>
      <p className="nl-paragraph">{t('letters.verification.intro')}</p>
      <Alert type={ok ? 'ok' : 'warning'}>
        <p className="nl-paragraph">{t(hashesMatch ? 'letters.verification.hashesMatch' : 'letters.verification.hashesDiffer')}</p>
        <p className="nl-paragraph">{t(differences.length === 0 ? 'letters.verification.figuresMatch' : 'letters.verification.figuresDiffer')}</p>
        <p className="nl-paragraph">{t(figureDifferences.length === 0 ? 'letters.verification.namedFiguresMatch' : 'letters.verification.namedFiguresDiffer')}</p>
        <p className="nl-paragraph">{t(annexDifferences.length === 0 ? 'letters.verification.annexSectionsMatch' : 'letters.verification.annexSectionsDiffer')}</p>
      </Alert>
      {differences.length > 0 && <DifferencesTable differences={differences} />}
      {figureDifferences.length > 0 && <NamedFigureDifferencesTable differences={figureDifferences} />}
      {annexDifferences.length > 0 && <AnnexDifferencesTable differences={annexDifferences} />}
    </>
  );
}

function DifferencesTable({ differences }: { differences: Difference[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const figureLabel = useFigureLabel();
  const columns: Column<Difference>[] = [
    { key: 'figure', header: t('letters.verification.figure'), cell: (row) => <FigureCell figure={row.figure} label={figureLabel(row.figure)} /> },
    { key: 'published', header: t('letters.verification.recorded'), numeric: true, cell: (row) => formatEuro(row.published, language) },
    { key: 'recomputed', header: t('letters.verification.recomputed'), numeric: true, cell: (row) => formatEuro(row.recomputed, language) },
  ];
  return <DataTable caption={t('letters.verification.caption')} columns={columns} rows={differences} rowKey={(row) => row.figure} />;
}

/** A figure by its label; a delivery's row of the annex links to the delivery in the register. */
function FigureCell({ figure, label }: { figure: string; label: string }) {
  const delivery = annexRowDelivery(figure);
  if (delivery === null || !isUuid(delivery)) return label;
  return (
    <Link className="utrecht-link utrecht-link--html-a" href={`/leveringen/${delivery}`}>
      {label}
    </Link>
  );
}

/** The named figures of the text ({{budgetTotal}}, {{epfPaid:2024}}, …) as printed, and as the register gives them now. */
function NamedFigureDifferencesTable({ differences }: { differences: NamedFigureDifference[] }) {
  const { t } = useTranslation();
  const columns: Column<NamedFigureDifference>[] = [
    { key: 'figure', header: t('letters.verification.namedFigure'), cell: (row) => <code>{`{{${row.figure}}}`}</code> },
    { key: 'published', header: t('letters.verification.published'), cell: (row) => <LetterWords text={row.published} /> },
    { key: 'recomputed', header: t('letters.verification.recomputed'), cell: (row) => (row.recomputed ? <LetterWords text={row.recomputed} /> : t('letters.verification.noValue')) },
  ];
  return <DataTable caption={t('letters.verification.namedCaption')} columns={columns} rows={differences} rowKey={(row) => row.figure} />;
}

/** Rows of the annex's domain sections as it printed them, and as the register gives them at the reference date now. */
function AnnexDifferencesTable({ differences }: { differences: AnnexDifference[] }) {
  const { t } = useTranslation();
  const columns: Column<AnnexDifference>[] = [
    { key: 'section', header: t('letters.verification.section'), cell: (row) => t(`letters.verification.sections.${row.section}`) },
    { key: 'item', header: t('letters.verification.item'), cell: (row) => row.item },
    { key: 'published', header: t('letters.verification.published'), cell: (row) => (row.published ? <LetterWords text={row.published} /> : t('letters.verification.noRow')) },
    { key: 'recomputed', header: t('letters.verification.recomputed'), cell: (row) => (row.recomputed ? <LetterWords text={row.recomputed} /> : t('letters.verification.noRow')) },
  ];
  return <DataTable caption={t('letters.verification.annexCaption')} columns={columns} rows={differences} rowKey={(row) => `${row.section}:${row.item}:${row.published}`} />;
}
