import type { TFunction } from 'i18next';
import type { Letter } from '../../api/letters.ts';

/** The fields of a draft's editor by the names the API gives them, so that a refusal is said by its field. */
export const blockField = (index: number) => `blocks.${index}.text`;
export const headingField = (index: number) => `blocks.${index}.heading`;
export const LETTERHEAD_FIELDS = ['wordmark', 'signatoryTitle', 'signatoryName'] as const;

/** A block by its heading, or as the opening where it has none. */
export function blockLabel(letter: Letter, index: number, t: TFunction): string {
  return letter.blocks[index]?.heading ?? t('letters.editor.opening');
}

/** Each field's label by its name: the letter's date, its letterhead, and each block's text and heading. */
export function letterFieldLabels(letter: Letter, t: TFunction): Record<string, string> {
  return {
    letterDate: t('fields.letterDate'),
    ...Object.fromEntries(LETTERHEAD_FIELDS.map((field) => [field, t(`letters.letterhead.${field}`)])),
    ...Object.fromEntries(letter.blocks.map((_, index) => [blockField(index), blockLabel(letter, index, t)])),
    ...Object.fromEntries(letter.blocks.map((_, index) => [headingField(index), t('letters.editor.blockHeading', { heading: blockLabel(letter, index, t) })])),
  };
}
