import type { IsoDate } from '../../../common/dates.ts';
import type { Source } from '../../domain/delivery.ts';

/**
 * Demonstration data: how the realised support grew from the invasion of February 2022 to the previous
 * letter (4 February 2025), as the government reported it to parliament. Each step is a running total
 * the source published; the source is cited beside it. Amounts are in millions of euro.
 *
 * What the sources do not give is not made up but derived, and said so:
 * - Only the totals are published for most dates, not their split over stock and procurement. Stock is
 *   published on 6 February 2023 (€771,3 mln. replacement value) and 4 February 2025 (€2,05 mld.), and
 *   for the half year to 13 June 2024 (€35 mln. stock, €410 mln. procurement and €25 mln. to the
 *   International Fund for Ukraine). Up to 16 December 2022 the materiel (€697 mln.) is counted as stock;
 *   between the published points the rest of stock's growth is spread over the steps in proportion to
 *   their totals (29,16 % stock), rounded to €0,1 mln.
 * - The NATO fund holds €25 mln. on 16 December 2022 and €0,1 mld. on 4 February 2025; when the other
 *   €75 mln. was paid is not published (the date below is assumed).
 * - Where a source gives a month but not a day, the day is assumed (the note says so).
 */
export interface PublishedStep {
  /** The day the running total held (the day of the letter that reported it). */
  on: IsoDate;
  /** Running totals at that day, in millions of euro. */
  stockMillions: number;
  procurementMillions: number;
  /** What the source published, and where. */
  source: Source;
  note: string;
}

const KAMERBRIEF = 'Kamerbrief over leveringen militaire goederen aan Oekraïne';

export const PUBLISHED_HISTORY: readonly PublishedStep[] = [
  {
    on: '2022-04-14',
    stockMillions: 65,
    procurementMillions: 0,
    source: { description: `${KAMERBRIEF}, april 2022: "ruim 65 miljoen euro" geleverd (zoals bericht door het Nederlands Dagblad)`, url: 'https://www.nd.nl/varia/varia/1119985/nederland-leverde-voor-65-miljoen-aan-militaire-goederen-aan-kiev' },
    note: 'Totaal volgens de bron; dag aangenomen; als voorraad geteld (de eerste leveringen kwamen uit eigen voorraad).',
  },
  {
    on: '2022-07-01',
    stockMillions: 172.7,
    procurementMillions: 0,
    source: { description: `${KAMERBRIEF}, juli 2022: "ruim 172,7 miljoen euro" geleverd (zoals bericht door NH Nieuws)`, url: 'https://www.nhnieuws.nl/nieuws/n84202/nederland-leverde-170-miljoen-euro-aan-militaire-goederen-aan-oekraine' },
    note: 'Totaal volgens de bron; dag aangenomen; als voorraad geteld.',
  },
  {
    on: '2022-12-16',
    stockMillions: 697,
    procurementMillions: 265,
    source: { description: `${KAMERBRIEF}, Kamerstuk 22 054, nr. 377, 16 december 2022: €987 mln., waarvan €697 mln. materieel, een steunpakket van €120 mln., €100 mln. aan het International Fund for Ukraine en €25 mln. aan het NAVO-fonds`, url: 'https://nieuws.nl/algemeen/20221216/militaire-steun-nederland-aan-oekraine-bereikt-bijna-miljard-euro/' },
    note: 'Het materieel als voorraad geteld; pakket, IFU en de rest als commerciële verwerving; het NAVO-fonds apart.',
  },
  {
    on: '2023-02-06',
    stockMillions: 771.3,
    procurementMillions: 273.7,
    source: { description: `${KAMERBRIEF}, 6 februari 2023: €1,07 mld., waarvan vervangingswaarde uit voorraad €771,3 mln.`, url: 'https://nieuws.nl/algemeen/20230206/nederland-heeft-oekraine-voor-ruim-1-miljard-militair-gesteund/' },
    note: 'Voorraad en totaal volgens de bron; de rest na aftrek van het NAVO-fonds als commerciële verwerving.',
  },
  {
    on: '2023-04-13',
    stockMillions: 809.2,
    procurementMillions: 365.8,
    source: { description: `${KAMERBRIEF}, Kamerstuk 22 054, nr. 387, 13 april 2023: "ongeveer 1,2 miljard euro"`, url: 'https://nieuws.nl/algemeen/20230413/nederland-gaf-oekraine-12-miljard-aan-militair-materieel/' },
    note: 'Totaal volgens de bron; verdeling naar verhouding.',
  },
  {
    on: '2023-07-05',
    stockMillions: 1_013.3,
    procurementMillions: 861.7,
    source: { description: `${KAMERBRIEF}, 5 juli 2023: "ongeveer 1,9 miljard euro"`, url: 'https://nieuws.nl/algemeen/20230705/nederland-gaf-bijna-2-miljard-euro-aan-militaire-hulp-aan-oekraine/' },
    note: 'Totaal volgens de bron; verdeling naar verhouding.',
  },
  {
    on: '2023-12-15',
    stockMillions: 1_226.2,
    procurementMillions: 1_378.8,
    source: { description: `${KAMERBRIEF}, 13 juni 2024: €3,1 mld., waarvan €470 mln. sinds het berichtmoment van december 2023; dus circa €2,63 mld. in december 2023`, url: 'https://defensie.nl/actueel/nieuws/2024/06/13/geleverde-nederlandse-militaire-steun-aan-oekraine-passeert-3-miljard-euro' },
    note: 'Totaal afgeleid uit de bron (3,1 mld. min 470 mln.); dag aangenomen; verdeling naar verhouding.',
  },
  {
    on: '2024-06-13',
    stockMillions: 1_261.2,
    procurementMillions: 1_813.8,
    source: { description: `${KAMERBRIEF}, 13 juni 2024: €3,1 mld.; in het half jaar ervoor €410 mln. commercieel, €35 mln. uit voorraad en €25 mln. aan het International Fund for Ukraine`, url: 'https://defensie.nl/actueel/nieuws/2024/06/13/geleverde-nederlandse-militaire-steun-aan-oekraine-passeert-3-miljard-euro' },
    note: 'Totaal en groei per soort volgens de bron.',
  },
  {
    on: '2024-09-30',
    stockMillions: 1_431.8,
    procurementMillions: 2_228.2,
    source: {
      description: `${KAMERBRIEF}, Kamerstuk 22 054, nr. 453, 17 februari 2025: € 5,88 mld., "€ 2,12 miljard meer dan in september 2024"; dus € 3,76 mld. in september 2024 (zoals Rijksoverheid het bericht)`,
      url: 'https://www.rijksoverheid.nl/actueel/nieuws/2025/02/18/gerealiseerde-nederlandse-militaire-steun-oekraine-bijna-6-miljard-euro',
    },
    note: 'Totaal afgeleid uit de bron (5,88 mld. min 2,12 mld.); dag aangenomen; verdeling naar verhouding.',
  },
  {
    on: '2025-02-04',
    stockMillions: 2_050,
    procurementMillions: 3_730,
    source: { description: `${KAMERBRIEF}, Kamerstuk 22 054, nr. 453, 17 februari 2025 (peildatum 4 februari 2025), zoals de brief van 10 september 2025 die aanhaalt: € 2,05 mld. voorraad, € 3,73 mld. commercieel, € 0,1 mld. NAVO-fonds` },
    note: 'Volgens de brief.',
  },
];

/** The NATO fund's contributions (UCAP) up to 4 February 2025. */
export const NATO_FUND_HISTORY = {
  first: { on: '2022-12-16', millions: 25, source: PUBLISHED_HISTORY[2]!.source },
  /** Not published when: assumed. */
  rest: { on: '2024-06-28', millions: 75 },
} as const;
