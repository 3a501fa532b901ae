/**
 * The open data described in DCAT-AP-NL 3.0 (JSON-LD), so that data.overheid.nl and data.europa.eu can
 * harvest it: a catalogue with two datasets (the public deliveries, and the figures of the published
 * letters, over all letters and per letter) and a distribution for each file. Every property DCAT-AP-NL 3.0 makes mandatory is given:
 * for a dataset its title, description, identifier, publisher, creator, contact point, theme and access
 * rights; for a distribution its access URL and licence; for the catalogue its contact point (and, recommended,
 * when it last changed and its languages).
 */
import type { PublicLetterSummary } from '../../db/repositories/public.ts';
import { API_BASE_PATH } from '../paths.ts';
import { DEMONSTRATION_NOTE } from './demonstration-note.ts';
import { KIEL_VALUATION_NOTE } from './kiel.ts';

/** What the catalogue says of the data at this moment: the period the deliveries cover and when the data last changed. */
export interface CatalogDates {
  /** YYYY-MM-DD or YYYY-MM; null while no public delivery has a public realised date. */
  firstRealised: string | null;
  lastRealised: string | null;
  firstReferenceDate: string | null;
  lastReferenceDate: string | null;
  /**
   * The moment (an ISO timestamp) the public deliveries last changed: a decision or removal that changed those shown, a
   * publication, or a moment one was shown from passing; a day (YYYY-MM-DD) where the register kept no such moment yet;
   * null while none was ever public.
   */
  deliveriesModified: string | null;
  /** The day the last letter was published; null while none is. */
  lettersModified: string | null;
}

const EU = 'http://publications.europa.eu/resource/authority';
const CC0 = `${EU}/licence/CC0`;
const MINISTRY = { nl: 'Ministerie van Defensie', en: 'Ministry of Defence of the Netherlands' };
/** DCAT-AP-NL names a Dutch government organisation by its URI in TOOI, the government's list of organisations. */
const MINISTRY_TOOI = 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1018';

type Text = { nl: string; en: string };

const texts = ({ nl, en }: Text) => [
  { '@language': 'nl', '@value': nl },
  { '@language': 'en', '@value': en },
];
const uri = (id: string) => ({ '@id': id });
const date = (value: string) => ({ '@type': 'xsd:date', '@value': value });
/** A day, or a moment: DCAT-AP-NL takes either as when a dataset or file last changed. */
const dayOrMoment = (value: string) => (value.length > 10 ? { '@type': 'xsd:dateTime', '@value': value } : date(value));

function startOf(period: string): string {
  return period.length === 7 ? `${period}-01` : period;
}

function endOf(period: string): string {
  if (period.length !== 7) return period;
  const [year, month] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

interface FileDescription {
  path: string;
  title: Text;
  format: 'CSV' | 'JSON' | 'XLSX';
  mediaType: string;
  description?: Text;
}

const DELIVERY_FILES: FileDescription[] = [
  {
    path: '/public/deliveries?format=csv',
    title: { nl: 'Openbare leveringen (CSV voor Excel)', en: 'Public deliveries (CSV for Dutch Excel)' },
    description: { nl: 'UTF-8 met byte order mark, puntkomma’s, decimale komma', en: 'UTF-8 with byte order mark, semicolons, decimal comma' },
    format: 'CSV',
    mediaType: 'text/csv',
  },
  {
    path: '/public/deliveries?format=csv&dialect=rfc4180',
    title: { nl: 'Openbare leveringen (CSV, RFC 4180)', en: 'Public deliveries (CSV, RFC 4180)' },
    format: 'CSV',
    mediaType: 'text/csv',
  },
  { path: '/public/deliveries?format=json', title: { nl: 'Openbare leveringen (JSON)', en: 'Public deliveries (JSON)' }, format: 'JSON', mediaType: 'application/json' },
  {
    path: '/public/kiel?format=csv',
    title: { nl: 'Openbare leveringen in de kolommen van de Kiel Ukraine Support Tracker (CSV)', en: 'Public deliveries in the columns of the Kiel Ukraine Support Tracker (CSV)' },
    description: KIEL_VALUATION_NOTE,
    format: 'CSV',
    mediaType: 'text/csv',
  },
  {
    path: '/public/kiel?format=xlsx',
    title: { nl: 'Openbare leveringen in de kolommen van de Kiel Ukraine Support Tracker (XLSX)', en: 'Public deliveries in the columns of the Kiel Ukraine Support Tracker (XLSX)' },
    description: {
      nl: `${KIEL_VALUATION_NOTE.nl} Het werkblad "metadata" zegt het ook.`,
      en: `${KIEL_VALUATION_NOTE.en} The sheet "metadata" says so too.`,
    },
    format: 'XLSX',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
];

const FIGURE_FILES: FileDescription[] = [
  { path: '/public/letter-figures?format=csv', title: { nl: 'Cijfers van de brieven (CSV voor Excel)', en: 'Figures of the letters (CSV for Dutch Excel)' }, format: 'CSV', mediaType: 'text/csv' },
  { path: '/public/letter-figures?format=json', title: { nl: 'Cijfers van de brieven (JSON)', en: 'Figures of the letters (JSON)' }, format: 'JSON', mediaType: 'application/json' },
];

/** A published letter, whose own table of figures is a file of its own. */
export type CatalogLetter = Pick<PublicLetterSummary, 'id' | 'referenceDate' | 'paperNumber' | 'publishedOn'>;

/** The files of one letter's figures, titled by its reference date and paper number. */
function letterFigureFiles(letter: CatalogLetter): FileDescription[] {
  const paper = letter.paperNumber ? `, ${letter.paperNumber}` : '';
  const title = (nl: string, en: string) => ({ nl: `Cijfers van de brief met peildatum ${letter.referenceDate}${paper} (${nl})`, en: `Figures of the letter with reference date ${letter.referenceDate}${paper} (${en})` });
  return [
    { path: `/public/letters/${letter.id}/figures?format=csv`, title: title('CSV voor Excel', 'CSV for Dutch Excel'), format: 'CSV', mediaType: 'text/csv' },
    { path: `/public/letters/${letter.id}/figures?format=json`, title: title('JSON', 'JSON'), format: 'JSON', mediaType: 'application/json' },
  ];
}

/**
 * The catalogue as JSON-LD; `origin` is the site's address (scheme, host and port), or empty for links relative to the
 * catalogue's own address. While the open data holds demonstration data (`isDemonstration`), the description of the
 * catalogue and of each dataset ends by saying so.
 */
export function openDataCatalog(origin: string, dates: CatalogDates, letters: readonly CatalogLetter[], isDemonstration: boolean) {
  const base = `${origin}${API_BASE_PATH}`;
  const described = (text: Text) => texts(isDemonstration ? { nl: `${text.nl} ${DEMONSTRATION_NOTE.nl}`, en: `${text.en} ${DEMONSTRATION_NOTE.en}` } : text);
  const publisher = { '@id': MINISTRY_TOOI, '@type': 'foaf:Agent', 'foaf:name': texts(MINISTRY) };
  const contactPoint = { '@type': 'vcard:Organization', 'vcard:fn': texts(MINISTRY), 'vcard:hasURL': uri(`${origin}/`) };
  const common = {
    'dct:publisher': publisher,
    'dct:creator': publisher,
    'dcat:contactPoint': contactPoint,
    'dcat:theme': [uri(`${EU}/data-theme/GOVE`), uri(`${EU}/data-theme/INTR`)],
    'dct:accessRights': uri(`${EU}/access-right/PUBLIC`),
    'dct:language': [uri(`${EU}/language/NLD`), uri(`${EU}/language/ENG`)],
    'dct:spatial': uri('http://publications.europa.eu/resource/authority/country/UKR'),
  };
  const modified = (when: string | null) => (when ? { 'dct:modified': dayOrMoment(when) } : {});
  /** A file, changed when its dataset last changed. */
  const distribution = (file: FileDescription, changed: string | null) => ({
    '@id': `${base}${file.path}`,
    '@type': 'dcat:Distribution',
    'dct:title': texts(file.title),
    ...(file.description ? { 'dct:description': texts(file.description) } : {}),
    'dcat:accessURL': uri(`${base}${file.path}`),
    'dcat:downloadURL': uri(`${base}${file.path}`),
    'dct:format': uri(`${EU}/file-type/${file.format}`),
    'dcat:mediaType': uri(`https://www.iana.org/assignments/media-types/${file.mediaType}`),
    'dct:license': uri(CC0),
    ...modified(changed),
  });
  const temporal = (start: string | null, end: string | null) =>
    start && end ? { 'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': date(startOf(start)), 'dcat:endDate': date(endOf(end)) } } : {};
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${base}/public/catalog`,
    '@type': 'dcat:Catalog',
    'dct:title': texts({ nl: 'Open data Steunregister', en: 'Steunregister open data' }),
    'dct:description': described({
      nl: 'Militaire steun van Nederland aan Oekraïne zoals die openbaar is gemaakt: de openbare leveringen en de cijfers van de brieven aan de Tweede Kamer.',
      en: 'Military support of the Netherlands to Ukraine as made public: the public deliveries and the figures of the letters to parliament.',
    }),
    'dct:publisher': publisher,
    'dcat:contactPoint': contactPoint,
    'dct:license': uri(CC0),
    'dct:language': common['dct:language'],
    ...modified([dates.deliveriesModified, dates.lettersModified].filter((day) => day !== null).sort().at(-1) ?? null),
    'foaf:homepage': uri(`${origin}/`),
    'dcat:dataset': [
      {
        '@id': `${base}/public/catalog#deliveries`,
        '@type': 'dcat:Dataset',
        'dct:identifier': `${base}/public/catalog#deliveries`,
        'dct:title': texts({ nl: 'Openbare leveringen militaire steun aan Oekraïne', en: 'Public deliveries of military support to Ukraine' }),
        'dct:description': described({
          nl:
            'Elke levering waarover de openbaarmakingsfunctionaris besloot dat zij openbaar is, zoals het publiek haar mag lezen: titel, toelichting, categorie, ' +
            'soort steun, hoeveelheid, de realisatiedatum (soms alleen de maand) en de waarde waar het besluit die openbaar maakte, de eerste Kamerbrief die haar noemde en de dag waarop zij openbaar werd. ' +
            'Voorraad is gewaardeerd tegen vervangingswaarde (boekwaarde waar zij niet wordt vervangen), de rest tegen wat betaald is; ' +
            'het Kiel Institute waardeert tegen marktprijzen.',
          en:
            'Every delivery the disclosure officer decided public, as the public may read it: title, detail, category, type of support, quantity, the realised date ' +
            '(sometimes only its month) and the value where the decision made it public, the first letter to parliament that listed it and the day it became public. Stock is valued at ' +
            'replacement value (book value where it will not be replaced), the rest at what was paid; the Kiel Institute values at market prices.',
        }),
        ...common,
        ...modified(dates.deliveriesModified),
        ...temporal(dates.firstRealised, dates.lastRealised),
        'dcat:distribution': DELIVERY_FILES.map((file) => distribution(file, dates.deliveriesModified)),
      },
      {
        '@id': `${base}/public/catalog#letter-figures`,
        '@type': 'dcat:Dataset',
        'dct:identifier': `${base}/public/catalog#letter-figures`,
        'dct:title': texts({ nl: 'Gerealiseerde militaire steun per brief aan de Kamer', en: 'Realised military support per letter to parliament' }),
        'dct:description': described({
          nl: 'De tabel van gerealiseerde steun van elke gepubliceerde brief, per soort steun en in totaal, op de peildatum van de brief en zoals de brief hem drukte: één rij per brief en cijfer. Het bedrag (cents, euros) is het bedrag dat de brief drukte (€ 8,7 mld. is 8700000000 euro), nooit het cijfer tot op de cent.',
          en: 'The table of realised support of every published letter, per type of support and in total, at the letter’s reference date and as the letter printed it: one row per letter and figure. The amount (cents, euros) is the amount the letter printed (€ 8,7 mld. is 8700000000 euros), never the figure to the cent.',
        }),
        ...common,
        ...modified(dates.lettersModified),
        ...temporal(dates.firstReferenceDate, dates.lastReferenceDate),
        'dcat:distribution': [
          ...FIGURE_FILES.map((file) => distribution(file, dates.lettersModified)),
          // A letter's own table changes only with its own publication.
          ...letters.flatMap((letter) => letterFigureFiles(letter).map((file) => distribution(file, letter.publishedOn))),
        ],
      },
    ],
  };
}
