/**
 * What open data says of itself while it holds demonstration data, beside the `isDemonstration` of each row:
 * in the catalogue's descriptions and on the Kiel workbook's sheet "metadata".
 */
export const DEMONSTRATION_NOTE = {
  nl: 'Demonstratiegegevens: deze open data bevat brieven en leveringen die niet echt zijn; isDemonstration zegt van elke rij of zij het is.',
  en: 'Demonstration data: this open data holds letters and deliveries that are not real; isDemonstration says of each row whether it is.',
};
