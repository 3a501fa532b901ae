/**
 * What open data says of itself while it holds demonstration data, beside the `isDemonstration` of each row:
 * in the catalogue's descriptions and on the Kiel workbook's sheet "metadata".
 */
export const DEMONSTRATION_NOTE = {
  nl: 'Demonstratiegegevens: de brieven en leveringen in deze open data zijn niet echt.',
  en: 'Demonstration data: the letters and deliveries in this open data are not real.',
};
