import type { SupportType } from '../../../../common/vocabulary/codes.ts';

/** Rijkshuisstijl colours, each at least 3:1 against white, told apart by white borders between areas. */
export const SERIES_COLOURS: Record<SupportType, string> = {
  stock: '#154273',
  procurement: '#007bc7',
  natoFund: '#e17000',
};
