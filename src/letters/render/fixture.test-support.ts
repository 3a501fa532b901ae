import type { AnnexDocument, AnnexTableRow, LetterDocument } from '../letter-document.ts';

/** A letter shaped like the seed letter of 10 September 2025, for the renderers' tests. */
export function letterFixture(overrides: Partial<LetterDocument> = {}): LetterDocument {
  return {
    letterhead: {
      wordmark: 'Ministerie van Defensie',
      sender: ['Ministerie van Defensie', 'Plein 4', 'MPC 58 B', 'Postbus 20701', '2500 ES Den Haag'],
      reference: 'SR-2025-08-31',
      enclosures: '1',
    },
    returnAddress: 'Postbus 20701 2500 ES Den Haag',
    addressee: [
      'de Voorzitter van de Tweede Kamer',
      'der Staten-Generaal',
      'Bezuidenhoutseweg 67',
      '2594 AC Den Haag',
    ],
    dateText: '10 september 2025',
    subject: 'Leveringen militaire goederen aan Oekraïne',
    paperNumber: null,
    salutation: 'Geachte voorzitter,',
    sections: [
      {
        heading: null,
        blocks: [
          {
            kind: 'paragraph',
            content: [
              'In vervolg op de vorige update van leveringen van militaire goederen aan Oekraïne (Kamerstuk 22 054, ' +
                'nr. 453, dd. 17 februari 2025) informeer ik u, mede namens de minister van Buitenlandse Zaken, over ' +
                'de laatste stand van zaken. De vertrouwelijke bijlage',
              { footnote: 1 },
              ' bevat een totaaloverzicht van de tot en met 31 augustus 2025 door Defensie geleverde goederen.',
            ],
          },
          {
            kind: 'paragraph',
            content: [
              'In het openbare overzicht meldt het kabinet de leveringen die nieuw zijn ten opzichte van het vorige ' +
                'overzicht. Per levering wordt een afweging gemaakt of openbaarmaking mogelijk is. De operationele ' +
                'veiligheid blijft leidend in de afweging om informatie al dan niet openbaar te maken.',
            ],
          },
        ],
      },
      {
        heading: 'Nederlandse militaire steun',
        blocks: [
          {
            kind: 'paragraph',
            content: [
              'De Nederlandse steun aan Oekraïne is omvangrijk. Gezien de voortdurende hoge Oekraïense noden ' +
                'enerzijds en de zwaarwegende Europese en Nederlandse veiligheidsbelangen anderzijds, heeft het ' +
                'kabinet met de Voorjaarsbesluitvorming besloten om aanvullend budget beschikbaar te stellen van ' +
                '€3,2 mld. voor militaire steun voor de periode 2025-2027.',
            ],
          },
          {
            kind: 'paragraph',
            content: [
              'Een sterke Oekraïense krijgsmacht zorgt ervoor dat de Russische dreiging ook voor de rest van Europa ' +
                'meer op afstand blijft, zoals ook door Nederland is vastgelegd in een tienjarige bilaterale ' +
                'veiligheidsovereenkomst',
              { footnote: 2 },
              '. Het kabinet roept internationaal ook onverminderd op tot deze vorm van burden sharing.',
            ],
          },
        ],
      },
      {
        heading: 'Financiële stand van zaken levering van militaire goederen',
        blocks: [
          {
            kind: 'paragraph',
            content: [
              'De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 31 augustus 2025 ' +
                '€8,7 mld. Dit is een toename van €2,82 mld. of 48 procent ten opzichte van de vorige ' +
                'leveringenbrief. De Nederlandse steun bestaat uit:',
            ],
          },
          {
            kind: 'table',
            table: {
              header: ['Type steun', '4 feb. 2025', '31 aug. 2025'],
              rows: [
                { cells: [['Directe levering (vervangingswaarde)'], ['€ 2,05 mld.'], ['€ 2,4 mld.']] },
                { cells: [['Commerciële verwervingen'], ['€ 3,73 mld.'], ['€ 6,1 mld.']] },
                { cells: [['NAVO-fonds'], ['€ 0,1 mld.'], ['€ 0,18 mld.']] },
                { cells: [['Totaal'], ['€ 5,88 mld.'], ['€ 8,7 mld.']], emphasis: true },
              ],
              numericColumns: [1, 2],
            },
          },
          {
            kind: 'bullets',
            items: [
              [
                'Directe levering: Defensie zal het geleverde materieel uit eigen voorraad waar nodig zo spoedig ' +
                  'mogelijk aanvullen of vervangen. De totale vervangingswaarde bedroeg op 31 augustus 2025 €2,4 mld.',
              ],
              [
                'Commerciële verwervingen: De waarde van de commercieel verworven militaire goederen ten behoeve ' +
                  'van Oekraïne bedraagt op dit moment €6,1 mld. Hieronder valt de bijdrage van €500 mln. aan het ' +
                  'Prioritized Ukraine Requirement List initiatief (PURL).',
              ],
              [
                'NAVO-fonds: Nederland heeft tot op heden €179 mln. bijgedragen aan het NAVO Ukraine Comprehensive ' +
                  'Assistance Package (UCAP).',
              ],
            ],
          },
        ],
      },
      {
        heading: 'Industrie',
        blocks: [
          {
            kind: 'paragraph',
            content: [
              'Commerciële verwerving bij de defensie-industrie is essentieel voor de voortzetting van steun aan ' +
                'Oekraïne. De industriële capaciteit is op dit moment nog niet afdoende om Oekraïne tijdig van de ' +
                'juiste steun te voorzien en tevens de eigen gereedheid te verhogen. Het kabinet blijft zich daarom ' +
                'nationaal en internationaal inspannen om de industriële capaciteit te verhogen.',
            ],
          },
          {
            kind: 'paragraph',
            content: [
              'Een cruciaal onderdeel van het opschalen van de industriële capaciteit is het versterken van de ' +
                'industriesamenwerking met Oekraïne, bijvoorbeeld door directe verwerving bij de Oekraïense ' +
                'industrie. Nederland past het "Government to Business"-model toe om de steun aan Oekraïne te ' +
                'coördineren en te controleren.',
            ],
          },
        ],
      },
      {
        heading: 'Toetsing',
        blocks: [
          {
            kind: 'paragraph',
            content: [
              'Voor alle leveringen is, waar nodig, een zorgvuldige, maar gezien de uitzonderlijke omstandigheden ' +
                'versnelde, toetsing aan de EU-wapenexportcriteria verricht door de minister van Buitenlandse Zaken, ' +
                'waarna een exportvergunning is afgegeven.',
              { footnote: 3 },
            ],
          },
        ],
      },
    ],
    footnotes: [
      {
        number: 1,
        text: 'Ter vertrouwelijke inzage gelegd, alleen voor de leden, bij het Centraal Informatiepunt Tweede Kamer.',
      },
      { number: 2, text: 'Overeenkomst inzake Veiligheidssamenwerking tussen Nederland en Oekraïne, 1 maart 2024.' },
      {
        number: 3,
        text: 'De toetsing van specifieke transacties aan de EU wapenexportcriteria kan op verzoek in beginsel ' +
          'vertrouwelijk worden ingezien.',
      },
    ],
    closing: ['Hoogachtend,', 'DE MINISTER VAN DEFENSIE', 'Ruben Brekelmans'],
    overview: {
      heading: 'Openbaar overzicht van nieuwe leveringen',
      emptyText: null,
      groups: [
        { label: 'Luchtverdediging', items: ['Patriot-raketten (12 stuks): voor de luchtverdediging van steden'] },
        { label: 'Munitie', items: ['Artilleriegranaten 155 mm', 'Mortiergranaten (1.000 stuks)'] },
      ],
    },
    draftNotice: null,
    isDemonstration: false,
    ...overrides,
  };
}

/** Text that tries to break out of whatever format it lands in. */
export const HOSTILE_TEXT = '<script>alert("x")</script> & *ster* | pijp [link](javascript:x) `code` # $1 $2';

/**
 * A title in Cyrillic and Polish with an emoji and a flag, and as the PDFs print it: the letters as
 * written, the airplane without its (invisible) variation selector, the flag, which the font lacks, in letters.
 */
export const WORLD_TITLE = 'Бронетранспортери «Козак-2» для Збройних сил України, Łódź ✈️ 🇺🇦';
export const WORLD_TITLE_PRINTED = 'Бронетранспортери «Козак-2» для Збройних сил України, Łódź ✈ Oekraïne';

/** One word of 500 characters: nothing to break a line on. */
export const LONG_WORD = 'Oekraïne€'.repeat(56).slice(0, 500);

/** The reader's watermark the annex tests stamp. */
export const ANNEX_WATERMARK = 'Geopend door J. de Vries (Kamerlid) op 27 november 2026 om 21:15, kenmerk 7KQ2-M9PX';

/** The confidential annex with `rowCount` deliveries in one group with its subtotal, enough rows for several pages when asked. */
export function annexFixture(rowCount: number, overrides: Partial<AnnexDocument> & { rows?: AnnexTableRow[] } = {}): AnnexDocument {
  const categories = ['Munitie', 'Luchtverdediging', 'Voertuigen', 'Drones', 'Niet-letaal'];
  const { rows, ...rest } = overrides;
  return {
    classification: 'DEPARTEMENTAAL VERTROUWELIJK',
    title: 'Vertrouwelijke bijlage bij de leveringenbrief van 10 september 2025',
    subtitle: 'Totaaloverzicht tot en met 31 augustus 2025',
    summary: ['Sinds de vorige brief: 3 nieuw, 1 met een andere waarde.'],
    sections: [
      {
        heading: 'Leveringen per soort steun',
        intro: ['De subtotalen zijn de bedragen in de tabel van de brief.'],
        header: ['Nr.', 'Levering', 'Categorie', 'Aantal', 'Gerealiseerd', 'Waarde'],
        rows: rows ?? [
          { kind: 'group', cells: [`Directe levering (vervangingswaarde): ${rowCount} leveringen`] },
          ...Array.from({ length: rowCount }, (_, index) => ({
            cells: [
              String(index + 1),
              `Levering ${index + 1}: pantserhouwitser, reservedelen en opleiding van bemanningen in Duitsland`,
              categories[index % categories.length] ?? 'Overig',
              String((index * 7) % 40 + 1),
              `${(index % 28) + 1} feb. 2025`,
              `€ ${(index * 3.7 + 1).toFixed(1).replace('.', ',')} mln.`,
            ],
            marked: index % 10 === 0,
          })),
          { kind: 'subtotal', cells: ['Subtotaal', '', '', '', '', '€ 2,4 mld.'] },
          { kind: 'note', cells: ['Exact € 2.398.765.432,10; de brief rondt dit af op € 2,4 mld.'] },
        ],
        numericColumns: [0, 3, 5],
      },
    ],
    isDemonstration: false,
    ...rest,
  };
}
