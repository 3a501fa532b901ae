import type { TFunction } from 'i18next';
import type { PublicDelivery } from '../../api/public.ts';
import type { Column } from '../../components/DataTable.tsx';
import { LetterWords } from '../../components/LetterWords.tsx';

type PublicItem = Pick<PublicDelivery, 'title' | 'category' | 'supportType' | 'quantity' | 'detail'>;

/**
 * The columns of a public delivery as the letters list it: its title, category, type of support, quantity and
 * explanation. What the letter prints of it is Dutch also on an English page (LetterWords); the labels of its
 * codes are the page's words.
 */
export function publicItemColumns<Row extends PublicItem>(t: TFunction): Column<Row>[] {
  return [
    { key: 'title', header: t('publicDeliveries.columns.title'), cell: (item) => <LetterWords text={item.title} /> },
    { key: 'category', header: t('fields.category'), cell: (item) => t(`categories.${item.category}`) },
    { key: 'supportType', header: t('fields.supportType'), cell: (item) => t(`supportTypes.${item.supportType}`) },
    { key: 'quantity', header: t('fields.quantity'), cell: (item) => (item.quantity ? <LetterWords text={item.quantity} /> : t('common.none')) },
    { key: 'detail', header: t('publicDeliveries.columns.detail'), cell: (item) => (item.detail ? <LetterWords text={item.detail} /> : t('common.none')) },
  ];
}
