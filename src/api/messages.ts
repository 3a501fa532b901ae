import { LICENCE_FREE_CATEGORIES, LICENCE_FREE_SUPPORT_TYPES } from '../../common/delivery-rules.ts';
import { COPRODUCTION_STAGES } from '../../common/vocabulary/codes.ts';
import { formatMinorUnitsIn } from '../../common/money.ts';
import { isIsoDate, type IsoDate } from '../../common/dates.ts';
import { formatLetterDate } from '../../common/letter-format.ts';
import { vocabulary, type Language } from '../../common/vocabulary/index.ts';
import { LIFECYCLE_STAGES, type StageFollower } from '../domain/delivery.ts';
import type { NamingRecord } from '../domain/delivery-dependants.ts';
import type { RecordKind } from '../register/errors.ts';
import { codeList, isCodeListName } from '../import/sheets.ts';
import type { UnnameableDelivery } from '../letters/named-deliveries.ts';

type Params = Record<string, string>;
type Message = (params: Params) => string;

/** What follows a stage of a delivery besides its later stages (StageFollower), as a noun inside a sentence. */
const FOLLOWER_NOUNS: Record<Language, Record<StageFollower, string>> = {
  nl: {
    valuation: 'waardering',
    judgement: 'oordeel over de gereedheid',
    nonReplacement: 'besluit om niet te vervangen',
    replenishmentProject: 'vervangingsproject',
    exportAssessment: 'toetsing',
    budgetCommitment: 'verplichting op de begroting',
    contract: 'ondertekening van het contract',
  },
  en: {
    valuation: 'valuation',
    judgement: 'readiness judgement',
    nonReplacement: 'decision not to replace',
    replenishmentProject: 'replenishment project',
    exportAssessment: 'export assessment',
    budgetCommitment: 'budget commitment',
    contract: 'contract signing',
  },
};

/** The money an import records, as a noun inside a sentence: withdrawn in the register rather than changed. */
const MONEY_RECORDS: Record<Language, Record<string, string>> = { nl: { valuation: 'waardering', payment: 'betaling' }, en: { valuation: 'valuation', payment: 'payment' } };

/**
 * What to do about a row that differs from what the register holds under its key: change it there, or, for
 * money (`withdrawn`), withdraw it there and import the row anew; `changedBy` names the roles that may, when
 * the importer's may not.
 */
const DIFFERENCE_ADVICE: Record<Language, Message> = {
  nl: (p) => {
    const money = p.withdrawn ? MONEY_RECORDS.nl[p.withdrawn] : undefined;
    if (p.changedBy) {
      const change = money ? `de ${money} in het register intrekken en opnieuw vastleggen` : 'het in het register wijzigen';
      return `neem hier over wat het register heeft (een import wijzigt niets; ${roleNames('nl', p.changedBy)} kan ${change}).`;
    }
    const change = money ? `trek de ${money} in het register in en importeer deze regel onder een nieuw kenmerk` : 'wijzig het in het register';
    return `${change} (een import wijzigt niets), of neem hier over wat het register heeft.`;
  },
  en: (p) => {
    const money = p.withdrawn ? MONEY_RECORDS.en[p.withdrawn] : undefined;
    if (p.changedBy) {
      const change = money ? `withdraw the ${money} in the register and record it anew` : 'change it in the register';
      return `copy here what the register holds (an import changes nothing; ${roleNames('en', p.changedBy)} can ${change}).`;
    }
    const change = money ? `withdraw the ${money} in the register and import this row under a new reference` : 'change it in the register';
    return `${change} (an import changes nothing), or copy here what the register holds.`;
  },
};

/** How a cell of each column the register computes reads (see DELIVERY_COMPUTED_COLUMNS), to say its values as their reader writes them. */
const COMPUTED_KINDS: Readonly<Record<string, string>> = { stage: 'lifecycleStage', valueCents: 'amount', disclosureState: 'disclosureState', isDemonstration: 'yesNo' };

/** What a row says in a column the register computes: its value as the column names its values, or what it shows when it reads as none. */
function saidInComputedColumn(language: Language, p: Params): string {
  return p.shown === undefined ? shownValue(language, COMPUTED_KINDS[p.field ?? ''], p.inFile) : `"${p.shown}"`;
}

/** Whether a delivery's value is its latest valuation (stock), the sum of its payments, or (its support type unknown) either. */
function valueSource(supportType: string | undefined): 'valuations' | 'payments' | 'either' {
  if (supportType === undefined) return 'either';
  return supportType === 'stock' ? 'valuations' : 'payments';
}

/**
 * For each column the register computes of a delivery (`field`): what it computes it from, and what to do
 * instead of typing it, for a delivery the register holds and for a new one (`newRecord`); `by` names the
 * roles that may do it.
 */
const COMPUTED_COLUMN_ADVICE: Record<Language, Record<string, { from: Message; instead: Message; insteadForNew: Message }>> = {
  nl: {
    stage: {
      from: () => 'de fase volgt uit de datums van de levering',
      instead: (p) => `Een andere fase volgt uit een andere datum (Toegezegd op, Juridisch verplicht op, Gerealiseerd op of Geleverd op), die ${roleNames('nl', p.by)} in het register wijzigt`,
      insteadForNew: () => 'Vul de datum van die fase in (Toegezegd op, Juridisch verplicht op, Gerealiseerd op of Geleverd op)',
    },
    valueCents: {
      from: (p) => ({ valuations: 'de waarde is die van de laatste waardering van de levering', payments: 'de waarde is de som van de betalingen van de levering', either: 'de waarde volgt uit de waarderingen of betalingen van de levering' })[valueSource(p.supportType)],
      instead: (p) =>
        ({
          valuations: `Leg een nieuwe waardering vast op het blad Waarderingen, met als Kenmerk levering het kenmerk of id van deze levering (${roleNames('nl', p.by)} kan dat, ook in het register)`,
          payments: `Leg een betaling vast op het blad Betalingen, met als Kenmerk levering het kenmerk of id van deze levering (${roleNames('nl', p.by)} kan dat, ook in het register)`,
          either: 'Leg een waardering vast op het blad Waarderingen of een betaling op het blad Betalingen, met als Kenmerk levering het kenmerk of id van deze levering',
        })[valueSource(p.supportType)],
      insteadForNew: (p) =>
        ({
          valuations: 'Zet de waarde als waardering op het blad Waarderingen, met als Kenmerk levering het kenmerk van deze levering',
          payments: 'Zet de betalingen op het blad Betalingen, met als Kenmerk levering het kenmerk van deze levering',
          either: 'Zet de waarde als waardering op het blad Waarderingen, of de betalingen op het blad Betalingen, met als Kenmerk levering het kenmerk van deze levering',
        })[valueSource(p.supportType)],
    },
    disclosureState: {
      from: () => 'over de openbaarheid wordt in het register besloten',
      instead: (p) => `Over de openbaarheid beslist ${roleNames('nl', p.by)} in het register (Openbaarmaking)`,
      insteadForNew: (p) => `Een nieuwe levering begint als nog niet besloten; daarna beslist ${roleNames('nl', p.by)} in het register (Openbaarmaking) over haar openbaarheid`,
    },
    isDemonstration: {
      from: () => 'alleen het laden van de demonstratiegegevens maakt een levering tot demonstratiegegevens',
      instead: () => 'Geen import maakt een levering tot demonstratiegegevens, of haalt haar daaruit',
      insteadForNew: () => 'Een geïmporteerde levering is nooit demonstratiegegevens',
    },
  },
  en: {
    stage: {
      from: () => "the stage follows from the delivery's dates",
      instead: (p) => `Another stage follows from another date (Pledged on, Committed on, Realised on or Delivered on), which ${roleNames('en', p.by)} changes in the register`,
      insteadForNew: () => "Fill in that stage's date (Pledged on, Committed on, Realised on or Delivered on)",
    },
    valueCents: {
      from: (p) => ({ valuations: "the value is the delivery's latest valuation", payments: "the value is the sum of the delivery's payments", either: "the value follows from the delivery's valuations or payments" })[valueSource(p.supportType)],
      instead: (p) =>
        ({
          valuations: `Record a new valuation on the Valuations sheet, with this delivery's reference or id as its Delivery reference (${roleNames('en', p.by)} can, in the register too)`,
          payments: `Record a payment on the Payments sheet, with this delivery's reference or id as its Delivery reference (${roleNames('en', p.by)} can, in the register too)`,
          either: "Record a valuation on the Valuations sheet or a payment on the Payments sheet, with this delivery's reference or id as its Delivery reference",
        })[valueSource(p.supportType)],
      insteadForNew: (p) =>
        ({
          valuations: "Put the value as a valuation on the Valuations sheet, with this delivery's reference as its Delivery reference",
          payments: "Put the payments on the Payments sheet, with this delivery's reference as their Delivery reference",
          either: "Put the value as a valuation on the Valuations sheet, or the payments on the Payments sheet, with this delivery's reference as their Delivery reference",
        })[valueSource(p.supportType)],
    },
    disclosureState: {
      from: () => 'disclosure is decided in the register',
      instead: (p) => `${roleNames('en', p.by)} decides on disclosure in the register (Disclosure)`,
      insteadForNew: (p) => `A new delivery starts as not yet decided; then ${roleNames('en', p.by)} decides on its disclosure in the register (Disclosure)`,
    },
    isDemonstration: {
      from: () => 'only loading the demonstration data makes a delivery demonstration data',
      instead: () => 'No import makes a delivery demonstration data, or takes it out of them',
      insteadForNew: () => 'An imported delivery is never demonstration data',
    },
  },
};

/**
 * A cell of a column the register computes that says other than the register: what the register computes it
 * from, what it holds, and what to do instead; for a new delivery (`newRecord`), that the cell is to be left empty.
 */
function computedColumnReason(language: Language, p: Params): string {
  const advice = COMPUTED_COLUMN_ADVICE[language][p.field ?? ''];
  const said = saidInComputedColumn(language, p);
  if (!advice) return language === 'nl' ? `Deze kolom berekent het register zelf; een import neemt ${said} niet over. Maak de cel leeg.` : `The register computes this column itself; an import does not take ${said}. Clear the cell.`;
  if (language === 'nl') {
    if (p.newRecord) return `Deze kolom berekent het register zelf (${advice.from(p)}); een import neemt ${said} niet over, dus maak deze cel leeg. ${advice.insteadForNew(p)}.`;
    return `Deze kolom berekent het register zelf (${advice.from(p)}), en een import wijzigt haar niet: het register heeft hier ${shownValue('nl', COMPUTED_KINDS[p.field!], p.stored)}, dit bestand ${said}. ${advice.instead(p)}; zet hier terug wat het register heeft, of maak de cel leeg.`;
  }
  if (p.newRecord) return `The register computes this column itself (${advice.from(p)}); an import does not take ${said}, so clear this cell. ${advice.insteadForNew(p)}.`;
  return `The register computes this column itself (${advice.from(p)}), and an import does not change it: the register holds ${shownValue('en', COMPUTED_KINDS[p.field!], p.stored)} here, this file ${said}. ${advice.instead(p)}; copy back what the register holds, or clear the cell.`;
}

/** What the comparison of a reference typed by hand ignores (referenceKey), said inside a sentence. */
const KEY_FOLDING: Record<Language, string> = { nl: 'hoofdletters tellen niet mee, meerdere spaties als één', en: 'capitals do not count, several spaces count as one' };
/** How a name is matched (nameKey): whatever its case, accents, spaces, the dots of its abbreviations and letters of other scripts that look alike. */
const NAME_FOLDING: Record<Language, string> = { nl: 'hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee', en: 'capitals, accents, several spaces, dots in abbreviations and letters that look the same do not count' };

/** The scripts a word may mix (mixedScriptWord), as the adjective of their letters. */
const SCRIPT_ADJECTIVES: Record<Language, Record<string, string>> = {
  nl: { latin: 'Latijnse', cyrillic: 'Cyrillische', greek: 'Griekse' },
  en: { latin: 'Latin', cyrillic: 'Cyrillic', greek: 'Greek' },
};

/** Letters that look like others, each with its code point to tell them apart: "е" (U+0435) en "о" (U+043E). */
function pointedLetters(language: Language, letters: string | undefined): string {
  const named = [...(letters ?? '')].map((letter) => `"${letter}" (U+${letter.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
  return new Intl.ListFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { type: 'conjunction' }).format(named);
}

/** The block without a heading, as the letter editor names it. */
const OPENING_BLOCK: Record<Language, string> = { nl: 'opening, zonder kop', en: 'opening, without heading' };

/** A text block of a letter by its number and, as the editor shows it, its heading: "5 (Training)", "1 (opening, zonder kop)". */
function numberedBlock(language: Language, p: Params): string {
  return `${p.number} (${p.heading || OPENING_BLOCK[language]})`;
}

/** The records of other domains that may name a delivery, as a noun for one and for more, inside a sentence. */
const NAMING_NOUNS: Record<Language, Record<NamingRecord, [one: string, more: string]>> = {
  nl: {
    budgetCommitments: ['verplichting op de begroting', 'verplichtingen op de begroting'],
    epfClaims: ['EPF-declaratie', 'EPF-declaraties'],
    trainingProgrammes: ['trainingsprogramma', 'trainingsprogramma’s'],
    replenishmentProjects: ['vervangingsproject', 'vervangingsprojecten'],
    industryContracts: ['contract met de industrie', 'contracten met de industrie'],
  },
  en: {
    budgetCommitments: ['budget commitment', 'budget commitments'],
    epfClaims: ['EPF claim', 'EPF claims'],
    trainingProgrammes: ['training programme', 'training programmes'],
    replenishmentProjects: ['replenishment project', 'replenishment projects'],
    industryContracts: ['industry contract', 'industry contracts'],
  },
};

/** A record a request names by its id, as a noun inside a sentence. */
const RECORD_NOUNS: Record<Language, Record<RecordKind, string>> = {
  nl: {
    account: 'account',
    assessment: 'toetsing',
    budgetCommitment: NAMING_NOUNS.nl.budgetCommitments[0],
    company: 'bedrijf',
    contract: 'contract met een bedrijf',
    coproductionProject: 'coproductieproject',
    delivery: 'levering',
    demandBundle: 'gedeelde behoefte',
    epfClaim: NAMING_NOUNS.nl.epfClaims[0],
    letter: 'brief',
    milestone: 'mijlpaal van een contract',
    payment: 'betaling',
    replenishmentProject: NAMING_NOUNS.nl.replenishmentProjects[0],
    trainingProgramme: NAMING_NOUNS.nl.trainingProgrammes[0],
    valuation: 'waardering',
  },
  en: {
    account: 'account',
    assessment: 'assessment',
    budgetCommitment: NAMING_NOUNS.en.budgetCommitments[0],
    company: 'company',
    contract: 'contract with a company',
    coproductionProject: 'co-production project',
    delivery: 'delivery',
    demandBundle: 'shared need',
    epfClaim: NAMING_NOUNS.en.epfClaims[0],
    letter: 'letter',
    milestone: 'contract milestone',
    payment: 'payment',
    replenishmentProject: NAMING_NOUNS.en.replenishmentProjects[0],
    trainingProgramme: NAMING_NOUNS.en.trainingProgrammes[0],
    valuation: 'valuation',
  },
};

function recordNoun(language: Language, record: string | undefined): string {
  return record !== undefined && Object.hasOwn(RECORD_NOUNS[language], record) ? RECORD_NOUNS[language][record as RecordKind] : (record ?? '');
}

/** "2 EPF-declaraties": how many records of a kind name a delivery. */
function namingRecords(language: Language, records: string | undefined, count: string | undefined): string {
  const nouns = records !== undefined && Object.hasOwn(NAMING_NOUNS[language], records) ? NAMING_NOUNS[language][records as NamingRecord] : undefined;
  if (!nouns) return writtenNumber(language, count);
  return `${writtenNumber(language, count)} ${count === '1' ? nouns[0] : nouns[1]}`;
}

/**
 * A lifecycle date field (`pledgedAt`) as its stage's noun inside a sentence, or a record that follows a
 * stage as its noun; undefined for anything else.
 */
function stageNoun(language: Language, field: string | undefined): string | undefined {
  const stage = LIFECYCLE_STAGES.find((candidate) => `${candidate}At` === field);
  if (stage) return vocabulary(language).stageNouns[stage];
  return field !== undefined && Object.hasOwn(FOLLOWER_NOUNS[language], field) ? FOLLOWER_NOUNS[language][field as StageFollower] : undefined;
}

/** A funding source by its name, as the vocabulary has it: "Steunfonds Oekraïne". */
function fundingSourceName(language: Language, code: string | undefined): string {
  const sources = vocabulary(language).fundingSources;
  return code !== undefined && Object.hasOwn(sources, code) ? sources[code as keyof typeof sources] : (code ?? '');
}

/** A co-production project's stage by its name: "In productie". */
function coproductionStage(language: Language, code: string | undefined): string {
  const stage = COPRODUCTION_STAGES.find((candidate) => candidate === code);
  return stage ? vocabulary(language).coproductionStages[stage] : (code ?? '');
}

/** A replenishment project's stage by its name: "Gecontracteerd". */
function replenishmentStage(language: Language, code: string | undefined): string {
  const stages = vocabulary(language).replenishmentStages;
  return code !== undefined && Object.hasOwn(stages, code) ? stages[code as keyof typeof stages] : (code ?? '');
}

/** An amount in euro cents as a sentence names it, exactly from its digits: "€ 1.234,56". */
function euro(language: Language, cents: string | undefined): string {
  return formatMinorUnitsIn(/^-?\d+$/.test(cents ?? '') ? BigInt(cents!) : 0n, 'EUR', language === 'nl' ? 'nl-NL' : 'en-GB');
}

/**
 * A number from its digits as the reader writes it: its whole part grouped from five digits on ("1.000.000"),
 * so that a year such as 2040 reads as a year, and its decimals after the reader's decimal sign, every one
 * kept ("0,00000001").
 */
function writtenNumber(language: Language, digits: string | undefined): string {
  const whole = /^-?(\d+)(?:\.\d+)?$/.exec(digits ?? '')?.[1];
  if (whole === undefined) return digits ?? '';
  return NUMBER_FORMATS[language][whole.length >= 5 ? 'grouped' : 'ungrouped'].format(digits as `${number}`);
}

/** Made once, as the date formatter below is. */
const NUMBER_FORMATS: Record<Language, Record<'grouped' | 'ungrouped', Intl.NumberFormat>> = { nl: numberFormats('nl-NL'), en: numberFormats('en-GB') };

function numberFormats(locale: string): Record<'grouped' | 'ungrouped', Intl.NumberFormat> {
  const format = (useGrouping: boolean) => new Intl.NumberFormat(locale, { useGrouping, maximumFractionDigits: 20 });
  return { grouped: format(true), ungrouped: format(false) };
}

/** A value of an imported cell as the user typed it: euros for an amount, the label for a code, "empty" for nothing. */
function shownValue(language: Language, kind: string | undefined, value: string | undefined): string {
  if (!value) return language === 'nl' ? '(leeg)' : '(empty)';
  if (kind === 'amount') return euro(language, value);
  if (kind === 'date' && isIsoDate(value)) return writtenDate(language, value);
  const list = kind && isCodeListName(kind) ? codeList(kind).labels(vocabulary(language))[value] : undefined;
  return `"${list ?? value}"`;
}

/** The labels of a list of codes a spreadsheet's column chooses from, in the language. */
function choices(language: Language, list: string): string {
  if (!isCodeListName(list)) return '';
  const { codes, labels } = codeList(list);
  return codes.map((code) => labels(vocabulary(language))[code]).join(', ');
}

/** Codes, separated by commas, as their names one of which is meant: "Registrator of Financiën". */
function eitherName(language: Language, codes: string | undefined, names: Readonly<Record<string, string>>): string {
  return listedNames(language, codes, names, 'disjunction');
}

/** Codes, separated by commas, as their names all of which are meant, in lower case inside a sentence: "vervangingswaarde en boekwaarde". */
function allNames(language: Language, codes: string | undefined, names: Readonly<Record<string, string>>): string {
  return listedNames(language, codes, names, 'conjunction').toLocaleLowerCase(language);
}

function listedNames(language: Language, codes: string | undefined, names: Readonly<Record<string, string>>, type: Intl.ListFormatType): string {
  const named = (codes ?? '').split(',').filter((code) => code !== '').map((code) => (Object.hasOwn(names, code) ? names[code]! : code));
  return new Intl.ListFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { type }).format(named);
}

/** Role codes, separated by commas, as their names: "Registrator of Financiën". */
function roleNames(language: Language, codes: string | undefined): string {
  return eitherName(language, codes, vocabulary(language).roles);
}

/** Valuation bases, separated by commas, as their names inside a sentence: "vervangingswaarde of boekwaarde". */
function basisNames(language: Language, codes: string | undefined): string {
  return eitherName(language, codes, vocabulary(language).valuationBases).toLocaleLowerCase(language);
}

/** A support type by its name: "Directe levering uit voorraad". */
function supportTypeName(language: Language, code: string | undefined): string {
  const types = vocabulary(language).supportTypes;
  return code !== undefined && Object.hasOwn(types, code) ? types[code as keyof typeof types] : (code ?? '');
}

/** A delivery's category by its name: "Gevechtstanks". */
function categoryName(language: Language, code: string | undefined): string {
  const categories = vocabulary(language).categories;
  return code !== undefined && Object.hasOwn(categories, code) ? categories[code as keyof typeof categories] : (code ?? '');
}

/** What needs no export licence by the rule (requiresLicenceByRule), inside a sentence: "niet-letale goederen en steun van het type "NAVO-fonds"". */
function licenceFreeSupport(language: Language): string {
  const categories = LICENCE_FREE_CATEGORIES.map((code) => categoryName(language, code).toLocaleLowerCase(language));
  const types = LICENCE_FREE_SUPPORT_TYPES.map((code) => `${language === 'nl' ? 'steun van het type' : 'support of the type'} "${supportTypeName(language, code)}"`);
  return new Intl.ListFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { type: 'conjunction' }).format([...categories, ...types]);
}

/** A category of the UN Register by its name: "I Gevechtstanks". */
function unRegisterName(language: Language, code: string | undefined): string {
  const categories = vocabulary(language).exportControl.unRegisterCategories;
  return code !== undefined && Object.hasOwn(categories, code) ? categories[code as keyof typeof categories] : (code ?? '');
}

/** Why a letter may not name a delivery's value, per reason (UnnameableDelivery), as the end of a sentence. */
const UNNAMEABLE: Record<Language, Record<UnnameableDelivery, string>> = {
  nl: {
    unknown: 'die levering bestaat niet',
    notPublic: 'die levering is niet openbaar (vertrouwelijk of nog zonder besluit)',
    publicLater: 'het besluit maakt die levering pas na de peildatum openbaar',
    partOfPublicItem: 'die levering is openbaar samen met andere als één regel, waarvan alleen het geheel openbaar is',
    valueNotPublic: 'het besluit over openbaarmaking maakt haar waarde niet openbaar',
    notRealised: 'die levering was op de peildatum niet gerealiseerd (nog niet overgedragen, of niet betaald of de betaling teruggeboekt)',
    notValued: 'die levering had op de peildatum nog geen waarde',
    valueNotAsDecided: 'haar waarde op de peildatum is niet de waarde die het besluit over openbaarmaking openbaar maakt',
  },
  en: {
    unknown: 'that delivery does not exist',
    notPublic: 'that delivery is not public (confidential, or not decided on yet)',
    publicLater: 'its decision makes that delivery public only after the reference date',
    partOfPublicItem: 'that delivery is public together with others as one line, of which only the whole is public',
    valueNotPublic: 'its disclosure decision does not make its value public',
    notRealised: 'that delivery was not realised at the reference date (not handed over yet, or not paid or its payment withdrawn)',
    notValued: 'that delivery had no value yet at the reference date',
    valueNotAsDecided: 'its value at the reference date is not the value its disclosure decision makes public',
  },
};

/** Why a value was refused, per code, in each language the API speaks. */
const REASONS: Record<Language, Record<string, Message>> = {
  nl: {
    required: () => 'Vul dit veld in.',
    noYearAmount: () => 'Vul voor ten minste één begrotingsjaar een bedrag in.',
    tooLong: (p) => `Gebruik hoogstens ${writtenNumber('nl', p.maximum)} tekens.`,
    tooShort: (p) => `Gebruik minstens ${writtenNumber('nl', p.minimum)} tekens.`,
    tooFewItems: (p) => `Geef hier minstens ${writtenNumber('nl', p.minimum)} op.`,
    tooManyItems: (p) => `Geef hier hoogstens ${writtenNumber('nl', p.maximum)} op.`,
    tooSmall: (p) => `Vul een getal in van minstens ${writtenNumber('nl', p.minimum)}.`,
    tooLarge: (p) => (p.kind === 'amount' ? `Vul een bedrag in van hoogstens ${euro('nl', p.maximum)}.` : `Vul een getal in van hoogstens ${writtenNumber('nl', p.maximum)}.`),
    notWholeNumber: () => 'Vul een geheel getal in.',
    wholeNumberOutOfRange: (p) => `Vul een geheel getal in van ${writtenNumber('nl', p.minimum)} tot en met ${writtenNumber('nl', p.maximum)}.`,
    yearNotBegun: (p) => `Het jaar ${p.year} is nog niet begonnen: er is nog niets over te rapporteren. Kies ${p.current} (tot en met vandaag) of een eerder jaar.`,
    invalidDate: () => 'Vul een bestaande datum in als JJJJ-MM-DD.',
    invalidChoice: (p) => `Kies een van: ${p.list ? choices('nl', p.list) : p.values}.`,
    invalidUrl: () => 'Vul een volledig webadres in (https://…).',
    invalidValue: () => 'Deze waarde is niet geldig.',
    databaseUnavailable: () => 'De database is even niet bereikbaar. Probeer het over enkele seconden opnieuw.',
    databaseBusy: () => 'De database kon dit verzoek niet op tijd afhandelen: ander werk hield de gegevens vast die het nodig heeft, of het duurde te lang. Probeer het over enkele seconden opnieuw.',
    totalBeyondExactNumbers: () => `Een totaal in het register komt boven ${euro('nl', String(Number.MAX_SAFE_INTEGER))} uit: meer dan het exact kan tonen. Controleer de ingevoerde bedragen.`,
    unknownField: () => 'Dit veld bestaat niet; controleer de naam.',
    notBase64: () => 'De inhoud is geen base64: stuur de bytes van het bestand als base64 (A-Z, a-z, 0-9, + en /, aangevuld met =).',
    invalidMoment: () => 'Vul een moment in met datum, tijd en tijdzone, zoals 2025-09-01T14:00:00+02:00.',
    momentWithoutTimeZone: () => 'Dit moment heeft geen tijdzone: voeg die toe, zoals 2025-09-01T14:00:00+02:00 of 2025-09-01T12:00:00Z.',
    invalidIdempotencyKey: () => 'De Idempotency-Key is ongeldig: gebruik 1 tot 255 zichtbare ASCII-tekens zonder spaties, zoals een UUID.',
    parameterRepeated: () => 'Deze parameter staat meer dan eens in de vraag; geef hem één keer.',
    unknownParameter: (p) => `Deze vraag kent geen parameter "${p.name}"; controleer de naam (een verkeerd gespelde filter zou anders de hele lijst geven).`,
    malformedJson: () => 'De inhoud van het verzoek is geen leesbare JSON.',
    bodyNotUtf8: () => 'De inhoud van het verzoek is geen geldige UTF-8: stuur de tekst als UTF-8, anders komen er vervangingstekens (�) in de plaats van letters.',
    nestedTooDeeply: (p) => `De inhoud van het verzoek is te diep genest: hoogstens ${p.maximum} niveaus van objecten en lijsten in elkaar.`,
    bodyNotObject: () => 'De inhoud van het verzoek moet een JSON-object met velden zijn.',
    bodyNotTaken: () => 'Dit verzoek heeft geen inhoud; stuur het zonder.',
    duplicateKey: (p) => `"${p.key}" staat meer dan eens in hetzelfde JSON-object; stuur het één keer, met de waarde die u bedoelt.`,
    beforeEarlierStage: (p) =>
      `De datum van ${stageNoun('nl', p.later) ?? 'deze stap'} (${p.laterDate}) ligt vóór die van ${stageNoun('nl', p.earlier) ?? 'een eerdere stap'} (${p.earlierDate}).`,
    afterLaterStage: (p) =>
      `De datum van ${stageNoun('nl', p.earlier) ?? 'deze stap'} (${p.earlierDate}) ligt na die van ${stageNoun('nl', p.later) ?? 'een latere stap'} (${p.laterDate}).`,
    realisedByPayment: (p) =>
      p.firstPaidOn
        ? `Een aankoop of fondsbijdrage is gerealiseerd op de dag van de eerste betaling (${p.firstPaidOn}).`
        : 'Een aankoop of fondsbijdrage is gerealiseerd bij de eerste betaling; laat de realisatiedatum leeg en voeg een betaling toe.',
    hasPayments: () => 'Deze levering heeft betalingen; een levering uit eigen voorraad kan geen betalingen hebben.',
    fulfilledByContract: () => 'Een contract met de industrie vervult deze verwerving; een contract vervult alleen verwervingen, dus het steuntype blijft verwerving.',
    hasReadinessRecords: () => 'Deze levering uit eigen voorraad heeft oordelen over de gereedheid, vervanging of besluiten om niet te vervangen; die gaan alleen over voorraad, dus het steuntype blijft eigen voorraad.',
    belowReplaced: (p) => `Vervangingsprojecten vervangen ${p.replaced} stuks van deze levering; vul minstens dat aantal in.`,
    belowReplacedValue: (p) => `Vervangingsprojecten vervangen ${euro('nl', p.replaced)} van de waarde van deze levering; de waarde kan niet lager worden. Verlaag eerst wat de projecten vervangen.`,
    belowClaimedValue: (p) =>
      `EPF-declaraties tot en met ${p.date} declareren ${euro('nl', p.claimed)} voor deze levering; haar waarde op die dag zou ${euro('nl', p.value)} worden, minder dan gedeclareerd is. Pas eerst de declaraties aan.`,
    quantityBelowDisclosed: (p) =>
      `Een openbaarmakingsbesluit noemt een openbaar aantal dat te lezen is als ${writtenNumber('nl', p.stated)}; na deze wijziging ${p.deliveries === '1' ? 'telt de levering' : `tellen de ${writtenNumber('nl', p.deliveries)} leveringen van dat besluit samen`} ${writtenNumber('nl', p.total)}. Houd het aantal, of besluit eerst opnieuw met een kleiner openbaar aantal, of een zonder getal ("meerdere").`,
    neededForDisclosedQuantity: (p) =>
      `Een openbaarmakingsbesluit noemt een openbaar aantal dat te lezen is als ${writtenNumber('nl', p.stated)} voor ${writtenNumber('nl', p.deliveries)} leveringen samen; zonder deze tellen ze ${writtenNumber('nl', p.total)}. Deze levering wordt niet verwijderd: besluit eerst opnieuw over de andere leveringen van dat besluit, met een kleiner openbaar aantal, of een zonder getal ("meerdere").`,
    claimedOnEpf: () => 'Voor deze levering is bij de Europese Vredesfaciliteit gedeclareerd; werk als uitvoerder voor de EU is niet te declareren, dus de financiering kan geen EPF worden.',
    committedFromFund: (p) => `Voor deze levering is een verplichting aangegaan uit ${fundingSourceName('nl', p.fund)}; de levering blijft uit dat budget betaald.`,
    namedByRecords: (p) =>
      `Deze levering wordt niet verwijderd: ${namingRecords('nl', p.records, p.count)} ${p.count === '1' ? 'noemt' : 'noemen'} haar nog. Een levering die elders in het register genoemd wordt, blijft staan; haal haar daar eerst weg als ze er niet in hoort.`,
    paymentOnStock: () => 'Een levering uit eigen voorraad wordt niet betaald maar gewaardeerd; voeg een waardering toe.',
    basisNotOfSupportType: (p) =>
      `Een levering van het type "${supportTypeName('nl', p.supportType)}" wordt gewaardeerd op ${basisNames('nl', p.bases)}; kies ${p.bases?.includes(',') ? 'een van die grondslagen' : 'die grondslag'}.`,
    valuedAtOtherBasis: (p) =>
      `Deze levering heeft een waardering op ${basisNames('nl', p.bases)}, waarop een levering van het type "${supportTypeName('nl', p.supportType)}" niet wordt gewaardeerd; trek die waardering eerst in, of houd het type.`,
    paymentReferenceTaken: (p) =>
      `Deze levering heeft al een betaling met dit kenmerk, van ${p.paidOn} (${KEY_FOLDING.nl}); geef elke betaling een eigen kenmerk, of trek die betaling eerst in als ze per vergissing is ingevoerd.`,
    paymentFarAboveValuation: (p) =>
      `Deze betaling van ${euro('nl', p.amount)} is ${writtenNumber('nl', p.ratio)} keer de waardering van deze levering (${euro('nl', p.valuation)}). Is het bedrag in centen ingevoerd, of staat er een nul te veel? Klopt het toch, bevestig het dan om de betaling vast te leggen.`,
    datedInSentLetterPeriod: (p) =>
      p.counted
        ? `Deze levering is gerealiseerd op ${p.date}, in de periode van de brief met peildatum ${p.referenceDate}${p.paperNumber ? ` (${p.paperNumber})` : ''}, die al naar de Kamer is gestuurd. ${p.counted === 'removed' ? 'Verwijderd valt zij weg uit de cijfers op die peildatum' : `Vastgelegd verplaatst deze wijziging haar in de cijfers op die peildatum ${p.counted === 'fundingSource' ? 'tussen de Nederlandse steun en het werk als uitvoerder voor de EU (EPF)' : 'naar een ander steuntype'}`}: de cijfers die de brief afdrukte, kloppen dan niet meer met het register op die datum (de brief zelf blijft zoals hij is verstuurd). Is dat de bedoeling, zoals bij een correctie, bevestig het dan.`
        : `${p.date} valt in de periode van de brief met peildatum ${p.referenceDate}${p.paperNumber ? ` (${p.paperNumber})` : ''}, die al naar de Kamer is gestuurd. Vastgelegd verandert dit wat het register op die peildatum laat zien: de cijfers die de brief afdrukte, kloppen dan niet meer met het register op die datum (de brief zelf blijft zoals hij is verstuurd). Is dat de bedoeling, zoals bij een correctie, bevestig het dan; anders kiest u een datum na de peildatum.`,
    confirmationRequired: () => 'Wat is ingevoerd kan, maar is eerder een vergissing; invalidParams noemt elke waarschuwing. Stuur hun codes mee in confirm om het toch vast te leggen.',
    alreadyWithdrawn: (p) => `Deze boeking is al ingetrokken per ${p.withdrawnOn ?? ''}.`,
    beforeEntry: (p) => `Een boeking kan niet worden ingetrokken vóór haar eigen datum (${p.entryDate ?? ''}).`,
    euroHasNoRate: () => 'Een bedrag in euro heeft geen oorspronkelijk bedrag en geen wisselkoers.',
    invalidExchangeRate: () => 'Schrijf de wisselkoers als euro per eenheid van de valuta, met een punt en hoogstens acht decimalen, zoals 0.9215.',
    unknownCurrency: () => 'Gebruik een bestaande valutacode volgens ISO 4217, zoals USD.',
    requiredForCurrency: () => 'Vul dit in voor een bedrag in een andere valuta dan de euro.',
    doesNotMatchRate: (p) => `Het bedrag klopt niet met de wisselkoers: tegen deze koers is het ${euro('nl', p.expected)}.`,
    convertedAmountTooLarge: () => 'Tegen deze wisselkoers is dit bedrag meer dan € 100 mld. waard; één bedrag is hoogstens € 100 mld. Controleer het bedrag en de koers.',
    invalidIfMatch: () => 'If-Match moet de ETag bevatten van de versie waarop de wijziging is gebaseerd, zoals "3".',
    ifMatchForOneDelivery: () => 'If-Match is de versie van de besluiten over één levering; stuur het alleen mee met een besluit over één levering.',
    beforeFrom: () => 'De einddatum ligt vóór de begindatum.',
    tooManyMonths: (p) => `Vraag hoogstens ${writtenNumber('nl', p.maximum)} maanden tegelijk op.`,
    invalidUsername: () => 'Gebruik 2 tot 100 kleine letters, cijfers en . _ @ -, te beginnen met een letter of cijfer.',
    invalidEmail: () => 'Vul een e-mailadres in, zoals naam@example.org.',
    usernameTaken: () => 'Deze gebruikersnaam bestaat al.',
    oidcSubjectTaken: (p) => `Het account "${p.username}" logt al in met deze OpenID-subject; één persoon bij de identiteitsprovider hoort bij één account.`,
    usernameLooksTaken: (p) => `Deze gebruikersnaam is te verwarren met die van het account "${p.username}" (een punt, liggend streepje of koppelteken, 0 en o, 1 en l, rn en m lijken op elkaar); kies een andere.`,
    emailTaken: (p) => `${p.username ? `Het account "${p.username}"` : 'Een ander account'} heeft dit e-mailadres al (hoofdletters tellen niet mee); een e-mailadres hoort bij één account.`,
    passwordTooShort: () => 'Gebruik een wachtwoord van minstens 15 tekens.',
    passwordTooLong: () => 'Gebruik een wachtwoord van hoogstens 256 tekens.',
    passwordCommon: () => 'Dit wachtwoord is te makkelijk te raden: veelgebruikt of uitgelekt, een herhaling of reeks, of met de gebruikersnaam erin. Kies bijvoorbeeld een zin van een paar woorden.',
    roleNeedsSecondFactor: () => 'Deze rol vereist een tweede factor; dit account heeft er geen.',
    onlyWhenConfidential: () => 'Dit hoort alleen bij een besluit tot vertrouwelijkheid.',
    onlyWhenPublic: () => 'Dit hoort alleen bij een besluit tot openbaarmaking.',
    ownAccount: () => 'U kunt uw eigen account niet wijzigen of uitschakelen; vraag een andere beheerder.',
    accountDisabled: () => 'Dit account is uitgeschakeld: het krijgt geen nieuwe tweede factor.',
    passwordOfDisabledAccount: () => 'Dit account is uitgeschakeld en logt niet meer in: het krijgt geen nieuw wachtwoord.',
    accountWithoutPassword: () => 'Dit account logt alleen in via de organisatie (de identiteitsprovider) en heeft hier geen wachtwoord; het wachtwoord wordt daar gewijzigd.',
    wrongPassword: () => 'Dit is niet het huidige wachtwoord.',
    passwordUnchanged: () => 'Kies een ander wachtwoord dan het huidige.',
    ownPassword: () => 'Uw eigen wachtwoord wijzigt u zelf, met uw huidige wachtwoord (Wachtwoord wijzigen, naast Uitloggen).',
    alreadyDisabled: () => 'Dit account is al uitgeschakeld.',
    lastAdministrator: () => 'Dit is de laatste beheerder die accounts kan beheren; maak eerst een ander account beheerder.',
    sameRole: () => 'Dit account heeft deze rol al.',
    letterIsFinal: () => 'Deze brief is definitief en kan niet meer worden gewijzigd.',
    notFinal: () => 'Dit kan pas als de brief definitief is.',
    alreadySet: () => 'Dit is al vastgelegd en kan niet meer worden gewijzigd.',
    unknownFigure: (p) => `De tekst noemt ${p.name ?? 'een cijfer'}, maar dat cijfer bestaat niet of mag niet openbaar worden.`,
    trainingCountedOnlyLater: (p) =>
      `De tekst noemt ${p.name ?? 'een cijfer'}, maar dat is alleen geteld tot een datum na ${p.trainingCountsUpTo}. De brief geeft elk cijfer van gegeven trainingen zoals het tot en met ${p.trainingCountsUpTo} geteld was ({{trainingCountsUpTo}}: het vroegste van de laatste telling van elk programma waarvan de tekst cijfers noemt), zodat het klopt op de datum die de brief noemt. Leg voor dit programma ook de telling tot en met ${p.trainingCountsUpTo} vast, of noem het cijfer niet.`,
    recordAfterReferenceDate: (p) =>
      `De tekst noemt ${p.name ?? 'een cijfer'}, maar dat telt pas vanaf ${p.date}, na de peildatum: op de peildatum is het nog niet bekend. Kies een latere peildatum, of noem het cijfer niet.`,
    yearAfterReferenceDate: (p) => `De tekst noemt ${p.name ?? 'een cijfer'}, maar dat jaar ligt na de peildatum: dat cijfer is op de peildatum nog niet bekend.`,
    commitmentPartOfPublicItem: (p) =>
      `De tekst noemt ${p.name ?? 'een verplichting'}, van een verplichting voor één levering, maar die levering is openbaar samen met andere als één regel, waarvan alleen het geheel openbaar is: de brief zou haar deel openbaar maken. Noem het niet, of besluit over die levering apart.`,
    stockDeliveriesNotJudged: (p) =>
      `${p.of === '1' ? `De levering uit voorraad tot en met ${p.referenceDate} had` : `Van de ${writtenNumber('nl', p.of)} leveringen uit voorraad tot en met ${p.referenceDate} ${p.count === '1' ? 'had er 1' : `hadden er ${writtenNumber('nl', p.count)}`}`} op die datum geen beoordeling van het effect op de gereedheid: het oordeel over de effecten op de krijgsmacht weegt ${p.count === '1' ? 'die' : 'ze'} niet mee.`,
    shipmentsWithoutLicence: (p) =>
      `${p.of === '1' ? `De levering die tot en met ${p.referenceDate} is overgedragen of geleverd en een exportvergunning nodig had, had` : `Van de ${writtenNumber('nl', p.of)} leveringen die tot en met ${p.referenceDate} zijn overgedragen of geleverd en een exportvergunning nodig hadden, ${p.count === '1' ? 'had er 1' : `hadden er ${writtenNumber('nl', p.count)}`}`} bij vertrek geen vergunning die ${p.count === '1' ? 'haar' : 'ze'} dekte. De paragraaf Toetsing zegt dat voor alle leveringen waar nodig een exportvergunning is afgegeven; het register onderbouwt dat voor ${p.count === '1' ? 'deze levering' : 'deze leveringen'} niet.`,
    totalFell: (p) => `De tekst noemt ${p.name ?? 'een cijfer'}, maar het totaal is sinds de vorige brief afgenomen: noem {{decrease}} en {{decreasePercent}}.`,
    totalDidNotFall: (p) => `De tekst noemt ${p.name ?? 'een cijfer'}, maar het totaal is sinds de vorige brief niet afgenomen: noem {{increase}} en {{increasePercent}}.`,
    deliveryNotNameable: (p) => `De tekst noemt de waarde van levering ${p.deliveryId ?? ''} (${p.name ?? ''}), maar ${UNNAMEABLE.nl[p.why as UnnameableDelivery] ?? 'die mag de brief niet noemen'}.`,
    letterBeforeReferenceDate: () => 'De datum van de brief ligt vóór de peildatum.',
    letterBeforePreviousLetter: (p) => `De datum van de brief ligt vóór die van de vorige brief (${p.date}), die hij noemt.`,
    referenceDateNotReached: (p) => `De peildatum ligt na vandaag (${p.today}): de cijfers per die datum staan nog niet vast. Keur de brief goed en maak hem definitief vanaf de peildatum.`,
    letterDateTooFarAhead: (p) =>
      `De brief is gedateerd op ${p.letterDate}, meer dan ${p.days} dagen na vandaag. Een brief draagt de datum waarop hij naar de Kamer gaat; kies bij de briefdatum een datum tot en met ${p.latest}.`,
    noBlocks: () => 'Een brief heeft ten minste één tekstblok.',
    noText: () => 'De brief heeft nog geen tekst: schrijf ten minste één tekstblok.',
    noSignatoryName: () => 'De brief heeft nog geen naam van de ondertekenaar: een brief aan de Kamer ondertekent een minister bij naam. Vul de naam in bij de ondertekening.',
    unclosedPlaceholder: (p) => `In tekstblok ${numberedBlock('nl', p)} wordt "{{" niet gesloten met "}}" (bij "${p.excerpt}"): schrijf een cijfer als {{naam}}.`,
    strayPlaceholderEnd: (p) => `In tekstblok ${numberedBlock('nl', p)} staat "}}" zonder "{{" ervoor (bij "${p.excerpt}"): schrijf een cijfer als {{naam}}.`,
    emptyPlaceholder: (p) => `In tekstblok ${numberedBlock('nl', p)} staat "{{}}" zonder de naam van een cijfer (bij "${p.excerpt}"): schrijf de naam ertussen, of haal de haken weg.`,
    unclosedFootnote: (p) => `In tekstblok ${numberedBlock('nl', p)} wordt een voetnoot "[^" niet gesloten met "]" (bij "${p.excerpt}"): schrijf een voetnoot als [^tekst].`,
    emptyFootnote: (p) => `In tekstblok ${numberedBlock('nl', p)} is een voetnoot leeg (bij "${p.excerpt}"): schrijf de tekst van de voetnoot tussen "[^" en "]", of haal hem weg.`,
    typedAmount: (p) =>
      `In tekstblok ${numberedBlock('nl', p)} staat een bedrag dat met de hand is getypt: "${p.excerpt}". Elk bedrag in de brief wordt berekend uit het register: zet er de naam van het cijfer voor in de plaats, zoals {{stock}}, of laat het bedrag weg.`,
    typedPercentage: (p) =>
      `In tekstblok ${numberedBlock('nl', p)} staat een percentage dat met de hand is getypt: "${p.excerpt}". Elk percentage in de brief wordt berekend uit het register: zet er de naam van het cijfer voor in de plaats, zoals {{increasePercent}}, of laat het percentage weg.`,
    blockKeyFormat: (p) => `De sleutel "${p.key}" van tekstblok ${numberedBlock('nl', p)} is geen sleutel: begin met een letter en gebruik alleen letters zonder accent, cijfers en losse streepjes (zoals "industry" of "f16-vliegers").`,
    duplicateBlockKey: (p) => `Tekstblok ${numberedBlock('nl', p)} heeft dezelfde sleutel "${p.key}" als tekstblok ${p.first} (hoofdletters tellen niet mee); geef elk blok een eigen sleutel.`,
    blankText: (p) =>
      `De tekst van tekstblok ${numberedBlock('nl', p)} bestaat alleen uit spaties of witregels. Schrijf de tekst, of maak het veld helemaal leeg als de brief dit onderdeel niet heeft.`,
    finalLetterExists: () => 'Er is al een definitieve brief met deze peildatum.',
    notApproved: () => 'Een openbaarmakingsfunctionaris moet de openbare brief eerst goedkeuren.',
    changedSinceApproval: () => 'De brief is veranderd sinds de goedkeuring (tekst of gegevens); hij moet opnieuw worden goedgekeurd.',
    approvalByWriter: () => 'U hebt aan deze brief geschreven (hem begonnen, gewijzigd of ingediend); een andere openbaarmakingsfunctionaris keurt hem goed.',
    laterLetterIsFinal: () => 'Er is al een definitieve brief met een latere peildatum; brieven volgen elkaar op in de tijd.',
    nulCharacter: () => 'De tekst bevat een NUL-teken; verwijder het.',
    loneSurrogate: () => 'De tekst bevat een ongeldig teken (een losse surrogaat); typ hem opnieuw.',
    controlCharacter: () => 'De tekst bevat een onzichtbaar stuurteken (of een regeleinde waar dat niet kan); verwijder het.',
    directionControl: () => 'De tekst bevat een onzichtbaar teken dat de leesrichting verandert (zoals U+202E); verwijder het.',
    lineSeparator: () => 'Deze tekst staat op één regel, maar bevat een onzichtbare regel- of alineascheiding (U+2028 of U+2029); verwijder die.',
    invisibleCharacter: () => 'De tekst bevat een onzichtbaar teken (zoals een spatie zonder breedte of een zacht afbreekstreepje); verwijder het.',
    noLetterOrDigit: () => 'Gebruik minstens één letter of cijfer.',
    placeholderText: () => 'Vervang de vraagtekens door wat bekend is.',
    mixedScripts: (p) =>
      [...(p.letters ?? '')].length === 1
        ? `In "${p.word}" is ${pointedLetters('nl', p.letters)} geen ${SCRIPT_ADJECTIVES.nl[p.script!]} letter, zoals de rest van het woord, al kan hij er precies zo uitzien. Typ het woord in één schrift.`
        : `In "${p.word}" zijn ${pointedLetters('nl', p.letters)} geen ${SCRIPT_ADJECTIVES.nl[p.script!]} letters, zoals de rest van het woord, al kunnen ze er precies zo uitzien. Typ het woord in één schrift.`,
    referenceFormat: () => 'Gebruik letters en cijfers, met zo nodig spaties en - / . _ : , # ( ) + & als scheiding, te beginnen met een letter of cijfer.',
    quantityFormat: () => 'Vul een aantal in zoals het openbare overzicht het noemt, bijvoorbeeld "3", "ca. 100" of "meerdere": met de cijfers 0 tot en met 9, geen negatief getal.',
    quantityStatesZero: () => 'Een openbaar aantal noemt geen 0; laat het leeg als er geen aantal te noemen is.',
    quantityExpression: (p) =>
      `Het openbare aantal "${p.expression}" is een berekening, geen getal: het publiek zou het moeten uitrekenen, en het is niet zeker te lezen. Noem het getal zelf, zoals "6", of zeg minder zonder getal, zoals "meerdere".`,
    quantityNotWhole: (p) =>
      `Het openbare aantal noemt ${p.stated?.replace('.', ',')}, een deel van een stuk: de leveringen tellen in hele stuks. Noem een geheel getal, zoals "ca. 3", of zeg minder, zoals "enkele".`,
    categoryNotPresented: (p) =>
      `De openbare categorie noemt andere goederen dan ${p.deliveries === '1' ? 'de levering is' : 'de leveringen zijn'} (${eitherName('nl', p.categories, vocabulary('nl').categories)}). Kies ${p.deliveries === '1' ? 'haar' : 'hun'} categorie, of Overig om minder te zeggen.`,
    supportTypesDiffer: (p) =>
      `Leveringen waarover in één keer openbaar wordt besloten, zijn één openbare regel met één type steun; deze zijn van verschillende typen (${allNames('nl', p.supportTypes, vocabulary('nl').supportTypes)}). Besluit over de leveringen van elk type apart.`,
    valueBasesDiffer: (p) =>
      `De waarde van leveringen waarover in één keer openbaar wordt besloten, is één bedrag op één grondslag; deze zijn gewaardeerd op verschillende grondslagen (${allNames('nl', p.bases, vocabulary('nl').valuationBases)}). Besluit over de leveringen van elke grondslag apart, of maak de waarde niet openbaar.`,
    valueTellsAnother: (p) =>
      `De waarde van deze leveringen samen zou naast een eerder openbaar gemaakte som die van „${p.title}” verraden, die zo nooit openbaar is gemaakt. Maak de waarde niet openbaar, of besluit over precies de leveringen waarvan de waarden eerder samen openbaar werden.`,
    quantityAboveDelivered: (p) =>
      `Het openbare aantal is te lezen als ${writtenNumber('nl', p.stated)}, meer dan ${p.deliveries === '1' ? 'de levering telt' : `de ${writtenNumber('nl', p.deliveries)} leveringen samen tellen`} (${writtenNumber('nl', p.total)}). Noem hoogstens ${writtenNumber('nl', p.total)}, of zeg minder zonder getal, zoals "meerdere".`,
    dateOutOfRange: (p) => (p.floor ? `Vul een datum in vanaf ${p.floor}.` : `Vul een datum in tot en met ${p.ceiling}.`),
    dateInFuture: () => 'Deze datum ligt na vandaag; leg alleen vast wat al gebeurd is.',
    undecidedDeliveries: (p) =>
      `Er ${p.count === '1' ? 'is' : 'zijn'} nog ${writtenNumber('nl', p.count)} tot de peildatum gerealiseerde of op de EPF gedeclareerde ${p.count === '1' ? 'levering' : 'leveringen'} zonder besluit over openbaarmaking. De cijfers van de brief tellen ${p.count === '1' ? 'die' : 'ze'} mee: besluit daar eerst over.`,
    // The embargo of letters and the review of drafts.
    draftExists: () => 'Er is al een concept met deze peildatum; werk dat concept bij of verwijder het eerst.',
    beforeLastFinalLetter: (p) => `De peildatum ligt vóór die van de laatste definitieve brief (${p.date}); een nieuwe brief volgt daarop.`,
    paperNumberFormat: () => 'Vul het Kamerstuknummer in zoals de Kamer het schrijft, bijvoorbeeld "Kamerstuk 22 054, nr. 460".',
    paperNumberTaken: (p) => `De brief met peildatum ${p.referenceDate} heeft dit Kamerstuknummer al; elke brief heeft een eigen nummer.`,
    paperNumberNotAfterEarlierLetter: (p) =>
      `De eerdere brief met peildatum ${p.referenceDate} heeft in hetzelfde dossier al ${p.paperNumber}: de Kamer nummert de stukken van een dossier op volgorde van binnenkomst, dus deze latere brief heeft een hoger nummer. Controleer het nummer, of dat van die brief.`,
    paperNumberNotBeforeLaterLetter: (p) =>
      `De latere brief met peildatum ${p.referenceDate} heeft in hetzelfde dossier ${p.paperNumber}: de Kamer nummert de stukken van een dossier op volgorde van binnenkomst, dus deze eerdere brief heeft een lager nummer. Controleer het nummer, of dat van die brief.`,
    publishedBeforeLetterDate: (p) => `De publicatiedatum ligt vóór de datum van de brief (${p.letterDate}).`,
    notSent: () => 'Leg eerst vast dat de brief aan de Kamer is verzonden.',
    momentPassed: () => 'Dit moment is al voorbij. Laat het veld leeg om de brief nu te publiceren, of kies een later moment.',
    previousLetterNotPublished: (p) => `De vorige brief (peildatum ${p.date}) is nog niet gepubliceerd, of pas later: deze brief noemt hem en zijn cijfers, dus publiceer die eerst (of plan deze niet eerder).`,
    alreadySent: () => 'De verzending van deze brief is al vastgelegd.',
    letterIsWithdrawn: () => 'Deze brief is ingetrokken: hij wordt niet verzonden of gepubliceerd en verandert niet meer.',
    sentLetterNotWithdrawn: () => 'Deze brief is al aan de Kamer verzonden en wordt niet ingetrokken: de Kamer heeft hem.',
    followedByFinalLetter: (p) => `De brief met peildatum ${p.date} is definitief en volgt op deze brief: trek die eerst in.`,
    letterDateNotReached: (p) => `De brief is gedateerd op ${p.letterDate}, na vandaag: de Kamer ontvangt geen brief met een datum die nog moet komen. Leg de verzending vast vanaf die datum.`,
    listedNotPublic: (p) =>
      `De brief noemt "${p.title}", maar die levering is sinds de brief definitief werd niet meer openbaar. Een definitieve brief verandert niet: publiceren zou openbaar maken wat niet openbaar is. Besluit haar weer openbaar zoals de brief haar noemt, of publiceer deze brief niet.`,
    listedPresentedOtherwise: (p) =>
      `De brief noemt "${p.title}", maar die levering is sindsdien anders openbaar gemaakt (titel, omschrijving, categorie of aantal). Een definitieve brief verandert niet: besluit haar openbaar zoals de brief haar noemt, of publiceer deze brief niet.`,
    listedPublicFrom: (p) => `De brief noemt "${p.title}", maar die levering is pas vanaf ${p.date} openbaar: publiceer de brief niet eerder.`,
    publicBeforeItsLetter: (p) =>
      `De definitieve brief met peildatum ${p.referenceDate}, nog niet gepubliceerd, maakt "${p.title}" als eerste openbaar; een datum die al gekomen is, zou de levering eerder openbaar maken dan die brief. Laat de datum (publicFrom) weg, dan wordt de levering openbaar met de brief, of kies een latere datum.`,
    datedApartBeforeItsLetter: (p) =>
      `De definitieve brief met peildatum ${p.referenceDate}, nog niet gepubliceerd, maakt "${p.title}" als eerste openbaar, samen met de leveringen die hij ermee noemt. Apart of met andere leveringen openbaar vanaf een datum zou zij eerder openbaar kunnen worden dan die brief. Laat de datum (publicFrom) weg, of besluit haar zo na de publicatie van de brief.`,
    namedValueNotPublic: (p) =>
      `De brief noemt de waarde van "${p.title}", maar die waarde is sinds de brief definitief werd niet meer openbaar. Een definitieve brief verandert niet: besluit de waarde weer openbaar, of publiceer deze brief niet.`,
    namedPartOfPublicItem: (p) =>
      `De brief noemt ${p.name}, een bedrag van één levering van "${p.title}", maar die levering is sinds de brief definitief werd openbaar samen met andere als één regel, waarvan alleen het geheel openbaar is. Een definitieve brief verandert niet: besluit over die levering weer apart, of publiceer deze brief niet.`,
    namedValueNotAsDecided: (p) =>
      `De brief noemt de waarde van "${p.title}" als ${p.printed}, maar het besluit over openbaarmaking maakt sindsdien ${p.decided} openbaar. Een definitieve brief verandert niet: besluit de waarde openbaar zoals de brief haar noemt, of publiceer deze brief niet.`,
    notRecorded: () => 'Er zijn nog geen publicatiegegevens om te corrigeren.',
    unchanged: () => 'De correctie verandert niets aan de vastgelegde gegevens.',
    alreadySubmitted: () => 'Deze brief is al ter goedkeuring aangeboden.',
    alreadyApproved: () => 'Deze brief is al goedgekeurd zoals hij nu luidt; een tweede goedkeuring voegt niets toe.',
    notSubmitted: () => 'Deze brief is niet ter goedkeuring aangeboden.',
    // The record of the path, not there or not for the one asking
    recordNotFound: (p) => `Er is geen ${recordNoun('nl', p.record)} met id ${p.id} gevonden.`,
    // A record the body names by its id that does not exist (src/domain/references.ts)
    unknownDelivery: () => 'Deze levering bestaat niet.',
    unknownTranche: () => 'Deze tranche bestaat niet.',
    unknownCompany: () => 'Dit bedrijf bestaat niet.',
    unknownContract: () => 'Dit contract bestaat niet.',
    unknownAssessment: () => 'Deze toetsing bestaat niet.',
    // The European Peace Facility
    implementingActorWork: () => 'Werk als uitvoerder voor de EU is niet door Nederland te declareren; het telt niet mee in Nederlandse totalen.',
    batchWithDelivery: () => 'Een declaratie voor één levering beschrijft geen batch; laat dit veld leeg of kies geen levering.',
    deliveryOrBundle: () => 'Kies een levering, of beschrijf wat de bundel omvat.',
    aboveDelivered: (p) => `Dit is meer dan er geleverd is: op de declaratiedatum kan voor deze levering nog hoogstens ${euro('nl', p.availableCents)} worden gedeclareerd.`,
    aboveDeclared: (p) => `Er kan niet meer worden gecompenseerd dan gedeclareerd (${euro('nl', p.declaredCents)}).`,
    belowReceived: (p) => `Er is al ${euro('nl', p.receivedCents)} ontvangen; de compensatie kan niet lager zijn.`,
    beforeAssessment: () => 'Dit jaar ligt vóór de beoordeling.',
    aboveCompensated: (p) => `Dit is meer dan er nog openstaat (${euro('nl', p.outstandingCents)}).`,
    beforeDeclared: (p) => `Deze datum ligt vóór de declaratie (${p.declaredOn}).`,
    periodOutOfRange: (p) => `Deze periode noemt ${p.year}; noem een periode in de jaren ${p.first} tot en met ${p.last}.`,
    beforeTranche: (p) => `Deze datum ligt vóór het besluit over de tranche (${p.decidedOn}); een declaratie op een tranche volgt op dat besluit.`,
    trancheNotClaimable: (p) =>
      p.role === 'implementingActor'
        ? 'In deze tranche is Nederland uitvoerder voor de EU: dat werk is niet door Nederland te declareren. Kies een tranche waarop Nederland declareert, of geen tranche.'
        : 'Nederland heeft geen rol in deze tranche en declareert er niet op. Kies een tranche waarop Nederland declareert, of geen tranche.',
    referenceTaken: () => `Er is al een declaratie met dit kenmerk (${KEY_FOLDING.nl}).`,
    trancheNameTaken: (p) => `Deze tranche staat al in het register: "${p.name}" van deze soort (${NAME_FOLDING.nl}).`,
    notBlocked: () => 'Deze declaratie is op die datum niet geblokkeerd: er is geen blokkade om op te heffen.',
    beforeBlockage: (p) => `De declaratie is pas vanaf ${p.blockedOn} geblokkeerd; een opheffing ligt op of na die datum.`,
    alreadyBlocked: (p) => `De declaratie is vanaf ${p.blockedOn} geblokkeerd tot die blokkade is opgeheven; een declaratie wordt niet twee keer geblokkeerd.`,
    nothingRemains: () => 'Met deze compensatie is alles al ontvangen: er resteert niets om een jaar voor te verwachten; laat dit veld leeg.',
    notAssessed: () => 'Deze declaratie is nog niet beoordeeld: geld wordt ontvangen op wat de EU heeft toegekend; leg eerst de beoordeling vast.',
    receivedBeforeAssessment: (p) => `Deze datum ligt vóór de eerste beoordeling (${p.assessedOn}): geld wordt ontvangen op wat de EU heeft toegekend.`,
    receivedWhileBlocked: (p) => `De declaratie is op die datum geblokkeerd (sinds ${p.blockedOn}): op een geblokkeerde declaratie wordt niets ontvangen.`,
    moneyReceivedSince: (p) => `Op ${p.receivedOn} is er geld op deze declaratie ontvangen, dus was ze toen niet geblokkeerd; kies een datum na die ontvangst.`,
    // The budget
    budgetYearOutOfRange: (p) => `Vul een begrotingsjaar in van ${p.first} tot en met ${p.last}.`,
    beforeFirstYear: () => 'Het laatste jaar ligt vóór het eerste jaar.',
    yearOutsideDecision: (p) => `Dit jaar valt buiten de periode van het besluit (${p.first}-${p.last}).`,
    duplicateYear: () => 'Dit jaar staat al eerder in het besluit.',
    budgetDecisionTaken: (p) => `Dit besluit staat al in het register: "${p.name}" over dit fonds (${NAME_FOLDING.nl}); een besluit legt zijn bedragen voor al zijn jaren in één keer vast.`,
    notPositive: () => 'Vul een bedrag in groter dan nul.',
    sameYear: () => 'Een kasschuif gaat naar een ander jaar dan waar hij vandaan komt.',
    exceedsYearBudget: (p) => `Het jaar ${p.year} heeft op die datum (of daarna) niet meer dan ${euro('nl', p.available)} beschikbaar.`,
    beforeLatestStage: (p) => `Deze stap ligt vóór de laatste stap van de verplichting (${p.latest}).`,
    stageGoesBack: () => 'Een juridisch verplicht bedrag gaat niet terug naar een toezegging.',
    sameAsLatestStage: () => 'Deze stap staat er al: dezelfde fase met hetzelfde bedrag op dezelfde datum.',
    duplicateRecord: (p) => `Dit staat al in het register: op ${p.recordedOn} vastgelegd met precies dezelfde gegevens (${NAME_FOLDING.nl}).`,
    duplicateRow: (p) => `Dit staat al op regel ${p.row} van ${p.sheet ? `het blad ${p.sheet}` : 'dit blad'}, met precies dezelfde gegevens (${NAME_FOLDING.nl}).`,
    yearOutsideReach: (p) =>
      `Een besluit van ${p.decidedOn} gaat over de begrotingsjaren ${p.first} tot en met ${p.last}: het lopende jaar en de jaren van de meerjarenraming, niet over een afgesloten jaar.`,
    afterBudgetYear: (p) => `De begroting van ${p.year} is met dat jaar afgesloten: een verplichting voor ${p.year} wordt uiterlijk op 31 december ${p.year} aangegaan.`,
    beforeBudgetReach: (p) => `Een verplichting voor ${p.year} wordt niet eerder dan in ${p.first} aangegaan: pas dan reikt de meerjarenraming tot ${p.year}.`,
    // Industry
    invalidCountry: () => 'Vul een bestaande landcode in volgens ISO 3166, twee letters, zoals NL of UA.',
    beforeSigning: (p) => `Deze datum ligt vóór de ondertekening van het contract (${p.signedOn}).`,
    milestoneTitleRepeated: (p) => `Het contract heeft al de mijlpaal "${p.title}" (${NAME_FOLDING.nl}); geef elke mijlpaal een eigen naam, zodat voortgang bij de juiste wordt gemeld.`,
    aboveContractAmount: (p) => `Deze prijs is hoger dan het hele contract waard is (${euro('nl', p.amountCents)}).`,
    percentOutOfRange: () => 'Vul een percentage in van 0 tot en met 100.',
    beforeLatestReport: (p) => `Deze datum ligt vóór de laatste melding (${p.latest}).`,
    progressGoesBack: (p) => `De voortgang is lager dan de laatste melding (${p.latest} %); geef de reden.`,
    coproductionStageGoesBack: (p) => `Het project was al in de fase "${coproductionStage('nl', p.latest)}"; geef in de toelichting de reden dat het teruggaat.`,
    replenishmentStageGoesBack: (p) => `Het project was al in de fase "${replenishmentStage('nl', p.latest)}"; geef de reden dat het naar een eerdere fase teruggaat.`,
    contractReferenceTaken: () => `Dit bedrijf heeft al een contract met dit kenmerk (${KEY_FOLDING.nl}); geef elk contract een eigen kenmerk.`,
    registrationNumberTaken: (p) => `${p.company ? `Het bedrijf "${p.company}"` : 'Een ander bedrijf'} uit dit land heeft dit registratienummer al (${KEY_FOLDING.nl}).`,
    companyNameTaken: (p) => `Dit bedrijf staat al in het register: "${p.name}" uit dit land (${NAME_FOLDING.nl}).`,
    coproductionProjectTaken: (p) => `Dit project staat al in het register: "${p.name}" met deze partner (${NAME_FOLDING.nl}); leg een volgende fase vast bij dat project.`,
    demandBundleTaken: (p) => `Deze behoefte staat al in het register: "${p.name}" in deze categorie (${NAME_FOLDING.nl}).`,
    beforeEarlierPrice: () => 'De betaalde prijs is van vóór de eerdere prijs; wissel de datums om.',
    afterContractRecords: (p) => `Onder dit contract is al iets vastgelegd op ${p.first} (een mijlpaal, voortgang, betaalde prijs of de intrekking); het is uiterlijk op die dag ondertekend.`,
    belowPricePaid: (p) => `Onder dit contract is al een prijs van ${euro('nl', p.amountCents)} betaald; het contract is niet minder waard.`,
    contractAlreadyWithdrawn: (p) => `Dit contract is al ingetrokken per ${p.withdrawnOn ?? ''}.`,
    companyAlreadyWithdrawn: (p) => `Dit bedrijf is al ingetrokken per ${p.withdrawnOn ?? ''}.`,
    companyWithdrawn: (p) => `Dit bedrijf is ingetrokken per ${p.withdrawnOn ?? ''}; het staat in geen overzicht meer en er wordt niets meer op vastgelegd.`,
    companyHasContracts: (p) => `Op deze datum tellen nog contracten van dit bedrijf mee: ${p.references ?? ''}. Trek die eerst in, op of vóór deze datum.`,
    companyIsPartner: (p) => `Dit bedrijf is partner in de coproductieprojecten ${p.projects ?? ''}. Corrigeer eerst de partner van die projecten.`,
    contractWithdrawn: (p) => `Dit contract is ingetrokken per ${p.withdrawnOn ?? ''}; vanaf die dag wordt er niets meer onder vastgelegd (een eerdere datum kan wel: toen gold het contract nog).`,
    notInFuture: () => 'Vul een datum in de toekomst in.',
    notProcurement: () => 'Dit is geen commerciële verwerving in het register; een contract vervult alleen verwervingen.',
    // Training and readiness.
    invalidProgrammeKey: () => 'Gebruik 1 tot 40 kleine letters, cijfers en -, te beginnen met een letter (zoals stc).',
    nothingCounted: () => 'Vul minstens één aantal groter dan nul of de geraamde kosten in.',
    periodAfterCount: (p) =>
      `Gegeven training (trainers, getrainden, trainingen) is geteld over een periode die al begonnen is; deze begint na de datum tot en met wanneer geteld is (${p.countsUpTo}). Alleen een plan (rotaties, militairen per rotatie, geraamde kosten) kan later beginnen.`,
    programmeKeyTaken: () => 'Er is al een trainingsprogramma met deze korte naam.',
    programmeNameTaken: (p) => `Dit trainingsprogramma staat al in het register: "${p.name}" (${NAME_FOLDING.nl}).`,
    keyNamedByFinalLetter: () => 'Een definitieve brief noemt de cijfers van dit programma bij deze korte naam; die blijft daarom zoals zij is.',
    notStock: () => 'Dit kan alleen bij een directe levering uit eigen voorraad.',
    moreThanDelivered: (p) => `Samen met andere projecten is dat meer dan geleverd is; hier kan nog hoogstens ${p.kind === 'amount' ? euro('nl', p.maximum) : writtenNumber('nl', p.maximum)}.`,
    duplicateDelivery: () => 'Noem elke levering maar één keer.',
    beforeLatestState: (p) => `De huidige stand van dit project geldt al sinds ${p.latest}; een wijziging geldt vanaf die dag of later.`,
    expectedBeforeState: (p) => `Een project dat nog niet geleverd is, wordt verwacht op of na de dag waarop deze stand geldt (${p.asOf}).`,
    expectedAfterDelivery: (p) => `Een geleverd project wordt niet meer verwacht: vul een verwachte datum in op of vóór de dag waarop het geleverd is (${p.asOf}), of laat het veld leeg.`,
    decisionRecorded: (p) => `Dit besluit is al vastgelegd: op ${p.decidedOn} met dezelfde reden (${KEY_FOLDING.nl}).`,
    beforeDecision: (p) => `Deze datum (${p.date}) ligt vóór het besluit (${p.decidedOn}); wat uit een besluit volgt, geldt vanaf die dag of later.`,
    // Export control
    criterionMissing: (p) => `Criterium ${p.criterion} ontbreekt: een toetsing oordeelt over alle acht criteria.`,
    criterionTwice: (p) => `Criterium ${p.criterion} staat er meer dan één keer in.`,
    onlyWithConditions: () => 'Voorwaarden horen alleen bij de uitkomst "positief onder voorwaarden".',
    negativeWithoutObjection: () => 'Een negatieve uitkomst noemt ten minste één criterium met bezwaar.',
    objectionNotNegative: () => 'Bij bezwaar op een criterium is de uitkomst negatief.',
    assessmentNegative: () => 'De toetsing is negatief: op een negatieve toetsing wordt geen vergunning verleend.',
    licenceBeforeAssessment: (p) => `De vergunning kan niet vóór de toetsing (${p.assessedOn}) zijn verleend.`,
    beforeIssued: () => 'De geldigheid eindigt vóór de datum van verlening.',
    validityTooLong: (p) => `Een vergunning geldt hoogstens ${writtenNumber('nl', p.maximum)} jaar.`,
    fundOtherThanDelivery: (p) =>
      p.fundingSource === 'epf'
        ? 'Deze levering is werk als uitvoerder voor de EU, dat de EU betaalt; daarvoor wordt geen verplichting op de Nederlandse begroting aangegaan.'
        : `Deze levering wordt betaald uit ${fundingSourceName('nl', p.fundingSource)}; maak de verplichting op dat budget, of pas eerst de financiering van de levering aan.`,
    importingStateIsExporter: () => 'Nederland is het land van uitvoer; vul het land in waarnaar de goederen worden uitgevoerd, zoals UA.',
    importingStateUnderEmbargo: () => 'Voor Rusland en Belarus geldt een wapenembargo van de EU; een vergunning voor uitvoer daarheen wordt niet verleend. Vul het land in waarnaar de goederen worden uitgevoerd, zoals UA.',
    noAssessment: () => 'Deze levering is nog niet getoetst; een vergunning volgt op een positieve toetsing.',
    notLatestAssessment: () => 'Dit is niet de laatste toetsing van deze levering; verleen op de laatste.',
    sameOfficialAssessed: () => 'Scheiding van functies: wie de toetsing deed, verleent niet de vergunning.',
    inspectionGranted: (p) => `De Kamer mag deze toetsing sinds ${p.grantedOn} al inzien; inzage wordt één keer verleend.`,
    licenceNumberTaken: () => `Er is al een vergunning met dit nummer (${KEY_FOLDING.nl}).`,
    licenceMissing: (p) => `Deze levering heeft een exportvergunning nodig en er is er geen: zij kan op ${p.date} niet worden overgedragen of geleverd.`,
    noLicenceCovers: (p) => `Deze levering heeft een exportvergunning nodig die haar op ${p.date} dekt, en die is er niet: zij kan op die dag niet worden overgedragen of geleverd. Wie exportcontrole mag inzien, ziet waarom.`,
    licenceMissingAtRegistration: (p) =>
      `Deze levering heeft een exportvergunning nodig en heeft er nog geen, dus zij kan niet al op ${p.date} zijn overgedragen of geleverd. Leg haar vast zonder die datum; na toetsing en vergunning kan de datum worden ingevuld.`,
    shippedWithoutLicence: (p) =>
      `Deze levering heeft een exportvergunning nodig (dat geldt voor alle steun behalve ${licenceFreeSupport('nl')}) en heeft er in het register geen, maar deze regel legt haar vast als op ${p.date} al overgedragen of geleverd. Is zij verscheept voordat het register in gebruik was, onder een vergunning van toen, bevestig dan de waarschuwing om haar zo te importeren; anders laat u de datum leeg tot zij in het register getoetst is en een vergunning heeft.`,
    licenceWithdrawn: () => 'De vergunning van deze levering berust op een eerdere toetsing; de laatste toetsing heeft nog geen (geldige) vergunning.',
    licenceExpired: (p) => `Vergunning ${p.licence} is verlopen op ${p.validUntil}; zij dekt geen levering op ${p.date}.`,
    licenceNotYetValid: (p) => `Vergunning ${p.licence} geldt pas vanaf ${p.issuedOn}; zij dekt geen levering op ${p.date}.`,
    quantityAboveLicence: (p) => `Vergunning ${p.licence} dekt ${writtenNumber('nl', p.authorised)} stuks; deze levering is ${writtenNumber('nl', p.quantity)} stuks.`,
    licenceForOtherGoods: (p) =>
      `Vergunning ${p.licence} is voor goederen onder ${p.militaryListCategory} van de Militaire Lijst, niet voor goederen van de categorie "${categoryName('nl', p.category)}": zij dekt deze levering niet op ${p.date}. Verleen een vergunning voor deze goederen, of herstel de categorie van de levering.`,
    militaryListNotOfGoods: (p) =>
      `${p.chosen} van de Militaire Lijst is voor andere wapens of platforms dan goederen van de categorie "${categoryName('nl', p.category)}", die onder ${eitherName('nl', p.fitting, {})} vallen. Uitrusting (zoals ML5, ML11 of ML13) past bij goederen van elke categorie.`,
    unRegisterNotOfGoods: (p) => `Goederen van de categorie "${categoryName('nl', p.category)}" staan in het VN-register onder "${unRegisterName('nl', p.fitting)}"; kies die, of geen.`,
    // Paged lists
    invalidCursor: () => 'Deze plek in de lijst is niet (meer) geldig; begin bij de eerste pagina.',
    onlyOneCursor: () => 'Geef after of before, niet allebei.',
    // Import from spreadsheets
    notAnAmount: () => 'Vul een bedrag in euro in, zoals 1.234,56 of € 1.234,56.',
    numberAmbiguous: (p) => `${p.shown} is op twee manieren te lezen: met een komma tussen de duizendtallen of met een decimale komma. Schrijf duizendtallen met een punt, een spatie of zonder teken (1.000, 1 000 of 1000).`,
    amountAmbiguous: (p) => `${p.shown} is op twee manieren te lezen: met een komma tussen de duizendtallen of met een decimale komma. Schrijf duizendtallen met een punt of zonder teken (1.234 of 1234) en centen na een komma of punt (1,23, 1.234,56 of 1234.56).`,
    amountBeyondCents: (p) => `Dit bedrag heeft meer dan twee cijfers achter de komma (${p.shown?.replace('.', ',')}), ook al toont de cel het afgerond; rond het af op hele centen, bijvoorbeeld met AFRONDEN(…; 2).`,
    amountTextBeyondCents: (p) => `Dit bedrag heeft meer dan twee cijfers achter de komma (${p.shown}); rond het af op hele centen.`,
    amountShownOtherwise: (p) =>
      `Deze cel toont ${p.shown}, maar bevat het getal ${writtenNumber('nl', p.held)}, dat het register als euro’s zou lezen. Vul het hele bedrag in euro in (zoals 1.234.567,89), in een cel met de opmaak Getal of Valuta in euro.`,
    notADate: (p) => `${p.shown} is geen datum; vul een datum in zoals 30-6-2025 of 2025-06-30.`,
    noSuchDate: (p) => `${p.shown} is geen bestaande datum; vul een datum in zoals 30-6-2025 of 2025-06-30.`,
    monthFirstDate: (p) =>
      `${p.shown} is alleen te lezen met de maand eerst, zoals in de Verenigde Staten (${typedDate('nl', p.monthFirst)}); het register leest een datum in cijfers met de dag eerst. Is die dag bedoeld, schrijf dan ${typedOrWritten('nl', p.monthFirst)}.`,
    ambiguousDate: (p) =>
      `${p.shown} kan met de maand eerst geschreven zijn, zoals in de Verenigde Staten: dit bestand heeft ook ${p.monthFirstShown} (regel ${p.monthFirstRow}${p.monthFirstSheet ? ` van het blad ${p.monthFirstSheet}` : ''}), dat alleen zo te lezen is. Schrijf ${typedOrWritten('nl', p.monthFirst)} als de maand eerst staat, ${typedOrWritten('nl', p.dayFirst)} als de dag eerst staat.`,
    amountNotPositive: () => 'Vul een bedrag in van meer dan € 0,00.',
    amountTooLarge: () => 'Eén bedrag is hoogstens € 100 mld.',
    amountNegative: () => 'Vul een bedrag in van € 0,00 of meer.',
    cellError: (p) => `Deze cel toont de fout ${p.shown}; herstel de formule of typ de waarde in.`,
    garbledText: (p) =>
      `Deze tekst is verminkt door een verkeerde tekenset: ${p.shown} staat er waarschijnlijk voor ${p.meant}. Het bestand is ergens als Windows-1252 gelezen en weer als UTF-8 opgeslagen; herstel de tekst, of maak het bestand opnieuw uit het oorspronkelijke.`,
    formulaWithoutValue: (p) => `Deze cel heeft een formule (${p.shown}) zonder berekende waarde; open het bestand in Excel en sla het op, of typ de waarde in.`,
    mergedCell: (p) => `Deze cel is samengevoegd met ${p.shown} en heeft geen eigen waarde (Excel telt die waarde één keer); maak de samenvoeging ongedaan en vul de waarde in op elke regel waarvoor ze geldt.`,
    missingColumn: (p) => `Dit blad mist de kolom ${p.column}; voeg die toe met de kop uit het sjabloon.`,
    duplicateColumn: (p) => `Deze kolom staat ook al in kolom ${p.first}; verwijder een van beide.`,
    unknownColumn: (p) =>
      p.hidden
        ? 'Deze kolom is verborgen en het sjabloon kent haar niet; maak haar zichtbaar en geef haar de kop van een kolom uit het sjabloon, of verwijder haar.'
        : 'Het sjabloon kent deze kolom niet; geef haar de kop van een kolom uit het sjabloon, of verwijder haar.',
    unheadedColumn: (p) => `Deze kolom heeft geen kop maar wel waarden (de eerste op regel ${p.row}), die dus niet geïmporteerd zouden worden; geef haar de kop van een kolom uit het sjabloon, of maak haar leeg.`,
    headerOverTwoRows: (p) =>
      p.whole
        ? `De kop van deze kolom staat niet in deze cel maar in cel ${p.cell} (${p.other}); zet hem in deze cel, zoals het sjabloon hem noemt (${p.column}), en maak cel ${p.cell} leeg.`
        : `De kop van deze kolom staat over twee regels verdeeld, in deze cel en in cel ${p.cell} (${p.other}); zet de hele kop in deze cel, zoals het sjabloon hem noemt (${p.column}), en maak cel ${p.cell} leeg.`,
    hiddenSheet: (p) =>
      `Het blad ${p.sheet} is ${p.visibility === 'veryHidden' ? 'zeer verborgen (Excel toont het niet bij Zichtbaar maken; zet in de VBA-editor de eigenschap Visible van het blad op xlSheetVisible)' : 'verborgen'}, dus zijn regels zijn niet te zien; maak het blad zichtbaar om ze te importeren, of verwijder het.`,
    hiddenRow: () => 'Deze regel is verborgen (door een filter of met Verbergen), dus niet te zien; maak hem zichtbaar om hem te importeren, of verwijder hem.',
    exampleRowFilledIn: (p) =>
      `Deze regel heeft het kenmerk van het voorbeeld (${p.example}) maar andere gegevens dan het voorbeeld, en wordt daarom niet overgeslagen maar ook niet geïmporteerd; geef hem een eigen kenmerk om hem te importeren, of haal hem weg.`,
    totalsRow: (p) => `Deze regel is een regel met totalen (${p.shown}), geen regel voor het register; haal hem weg uit het bestand dat u importeert (het register telt zelf op).`,
    hiddenColumn: () => 'Deze kolom is verborgen, dus deze waarde is niet te zien; maak de kolom zichtbaar om de regel te importeren, of maak de cel leeg.',
    valueInRepeatedColumn: (p) => `Kolom ${p.other} heeft dezelfde kop als deze kolom en in deze regel ook een waarde, dus welke van de twee bedoeld is, is niet te zeggen; verwijder een van beide kolommen.`,
    duplicateReference: (p) => `Dit kenmerk staat al op regel ${p.row} van ${p.sheet ? `het blad ${p.sheet}` : 'dit blad'} (${KEY_FOLDING.nl}); geef elke regel een eigen kenmerk.`,
    unknownDeliveryReference: (p) =>
      `Er is geen levering met ${p.reference ? `het kenmerk ${p.reference}` : 'dit kenmerk'}, in het bestand noch in het register; voeg de levering toe op het blad Leveringen, of gebruik het kenmerk of id van een levering in het register.`,
    unknownCompanyReference: (p) => `Er is geen bedrijf met het kenmerk ${p.reference}, in het bestand noch in het register; voeg het toe op het blad Bedrijven, of gebruik het kenmerk of id van een bedrijf in het register.`,
    unknownProgramme: (p) => `Er is geen trainingsprogramma met de korte naam ${p.key}, in het bestand noch in het register.`,
    sheetOfOtherRole: (p) =>
      `Met de rol ${roleNames('nl', p.role) || '(geen)'} mag u geen regels van het blad ${p.sheet} vastleggen; dat doet ${roleNames('nl', p.roles)}. Laat deze regels door die rol importeren, of haal ze uit het bestand.`,
    differsFromEarlierImport: () =>
      'Onder dit kenmerk is eerder een regel geïmporteerd die iets anders zei; wijzig het record in het register (een import wijzigt niets), of geef deze regel een nieuw kenmerk.',
    deliveryRowInvalid: (p) => `De levering op regel ${p.row} van het blad ${p.sheet} heeft een fout; herstel die eerst.`,
    companyRowInvalid: (p) => `Het bedrijf op regel ${p.row} van het blad ${p.sheet} heeft een fout; herstel die eerst.`,
    programmeRowInvalid: (p) => `Het trainingsprogramma op regel ${p.row} van het blad ${p.sheet} heeft een fout; herstel die eerst.`,
    differsFromRegister: (p) =>
      `Het register heeft onder dit kenmerk ${shownValue('nl', p.kind, p.stored)}, dit bestand ${shownValue('nl', p.kind, p.inFile)}; ${
        DIFFERENCE_ADVICE.nl(p)
      }`,
    severalRecordsUnderReference: (p) =>
      `Het register heeft onder dit kenmerk meer dan één record, die alleen in hoofdletters of spaties verschillen (${p.stored}); schrijf het kenmerk precies zoals het register het heeft.`,
    computedColumn: (p) => computedColumnReason('nl', p),
    importedRecordRemoved: () => 'Wat eerder onder dit kenmerk is geïmporteerd, is uit het register verwijderd; geef deze regel een nieuw kenmerk om hem opnieuw te importeren.',
    unknownDeliveryId: () => 'Het register heeft geen levering met dit id (meer); haal deze regel uit het bestand, of zet de levering op een regel van het sjabloon met een eigen kenmerk om haar als nieuwe levering te importeren.',
    sameEffectiveDate: (p) => `Deze levering heeft op regel ${p.row} al een waardering met deze ingangsdatum; geef een van beide een andere ingangsdatum of voeg ze samen.`,
    samePaymentReference: (p) => `Deze levering heeft op regel ${p.row} al een betaling met dit kenmerk (${KEY_FOLDING.nl}); geef elke betaling een eigen kenmerk.`,
    brokenUtf8: (p) => `Regel ${p.row} van het CSV-bestand (UTF-8) heeft een teken dat niet te lezen is, waar de andere tekens met accent wel te lezen zijn; typ het teken op die regel opnieuw en sla het bestand op als CSV UTF-8.`,
    brokenUtf16: (p) => `Regel ${p.row} van het CSV-bestand (UTF-16) heeft een teken dat niet te lezen is; sla het bestand opnieuw op, bij voorkeur als CSV UTF-8.`,
    unclosedQuote: (p) => `Het aanhalingsteken op regel ${p.row} van het CSV-bestand wordt nergens gesloten; sluit het of verwijder het.`,
    tooManyColumns: (p) => `Regel ${p.row} van het CSV-bestand heeft meer dan ${p.maximum} cellen, meer dan een rij van een spreadsheet; kijk of het scheidingsteken klopt.`,
    cellTooLong: (p) => `Een cel op regel ${p.row} van het CSV-bestand is langer dan ${p.maximum} tekens, meer dan een cel van een spreadsheet bevat; kijk of er een aanhalingsteken ontbreekt, of maak de tekst korter.`,
    textAfterQuote: (p) =>
      `Een cel op regel ${p.row} van het CSV-bestand begint met een aanhalingsteken, maar na het aanhalingsteken dat haar sluit (op regel ${p.closedRow}) staat nog tekst: er is een aanhalingsteken te veel of te weinig. Zet een aanhalingsteken binnen een cel dubbel (""), of verwijder het.`,
    notAWorkbook: () => 'Dit bestand is geen leesbare Excel-werkmap (XLSX); open het in Excel en sla het op als Excel-werkmap (.xlsx).',
    oldOrProtectedWorkbook: () => 'Dit is een oude Excel-werkmap (.xls) of een werkmap met een wachtwoord; open het in Excel en sla het op als Excel-werkmap (.xlsx) zonder wachtwoord.',
    workbookTooLarge: (p) => `Deze werkmap is uitgepakt groter dan ${p.maximum}; verdeel de regels over meer bestanden.`,
    tooManyRows: (p) => `Dit bestand heeft meer dan ${writtenNumber('nl', p.maximum)} regels; verdeel de regels over meer bestanden.`,
    tooManyCells: (p) => `Dit bestand heeft meer dan ${writtenNumber('nl', p.maximum)} cellen; verwijder lege kolommen en verdeel de regels over meer bestanden.`,
    notASpreadsheet: () => 'Dit bestand is geen spreadsheet maar een ander Office-bestand, zoals een Word-document (.docx) of PowerPoint-presentatie (.pptx); kies het ingevulde sjabloon als Excel-werkmap (.xlsx), CSV- of tekstbestand.',
    openDocumentSpreadsheet: () => 'Dit bestand is een OpenDocument-spreadsheet (.ods), geen Excel-werkmap; open het in LibreOffice Calc of Excel en sla het op als Excel-werkmap (.xlsx).',
    zipArchive: () => 'Dit bestand is een ZIP-archief (gecomprimeerde map), geen Excel-werkmap; pak het uit en kies het ingevulde sjabloon dat erin zit, als Excel-werkmap (.xlsx), CSV- of tekstbestand.',
    notSpreadsheetOrText: () => 'Dit bestand is geen Excel-werkmap (.xlsx) en geen CSV- of tekstbestand, maar bijvoorbeeld een afbeelding of PDF; kies het ingevulde sjabloon.',
    utf16WithoutMark: () => 'Dit bestand lijkt tekst in UTF-16 zonder de markering (byte order mark) die zegt hoe het te lezen is; sla het op als CSV UTF-8 (in Excel: Opslaan als, "CSV UTF-8 (door komma\'s gescheiden)").',
    noKnownSheet: () =>
      'Geen blad van dit bestand heeft de kolomkoppen van het sjabloon op regel 1 of onder een titel; download het sjabloon en gebruik die kolomkoppen, op de eerste regel van het blad of direct onder de titel.',
    noColumnHeaders: (p) =>
      `Van het blad ${p.sheet} wordt niets geïmporteerd: geen van zijn eerste ${writtenNumber('nl', p.rows)} regels heeft de kolomkoppen van het sjabloon. Heeft het regels voor het register, zet dan de kolomkoppen van het sjabloon erboven.`,
    rowAboveHeaders: (p) =>
      `Van het blad ${p.sheet} wordt niets geïmporteerd: boven de kolomkoppen op regel ${p.headerRow} staat op regel ${p.row} meer dan een titel (gegevens, of kolomkoppen over twee regels), die anders ongezien zou wegvallen. Haal die regel weg of zet hem onder de kolomkoppen.`,
    headersOverTwoRows: (p) =>
      `Van het blad ${p.sheet} wordt niets geïmporteerd: het heeft de kolomkoppen van het sjabloon alleen over twee regels verdeeld, ${p.row} en ${p.nextRow} (zo staat ${p.header} in ${p.letter}${p.row} en ${p.letter}${p.nextRow}). Zet elke kop in één cel op regel ${p.row} en haal regel ${p.nextRow} weg.`,
    headersStaggered: (p) =>
      `Van het blad ${p.sheet} wordt niets geïmporteerd: zijn kolomkoppen staan verspringend op twee regels, een deel op regel ${p.row} en de rest op regel ${p.otherRow}. Zet de koppen in ${p.cells} op regel ${p.row} (in ${p.to}), zodat alle kolomkoppen op één regel staan, en haal regel ${p.otherRow} weg.`,
    emptyFile: () => 'Dit bestand is leeg; kies het ingevulde sjabloon.',
    noRows: () => 'Dit bestand heeft de kolomkoppen van het sjabloon, maar geen regels eronder; vul onder de koppen een regel per registratie in.',
    fileTooLarge: (p) => `Dit bestand is te groot: een import is hoogstens ${p.maximum}. Verdeel de regels over meer bestanden.`,
    noValueYet: (p) => `De levering „${p.title}” heeft nog geen waarde (geen waardering of betaling); maak de waarde openbaar als die er is.`,
  },
  en: {
    required: () => 'Fill in this field.',
    noYearAmount: () => 'Enter an amount for at least one budget year.',
    tooLong: (p) => `Use at most ${writtenNumber('en', p.maximum)} characters.`,
    tooShort: (p) => `Use at least ${writtenNumber('en', p.minimum)} characters.`,
    tooFewItems: (p) => `Give at least ${writtenNumber('en', p.minimum)} here.`,
    tooManyItems: (p) => `Give at most ${writtenNumber('en', p.maximum)} here.`,
    tooSmall: (p) => `Enter a number of at least ${writtenNumber('en', p.minimum)}.`,
    tooLarge: (p) => (p.kind === 'amount' ? `Enter an amount of at most ${euro('en', p.maximum)}.` : `Enter a number of at most ${writtenNumber('en', p.maximum)}.`),
    notWholeNumber: () => 'Enter a whole number.',
    wholeNumberOutOfRange: (p) => `Enter a whole number from ${writtenNumber('en', p.minimum)} to ${writtenNumber('en', p.maximum)}.`,
    yearNotBegun: (p) => `The year ${p.year} has not begun: there is nothing to report of it yet. Choose ${p.current} (up to today) or an earlier year.`,
    invalidDate: () => 'Enter an existing date as YYYY-MM-DD.',
    invalidChoice: (p) => `Choose one of: ${p.list ? choices('en', p.list) : p.values}.`,
    invalidUrl: () => 'Enter a full web address (https://…).',
    invalidValue: () => 'This value is not valid.',
    databaseUnavailable: () => 'The database cannot be reached for a moment. Try again in a few seconds.',
    databaseBusy: () => 'The database could not handle this request in time: other work held the data it needs, or it took too long. Try again in a few seconds.',
    totalBeyondExactNumbers: () => `A total in the register exceeds ${euro('en', String(Number.MAX_SAFE_INTEGER))}: more than it can show exactly. Check the amounts entered.`,
    unknownField: () => 'There is no such field; check its name.',
    notBase64: () => 'The content is not base64: send the bytes of the file as base64 (A-Z, a-z, 0-9, + and /, padded with =).',
    invalidMoment: () => 'Enter a moment with its date, time and time zone, such as 2025-09-01T14:00:00+02:00.',
    momentWithoutTimeZone: () => 'This moment has no time zone: add it, such as 2025-09-01T14:00:00+02:00 or 2025-09-01T12:00:00Z.',
    invalidIdempotencyKey: () => 'The Idempotency-Key is not valid: use 1 to 255 visible ASCII characters without spaces, such as a UUID.',
    parameterRepeated: () => 'This parameter is given more than once; give it once.',
    unknownParameter: (p) => `This request takes no parameter "${p.name}"; check its name (a mistyped filter would otherwise give the whole list).`,
    malformedJson: () => 'The body of the request is no readable JSON.',
    bodyNotUtf8: () => 'The body of the request is not valid UTF-8: send the text as UTF-8, or replacement characters (�) would take the place of letters.',
    nestedTooDeeply: (p) => `The body of the request is nested too deeply: at most ${p.maximum} levels of objects and arrays within each other.`,
    bodyNotObject: () => 'The body of the request must be a JSON object of fields.',
    bodyNotTaken: () => 'This request takes no body; send it without one.',
    duplicateKey: (p) => `"${p.key}" appears more than once in the same JSON object; send it once, with the value you mean.`,
    beforeEarlierStage: (p) =>
      `The date of ${stageNoun('en', p.later) ?? 'this stage'} (${p.laterDate}) lies before that of ${stageNoun('en', p.earlier) ?? 'an earlier stage'} (${p.earlierDate}).`,
    afterLaterStage: (p) =>
      `The date of ${stageNoun('en', p.earlier) ?? 'this stage'} (${p.earlierDate}) lies after that of ${stageNoun('en', p.later) ?? 'a later stage'} (${p.laterDate}).`,
    realisedByPayment: (p) =>
      p.firstPaidOn
        ? `A procurement or fund contribution is realised on the day of its first payment (${p.firstPaidOn}).`
        : 'A procurement or fund contribution is realised by its first payment; leave the realisation date empty and add a payment.',
    hasPayments: () => 'This delivery has payments; a delivery from own stock cannot have payments.',
    fulfilledByContract: () => 'An industry contract fulfils this procurement; a contract fulfils procurements only, so the support type stays procurement.',
    hasReadinessRecords: () => 'This delivery from own stock has readiness judgements, replacements or decisions not to replace it; those concern stock only, so the support type stays own stock.',
    belowReplaced: (p) => `Replenishment projects replace ${p.replaced} items of this delivery; enter at least that many.`,
    belowReplacedValue: (p) => `Replenishment projects replace ${euro('en', p.replaced)} of this delivery's value; its value cannot go below that. First lower what the projects replace.`,
    belowClaimedValue: (p) =>
      `EPF claims up to ${p.date} declare ${euro('en', p.claimed)} for this delivery; its value on that day would become ${euro('en', p.value)}, less than was claimed. First change the claims.`,
    quantityBelowDisclosed: (p) =>
      `A disclosure decision states a public quantity that reads as ${writtenNumber('en', p.stated)}; after this change ${p.deliveries === '1' ? `the delivery holds ${writtenNumber('en', p.total)}` : `the ${writtenNumber('en', p.deliveries)} deliveries of that decision hold ${writtenNumber('en', p.total)} together`}. Keep the quantity, or first decide again with a smaller public quantity, or one without a number ("several").`,
    neededForDisclosedQuantity: (p) =>
      `A disclosure decision states a public quantity that reads as ${writtenNumber('en', p.stated)} for ${writtenNumber('en', p.deliveries)} deliveries together; without this one they hold ${writtenNumber('en', p.total)}. This delivery is not removed: first decide again on the others of that decision, with a smaller public quantity, or one without a number ("several").`,
    claimedOnEpf: () => 'This delivery was claimed on the European Peace Facility; work as implementing actor for the EU cannot be claimed, so its funding cannot become EPF.',
    committedFromFund: (p) => `A budget commitment for this delivery is made from ${fundingSourceName('en', p.fund)}; the delivery stays paid from that budget.`,
    namedByRecords: (p) =>
      `This delivery is not removed: ${namingRecords('en', p.records, p.count)} still ${p.count === '1' ? 'names' : 'name'} it. A delivery named elsewhere in the register stays; take it out there first if it does not belong there.`,
    paymentOnStock: () => 'A delivery from own stock is valued, not paid; add a valuation instead.',
    basisNotOfSupportType: (p) =>
      `A delivery of the type "${supportTypeName('en', p.supportType)}" is valued at ${basisNames('en', p.bases)}; choose ${p.bases?.includes(',') ? 'one of those bases' : 'that basis'}.`,
    valuedAtOtherBasis: (p) =>
      `This delivery has a valuation at ${basisNames('en', p.bases)}, which a delivery of the type "${supportTypeName('en', p.supportType)}" is not valued at; withdraw that valuation first, or keep the type.`,
    paymentReferenceTaken: (p) =>
      `This delivery has a payment with this reference already, of ${p.paidOn} (${KEY_FOLDING.en}); give each payment a reference of its own, or first withdraw that payment if it was entered in error.`,
    paymentFarAboveValuation: (p) =>
      `This payment of ${euro('en', p.amount)} is ${writtenNumber('en', p.ratio)} times this delivery's valuation (${euro('en', p.valuation)}). Was the amount typed in cents, or is there a zero too many? If it is right, confirm it to record the payment.`,
    datedInSentLetterPeriod: (p) =>
      p.counted
        ? `This delivery was realised on ${p.date}, in the period of the letter with reference date ${p.referenceDate}${p.paperNumber ? ` (${p.paperNumber})` : ''}, which was sent to parliament already. ${p.counted === 'removed' ? 'Removed, it drops out of the figures at that reference date' : `Recorded, this change moves it in the figures at that reference date ${p.counted === 'fundingSource' ? 'between Dutch support and the work as implementing actor for the EU (EPF)' : 'to another type of support'}`}: the figures the letter printed will no longer match the register at that date (the letter itself stays as it was sent). If that is meant, as with a correction, confirm it.`
        : `${p.date} falls in the period of the letter with reference date ${p.referenceDate}${p.paperNumber ? ` (${p.paperNumber})` : ''}, which was sent to parliament already. Recorded, this changes what the register shows at that reference date: the figures the letter printed will no longer match the register at that date (the letter itself stays as it was sent). If that is meant, as with a correction, confirm it; otherwise choose a date after the reference date.`,
    confirmationRequired: () => 'What was entered is possible, but more likely a mistake; invalidParams names each warning. Send their codes in confirm to record it anyway.',
    alreadyWithdrawn: (p) => `This entry was already withdrawn as of ${p.withdrawnOn ?? ''}.`,
    beforeEntry: (p) => `An entry cannot be withdrawn before its own date (${p.entryDate ?? ''}).`,
    euroHasNoRate: () => 'An amount in euro has no original amount and no exchange rate.',
    invalidExchangeRate: () => 'Write the exchange rate as euro per unit of the currency, with a point and at most eight decimals, such as 0.9215.',
    unknownCurrency: () => 'Use an existing ISO 4217 currency code, such as USD.',
    requiredForCurrency: () => 'Fill this in for an amount in a currency other than the euro.',
    doesNotMatchRate: (p) => `The amount does not match the exchange rate: at this rate it is ${euro('en', p.expected)}.`,
    convertedAmountTooLarge: () => 'At this exchange rate this amount is worth more than €100 billion; one amount is at most €100 billion. Check the amount and the rate.',
    invalidIfMatch: () => 'If-Match must hold the ETag of the version the change is based on, such as "3".',
    ifMatchForOneDelivery: () => 'If-Match is the version of the decisions on one delivery; send it only with a decision on one delivery.',
    beforeFrom: () => 'The end date lies before the start date.',
    tooManyMonths: (p) => `Ask for at most ${writtenNumber('en', p.maximum)} months at a time.`,
    invalidUsername: () => 'Use 2 to 100 lower-case letters, digits and . _ @ -, starting with a letter or digit.',
    invalidEmail: () => 'Enter an e-mail address, such as name@example.org.',
    usernameTaken: () => 'This username exists already.',
    oidcSubjectTaken: (p) => `The account "${p.username}" logs in with this OpenID subject already; one person at the identity provider belongs to one account.`,
    usernameLooksTaken: (p) => `This username is easily taken for that of the account "${p.username}" (a dot, underscore or hyphen, 0 and o, 1 and l, rn and m look alike); choose another.`,
    emailTaken: (p) => `${p.username ? `The account "${p.username}"` : 'Another account'} has this e-mail address already (capitals do not count); an e-mail address belongs to one account.`,
    passwordTooShort: () => 'Use a password of at least 15 characters.',
    passwordTooLong: () => 'Use a password of at most 256 characters.',
    passwordCommon: () => 'This password is too easy to guess: common or leaked, a repetition or a sequence, or it holds the username. Try a sentence of a few words.',
    roleNeedsSecondFactor: () => 'This role needs a second factor; this account has none.',
    onlyWhenConfidential: () => 'This belongs only to a decision to keep it confidential.',
    onlyWhenPublic: () => 'This belongs only to a decision to make it public.',
    ownAccount: () => 'You cannot change or disable your own account; ask another administrator.',
    accountDisabled: () => 'This account is disabled: it gets no new second factor.',
    passwordOfDisabledAccount: () => 'This account is disabled and no longer logs in: it gets no new password.',
    accountWithoutPassword: () => 'This account logs in only through the organisation (the identity provider) and has no password here; its password is changed there.',
    wrongPassword: () => 'This is not the current password.',
    passwordUnchanged: () => 'Choose a password other than the current one.',
    ownPassword: () => 'You change your own password yourself, with your current password (Change password, beside Log out).',
    alreadyDisabled: () => 'This account is disabled already.',
    lastAdministrator: () => 'This is the last administrator who can manage accounts; make another account administrator first.',
    sameRole: () => 'This account has this role already.',
    letterIsFinal: () => 'This letter is final and can no longer be changed.',
    notFinal: () => 'This is possible only once the letter is final.',
    alreadySet: () => 'This has been recorded already and cannot be changed.',
    unknownFigure: (p) => `The text names ${p.name ?? 'a figure'}, which does not exist or may not be made public.`,
    trainingCountedOnlyLater: (p) =>
      `The text names ${p.name ?? 'a figure'}, but it was counted only up to a date after ${p.trainingCountsUpTo}. The letter gives every figure of training given as counted up to ${p.trainingCountsUpTo} ({{trainingCountsUpTo}}: the earliest of the latest counts of the programmes whose figures the text names), so that it holds at the date the letter states. Record this programme's count up to ${p.trainingCountsUpTo} too, or do not name the figure.`,
    recordAfterReferenceDate: (p) =>
      `The text names ${p.name ?? 'a figure'}, but that counts only from ${p.date}, after the reference date: it is not known yet at the reference date. Choose a later reference date, or do not name the figure.`,
    yearAfterReferenceDate: (p) => `The text names ${p.name ?? 'a figure'}, but that year lies after the reference date: that figure is not known yet at the reference date.`,
    commitmentPartOfPublicItem: (p) =>
      `The text names ${p.name ?? 'a commitment'}, of a commitment for one delivery, but that delivery is public together with others as one line, of which only the whole is public: the letter would make its part public. Do not name it, or decide on that delivery apart.`,
    stockDeliveriesNotJudged: (p) =>
      `${p.of === '1' ? `The stock delivery up to ${p.referenceDate} had` : `Of the ${writtenNumber('en', p.of)} stock deliveries up to ${p.referenceDate}, ${writtenNumber('en', p.count)} had`} no judgement of the effect on readiness by that date: the judgement of the effects on the armed forces does not weigh ${p.count === '1' ? 'it' : 'them'}.`,
    shipmentsWithoutLicence: (p) =>
      `${p.of === '1' ? `The delivery handed over or delivered up to ${p.referenceDate} that needed an export licence had` : `Of the ${writtenNumber('en', p.of)} deliveries handed over or delivered up to ${p.referenceDate} that needed an export licence, ${writtenNumber('en', p.count)} had`} no licence covering ${p.count === '1' ? 'it' : 'them'} when ${p.count === '1' ? 'it' : 'they'} left. The section on export control (Toetsing) says a licence was issued for every delivery that needed one; the register does not bear that out for ${p.count === '1' ? 'this delivery' : 'these deliveries'}.`,
    totalFell: (p) => `The text names ${p.name ?? 'a figure'}, but the total fell since the previous letter: name {{decrease}} and {{decreasePercent}}.`,
    totalDidNotFall: (p) => `The text names ${p.name ?? 'a figure'}, but the total did not fall since the previous letter: name {{increase}} and {{increasePercent}}.`,
    deliveryNotNameable: (p) => `The text names the value of delivery ${p.deliveryId ?? ''} (${p.name ?? ''}), but ${UNNAMEABLE.en[p.why as UnnameableDelivery] ?? 'the letter may not name it'}.`,
    letterBeforeReferenceDate: () => 'The date of the letter lies before its reference date.',
    letterBeforePreviousLetter: (p) => `The date of the letter lies before that of the previous letter (${p.date}), which it names.`,
    referenceDateNotReached: (p) => `The reference date lies after today (${p.today}): the figures as at that date are not settled yet. Approve and finalise the letter from its reference date on.`,
    letterDateTooFarAhead: (p) =>
      `The letter is dated ${p.letterDate}, more than ${p.days} days after today. A letter bears the date it goes to parliament; choose a letter date on or before ${p.latest}.`,
    noBlocks: () => 'A letter has at least one text block.',
    noText: () => 'The letter has no text yet: write at least one text block.',
    noSignatoryName: () => 'The letter has no name of its signatory yet: a letter to parliament is signed by a minister by name. Fill in the name with the signature.',
    unclosedPlaceholder: (p) => `In text block ${numberedBlock('en', p)}, "{{" is not closed with "}}" (at "${p.excerpt}"): write a figure as {{name}}.`,
    strayPlaceholderEnd: (p) => `In text block ${numberedBlock('en', p)}, "}}" has no "{{" before it (at "${p.excerpt}"): write a figure as {{name}}.`,
    emptyPlaceholder: (p) => `In text block ${numberedBlock('en', p)}, "{{}}" names no figure (at "${p.excerpt}"): write the name between the braces, or remove them.`,
    unclosedFootnote: (p) => `In text block ${numberedBlock('en', p)}, a footnote "[^" is not closed with "]" (at "${p.excerpt}"): write a footnote as [^text].`,
    emptyFootnote: (p) => `In text block ${numberedBlock('en', p)}, a footnote is empty (at "${p.excerpt}"): write its text between "[^" and "]", or remove it.`,
    typedAmount: (p) =>
      `In text block ${numberedBlock('en', p)}, an amount is typed by hand: "${p.excerpt}". Every amount in the letter is computed from the register: put the name of its figure in its place, such as {{stock}}, or leave the amount out.`,
    typedPercentage: (p) =>
      `In text block ${numberedBlock('en', p)}, a percentage is typed by hand: "${p.excerpt}". Every percentage in the letter is computed from the register: put the name of its figure in its place, such as {{increasePercent}}, or leave the percentage out.`,
    blockKeyFormat: (p) => `The key "${p.key}" of text block ${numberedBlock('en', p)} is no key: start with a letter and use only unaccented letters, digits and single hyphens (such as "industry" or "f16-vliegers").`,
    duplicateBlockKey: (p) => `Text block ${numberedBlock('en', p)} has the same key "${p.key}" as text block ${p.first} (capitals do not count); give every block a key of its own.`,
    blankText: (p) =>
      `The text of text block ${numberedBlock('en', p)} is only spaces or blank lines. Write the text, or empty the field entirely if the letter does not have this section.`,
    finalLetterExists: () => 'There is a final letter with this reference date already.',
    notApproved: () => 'A disclosure officer must approve the public letter first.',
    changedSinceApproval: () => 'The letter has changed since it was approved (its text or the data); it needs a new approval.',
    approvalByWriter: () => 'You wrote this letter (started, changed or submitted it); another disclosure officer approves it.',
    laterLetterIsFinal: () => 'A letter with a later reference date is final already; letters follow each other in time.',
    nulCharacter: () => 'The text holds a NUL character; remove it.',
    loneSurrogate: () => 'The text holds an invalid character (a lone surrogate); type it again.',
    controlCharacter: () => 'The text holds an invisible control character (or a line break where none may be); remove it.',
    directionControl: () => 'The text holds an invisible character that changes the reading direction (such as U+202E); remove it.',
    lineSeparator: () => 'This text stays on one line, but holds an invisible line or paragraph separator (U+2028 or U+2029); remove it.',
    invisibleCharacter: () => 'The text holds an invisible character (such as a zero-width space or a soft hyphen); remove it.',
    noLetterOrDigit: () => 'Use at least one letter or digit.',
    placeholderText: () => 'Replace the question marks with what is known.',
    mixedScripts: (p) =>
      [...(p.letters ?? '')].length === 1
        ? `In "${p.word}", ${pointedLetters('en', p.letters)} is not a ${SCRIPT_ADJECTIVES.en[p.script!]} letter, as the rest of the word is, though it may look exactly like one. Type the word in one script.`
        : `In "${p.word}", ${pointedLetters('en', p.letters)} are not ${SCRIPT_ADJECTIVES.en[p.script!]} letters, as the rest of the word is, though they may look exactly like them. Type the word in one script.`,
    referenceFormat: () => 'Use letters and digits, separated where needed by spaces and - / . _ : , # ( ) + &, starting with a letter or digit.',
    quantityFormat: () => 'Enter a quantity as the public overview gives it, e.g. "3", "ca. 100" or "meerdere": in the digits 0 to 9, no negative number.',
    quantityStatesZero: () => 'A public quantity does not state 0; leave it empty when there is no quantity to state.',
    quantityExpression: (p) =>
      `The public quantity "${p.expression}" is a calculation, not a number: the public would have to work it out, and it cannot be read reliably. State the number itself, such as "6", or say less without a number, such as "several".`,
    quantityNotWhole: (p) =>
      `The public quantity states ${p.stated}, a part of an item: the deliveries count whole items. State a whole number, such as "ca. 3", or say less, such as "several".`,
    categoryNotPresented: (p) =>
      `The public category names other goods than ${p.deliveries === '1' ? 'the delivery is' : 'the deliveries are'} (${eitherName('en', p.categories, vocabulary('en').categories)}). Choose ${p.deliveries === '1' ? 'its' : 'their'} category, or Other to say less.`,
    supportTypesDiffer: (p) =>
      `Deliveries decided public at once are one public line of one type of support; these are of different types (${allNames('en', p.supportTypes, vocabulary('en').supportTypes)}). Decide on the deliveries of each type apart.`,
    valueBasesDiffer: (p) =>
      `The value of deliveries decided public at once is one amount on one basis; these are valued on different bases (${allNames('en', p.bases, vocabulary('en').valuationBases)}). Decide on the deliveries of each basis apart, or keep the value back.`,
    valueTellsAnother: (p) =>
      `The value of these deliveries together, beside a sum made public before, would tell that of “${p.title}”, which was never made public so. Keep the value back, or decide on exactly the deliveries whose values were made public together before.`,
    quantityAboveDelivered: (p) =>
      `The public quantity reads as ${writtenNumber('en', p.stated)}, more than ${p.deliveries === '1' ? 'the delivery holds' : `the ${writtenNumber('en', p.deliveries)} deliveries hold together`} (${writtenNumber('en', p.total)}). State at most ${writtenNumber('en', p.total)}, or say less without a number, such as "several".`,
    dateOutOfRange: (p) => (p.floor ? `Enter a date on or after ${p.floor}.` : `Enter a date on or before ${p.ceiling}.`),
    dateInFuture: () => 'This date lies after today; record only what has happened.',
    undecidedDeliveries: (p) =>
      `${writtenNumber('en', p.count)} ${p.count === '1' ? 'delivery' : 'deliveries'} realised or claimed on the EPF by the reference date ${p.count === '1' ? 'has' : 'have'} no disclosure decision yet. The letter's figures count ${p.count === '1' ? 'it' : 'them'}: decide first.`,
    // The embargo of letters and the review of drafts.
    draftExists: () => 'There is a draft with this reference date already; work on that draft or delete it first.',
    beforeLastFinalLetter: (p) => `The reference date lies before that of the last final letter (${p.date}); a new letter follows it.`,
    paperNumberFormat: () => 'Enter the paper number as parliament writes it, for example "Kamerstuk 22 054, nr. 460".',
    paperNumberTaken: (p) => `The letter with reference date ${p.referenceDate} has this paper number already; each letter has a number of its own.`,
    paperNumberNotAfterEarlierLetter: (p) =>
      `The earlier letter with reference date ${p.referenceDate} has ${p.paperNumber} in the same dossier already: parliament numbers a dossier's papers in the order they come in, so this later letter has a higher number. Check the number, or that letter's.`,
    paperNumberNotBeforeLaterLetter: (p) =>
      `The later letter with reference date ${p.referenceDate} has ${p.paperNumber} in the same dossier: parliament numbers a dossier's papers in the order they come in, so this earlier letter has a lower number. Check the number, or that letter's.`,
    publishedBeforeLetterDate: (p) => `The publication date lies before the date of the letter (${p.letterDate}).`,
    notSent: () => 'Record first that the letter was sent to parliament.',
    momentPassed: () => 'This moment has passed. Leave the field empty to publish the letter now, or choose a later moment.',
    previousLetterNotPublished: (p) => `The previous letter (reference date ${p.date}) is not published yet, or only later: this letter names it and its figures, so publish that one first (or schedule this one no earlier).`,
    alreadySent: () => 'The sending of this letter has been recorded already.',
    letterIsWithdrawn: () => 'This letter was withdrawn: it is not sent or published and no longer changes.',
    sentLetterNotWithdrawn: () => 'This letter was sent to parliament already and is not withdrawn: parliament has it.',
    followedByFinalLetter: (p) => `The letter with reference date ${p.date} is final and follows this one: withdraw that one first.`,
    letterDateNotReached: (p) => `The letter is dated ${p.letterDate}, after today: parliament does not receive a letter dated a day still to come. Record its sending from that date on.`,
    listedNotPublic: (p) =>
      `The letter lists "${p.title}", but that delivery is no longer public since the letter became final. A final letter never changes: publishing it would make public what is not. Decide it public again as the letter lists it, or do not publish this letter.`,
    listedPresentedOtherwise: (p) =>
      `The letter lists "${p.title}", but that delivery has since been made public otherwise (title, description, category or quantity). A final letter never changes: decide it public as the letter lists it, or do not publish this letter.`,
    listedPublicFrom: (p) => `The letter lists "${p.title}", but that delivery is public only from ${p.date}: do not publish the letter earlier.`,
    publicBeforeItsLetter: (p) =>
      `The final letter with reference date ${p.referenceDate}, not yet published, is the first to make "${p.title}" public; a date that has come already would make the delivery public before that letter. Leave the date (publicFrom) out, and the delivery becomes public with the letter, or choose a later date.`,
    datedApartBeforeItsLetter: (p) =>
      `The final letter with reference date ${p.referenceDate}, not yet published, is the first to make "${p.title}" public, together with the deliveries it lists it with. Public from a date apart from them or with other deliveries, it could become public before that letter. Leave the date (publicFrom) out, or decide so after the letter's publication.`,
    namedValueNotPublic: (p) =>
      `The letter names the value of "${p.title}", but that value is no longer public since the letter became final. A final letter never changes: decide the value public again, or do not publish this letter.`,
    namedPartOfPublicItem: (p) =>
      `The letter names ${p.name}, an amount of one delivery of "${p.title}", but since the letter became final that delivery is public together with others as one line, of which only the whole is public. A final letter never changes: decide on that delivery apart again, or do not publish this letter.`,
    namedValueNotAsDecided: (p) =>
      `The letter names the value of "${p.title}" as ${p.printed}, but its disclosure decision has since made ${p.decided} public. A final letter never changes: decide the value public as the letter names it, or do not publish this letter.`,
    notRecorded: () => 'There are no publication details to correct yet.',
    unchanged: () => 'The correction changes nothing in the recorded details.',
    alreadySubmitted: () => 'This letter has been submitted for approval already.',
    alreadyApproved: () => 'This letter has been approved as it reads now already; a second approval adds nothing.',
    notSubmitted: () => 'This letter has not been submitted for approval.',
    // The record of the path, not there or not for the one asking
    recordNotFound: (p) => `No ${recordNoun('en', p.record)} with id ${p.id} was found.`,
    // A record the body names by its id that does not exist (src/domain/references.ts)
    unknownDelivery: () => 'There is no such delivery.',
    unknownTranche: () => 'There is no such tranche.',
    unknownCompany: () => 'There is no such company.',
    unknownContract: () => 'There is no such contract.',
    unknownAssessment: () => 'There is no such assessment.',
    // The European Peace Facility
    implementingActorWork: () => 'Work as implementing actor for the EU cannot be claimed by the Netherlands; it is not in Dutch totals.',
    batchWithDelivery: () => 'A claim for one delivery describes no batch; leave this field empty or choose no delivery.',
    deliveryOrBundle: () => 'Choose a delivery, or describe what the batch covers.',
    aboveDelivered: (p) => `This is more than was delivered: on the claim's date at most ${euro('en', p.availableCents)} can still be claimed for this delivery.`,
    aboveDeclared: (p) => `No more can be compensated than was claimed (${euro('en', p.declaredCents)}).`,
    belowReceived: (p) => `${euro('en', p.receivedCents)} has been received already; the compensation cannot be lower.`,
    beforeAssessment: () => 'This year lies before the assessment.',
    aboveCompensated: (p) => `This is more than is still outstanding (${euro('en', p.outstandingCents)}).`,
    beforeDeclared: (p) => `This date lies before the claim (${p.declaredOn}).`,
    periodOutOfRange: (p) => `This period names ${p.year}; name a period within the years ${p.first} to ${p.last}.`,
    beforeTranche: (p) => `This date lies before the tranche was decided (${p.decidedOn}); a claim on a tranche follows that decision.`,
    trancheNotClaimable: (p) =>
      p.role === 'implementingActor'
        ? 'In this tranche the Netherlands is implementing actor for the EU: that work cannot be claimed by the Netherlands. Choose a tranche the Netherlands claims on, or no tranche.'
        : 'The Netherlands has no role in this tranche and does not claim on it. Choose a tranche the Netherlands claims on, or no tranche.',
    referenceTaken: () => `There is a claim with this reference already (${KEY_FOLDING.en}).`,
    trancheNameTaken: (p) => `This tranche is already in the register: "${p.name}" of this kind (${NAME_FOLDING.en}).`,
    notBlocked: () => 'This claim is not blocked on that date: there is no blockage to lift.',
    beforeBlockage: (p) => `The claim is blocked only from ${p.blockedOn}; a release lies on or after that date.`,
    alreadyBlocked: (p) => `The claim is blocked from ${p.blockedOn} until that blockage is released; a claim is not blocked twice.`,
    nothingRemains: () => 'With this compensation everything has been received: nothing remains to expect a year for; leave this field empty.',
    notAssessed: () => 'This claim has not been assessed yet: money is received on what the EU granted; record the assessment first.',
    receivedBeforeAssessment: (p) => `This date lies before the first assessment (${p.assessedOn}): money is received on what the EU granted.`,
    receivedWhileBlocked: (p) => `The claim is blocked on that date (since ${p.blockedOn}): nothing is received on a blocked claim.`,
    moneyReceivedSince: (p) => `Money was received on this claim on ${p.receivedOn}, so it was not blocked then; choose a date after that receipt.`,
    // The budget
    budgetYearOutOfRange: (p) => `Enter a budget year from ${p.first} to ${p.last}.`,
    beforeFirstYear: () => 'The last year lies before the first year.',
    yearOutsideDecision: (p) => `This year lies outside the decision's period (${p.first}-${p.last}).`,
    duplicateYear: () => 'This year is in the decision already.',
    budgetDecisionTaken: (p) => `This decision is already in the register: "${p.name}" on this fund (${NAME_FOLDING.en}); a decision records its amounts for all its years at once.`,
    notPositive: () => 'Enter an amount above zero.',
    sameYear: () => 'A shift goes to another year than the one it comes from.',
    exceedsYearBudget: (p) => `On that date (or after it) the year ${p.year} holds no more than ${euro('en', p.available)}.`,
    beforeLatestStage: (p) => `This stage lies before the commitment's latest stage (${p.latest}).`,
    stageGoesBack: () => 'A legally committed amount does not go back to a pledge.',
    sameAsLatestStage: () => 'This stage is recorded already: the same stage with the same amount on the same date.',
    duplicateRecord: (p) => `This is already in the register: recorded on ${p.recordedOn} with exactly the same details (${NAME_FOLDING.en}).`,
    duplicateRow: (p) => `This is on row ${p.row} of ${p.sheet ? `the sheet ${p.sheet}` : 'this sheet'} already, with exactly the same details (${NAME_FOLDING.en}).`,
    yearOutsideReach: (p) =>
      `A decision of ${p.decidedOn} is about the budget years ${p.first} to ${p.last}: the current year and those of the multi-year estimates, not a closed year.`,
    afterBudgetYear: (p) => `The budget of ${p.year} closed with that year: a commitment for ${p.year} is made by 31 December ${p.year} at the latest.`,
    beforeBudgetReach: (p) => `A commitment for ${p.year} is made no earlier than in ${p.first}: only then do the multi-year estimates reach ${p.year}.`,
    // Industry
    invalidCountry: () => 'Enter an existing ISO 3166 country code, two letters, such as NL or UA.',
    beforeSigning: (p) => `This date lies before the contract was signed (${p.signedOn}).`,
    milestoneTitleRepeated: (p) => `The contract has the milestone "${p.title}" already (${NAME_FOLDING.en}); give each milestone a name of its own, so that progress is reported on the right one.`,
    aboveContractAmount: (p) => `This price is above what the whole contract is worth (${euro('en', p.amountCents)}).`,
    percentOutOfRange: () => 'Enter a percentage from 0 to 100.',
    beforeLatestReport: (p) => `This date lies before the latest report (${p.latest}).`,
    progressGoesBack: (p) => `The progress is lower than the latest report (${p.latest} %); give the reason.`,
    coproductionStageGoesBack: (p) => `The project had reached the stage "${coproductionStage('en', p.latest)}" already; give the reason it goes back in the note.`,
    replenishmentStageGoesBack: (p) => `The project had reached the stage "${replenishmentStage('en', p.latest)}" already; give the reason it goes back to an earlier stage.`,
    contractReferenceTaken: () => `This company already has a contract with this reference (${KEY_FOLDING.en}); give each contract its own.`,
    registrationNumberTaken: (p) => `${p.company ? `The company "${p.company}"` : 'Another company'} of this country has this registration number already (${KEY_FOLDING.en}).`,
    companyNameTaken: (p) => `This company is already in the register: "${p.name}" of this country (${NAME_FOLDING.en}).`,
    coproductionProjectTaken: (p) => `This project is already in the register: "${p.name}" with this partner (${NAME_FOLDING.en}); record a next stage of that project.`,
    demandBundleTaken: (p) => `This need is already in the register: "${p.name}" in this category (${NAME_FOLDING.en}).`,
    beforeEarlierPrice: () => 'The price paid predates the earlier price; swap the dates.',
    afterContractRecords: (p) => `Something under this contract is recorded on ${p.first} already (a milestone, progress, a price paid or its withdrawal); it was signed on that day at the latest.`,
    belowPricePaid: (p) => `A price of ${euro('en', p.amountCents)} was paid under this contract already; the contract is worth no less.`,
    contractAlreadyWithdrawn: (p) => `This contract was already withdrawn as of ${p.withdrawnOn ?? ''}.`,
    companyAlreadyWithdrawn: (p) => `This company was already withdrawn as of ${p.withdrawnOn ?? ''}.`,
    companyWithdrawn: (p) => `This company was withdrawn as of ${p.withdrawnOn ?? ''}; it is in no overview and nothing is recorded on it any more.`,
    companyHasContracts: (p) => `Contracts of this company still count on this date: ${p.references ?? ''}. Withdraw them first, on or before this date.`,
    companyIsPartner: (p) => `This company is the partner of the co-production projects ${p.projects ?? ''}. Correct the partner of those projects first.`,
    contractWithdrawn: (p) => `This contract was withdrawn as of ${p.withdrawnOn ?? ''}; nothing is recorded under it from that day on (an earlier date is possible: the contract still stood then).`,
    notInFuture: () => 'Enter a date in the future.',
    notProcurement: () => 'This is not a commercial procurement in the register; a contract fulfils procurements only.',
    // Training and readiness.
    invalidProgrammeKey: () => 'Use 1 to 40 lowercase letters, digits and -, starting with a letter (such as stc).',
    nothingCounted: () => 'Fill in at least one count above zero, or the estimated cost.',
    periodAfterCount: (p) =>
      `Training given (trainers, trainees, courses) is counted over a period that has begun; this one begins after the date the count runs up to (${p.countsUpTo}). Only a plan (rotations, soldiers per rotation, estimated cost) may begin later.`,
    programmeKeyTaken: () => 'There already is a training programme with this short name.',
    programmeNameTaken: (p) => `This training programme is already in the register: "${p.name}" (${NAME_FOLDING.en}).`,
    keyNamedByFinalLetter: () => "A final letter names this programme's figures by this short name, so it stays as it is.",
    notStock: () => 'This is only possible for a delivery from own stock.',
    moreThanDelivered: (p) => `Together with other projects that is more than was delivered; at most ${p.kind === 'amount' ? euro('en', p.maximum) : writtenNumber('en', p.maximum)} is left here.`,
    duplicateDelivery: () => 'Name each delivery only once.',
    beforeLatestState: (p) => `The project's current state already holds as of ${p.latest}; a change holds from that day or later.`,
    expectedBeforeState: (p) => `A project not yet delivered is expected on or after the day this state holds from (${p.asOf}).`,
    expectedAfterDelivery: (p) => `A delivered project is no longer expected: fill in an expected date on or before the day it was delivered (${p.asOf}), or leave it empty.`,
    decisionRecorded: (p) => `This decision has been recorded already: on ${p.decidedOn} with the same reason (${KEY_FOLDING.en}).`,
    beforeDecision: (p) => `This date (${p.date}) lies before the decision (${p.decidedOn}); what follows from a decision holds from that day or later.`,
    // Export control
    criterionMissing: (p) => `Criterion ${p.criterion} is missing: an assessment finds on all eight criteria.`,
    criterionTwice: (p) => `Criterion ${p.criterion} is given more than once.`,
    onlyWithConditions: () => 'Conditions belong only to the outcome "positive with conditions".',
    negativeWithoutObjection: () => 'A negative outcome names at least one criterion with an objection.',
    objectionNotNegative: () => 'With an objection on a criterion, the outcome is negative.',
    assessmentNegative: () => 'The assessment is negative: no licence is issued on a negative assessment.',
    licenceBeforeAssessment: (p) => `The licence cannot be issued before the assessment (${p.assessedOn}).`,
    beforeIssued: () => 'The validity ends before the date of issue.',
    validityTooLong: (p) => `A licence is valid for at most ${writtenNumber('en', p.maximum)} years.`,
    fundOtherThanDelivery: (p) =>
      p.fundingSource === 'epf'
        ? 'This delivery is work as implementing actor for the EU, which the EU pays; no commitment on the Dutch budget is made for it.'
        : `This delivery is paid from ${fundingSourceName('en', p.fundingSource)}; make the commitment on that budget, or first change the delivery's funding.`,
    importingStateIsExporter: () => 'The Netherlands is the exporting state; enter the state the goods are exported to, such as UA.',
    importingStateUnderEmbargo: () => 'Russia and Belarus are under an EU arms embargo; no licence for export there is issued. Enter the state the goods are exported to, such as UA.',
    noAssessment: () => 'This delivery has not been assessed; a licence follows a positive assessment.',
    notLatestAssessment: () => 'This is not the latest assessment of this delivery; issue on the latest.',
    sameOfficialAssessed: () => 'Separation of duties: whoever assessed does not issue the licence.',
    inspectionGranted: (p) => `Parliament may inspect this assessment since ${p.grantedOn} already; inspection is granted once.`,
    licenceNumberTaken: () => `A licence with this number exists already (${KEY_FOLDING.en}).`,
    licenceMissing: (p) => `This delivery needs an export licence and has none: it cannot be handed over or delivered on ${p.date}.`,
    noLicenceCovers: (p) => `This delivery needs an export licence that covers it on ${p.date}, and there is none: it cannot be handed over or delivered on that day. Those who may read export control can see why.`,
    licenceMissingAtRegistration: (p) =>
      `This delivery needs an export licence and has none yet, so it cannot have been handed over or delivered on ${p.date}. Register it without that date; after assessment and licence the date can be filled in.`,
    shippedWithoutLicence: (p) =>
      `This delivery needs an export licence (as all support does but ${licenceFreeSupport('en')}) and has none in the register, yet this row records it as handed over or delivered on ${p.date}. If it was shipped before the register was used, under a licence of that time, confirm the warning to import it so; otherwise leave the date empty until it is assessed and licensed in the register.`,
    licenceWithdrawn: () => "This delivery's licence rests on an earlier assessment; the latest assessment has no (valid) licence yet.",
    licenceExpired: (p) => `Licence ${p.licence} expired on ${p.validUntil}; it does not cover a delivery on ${p.date}.`,
    licenceNotYetValid: (p) => `Licence ${p.licence} is valid only from ${p.issuedOn}; it does not cover a delivery on ${p.date}.`,
    quantityAboveLicence: (p) => `Licence ${p.licence} covers ${writtenNumber('en', p.authorised)} items; this delivery is ${writtenNumber('en', p.quantity)} items.`,
    licenceForOtherGoods: (p) =>
      `Licence ${p.licence} is for goods under ${p.militaryListCategory} of the Military List, not for goods of the category "${categoryName('en', p.category)}": it does not cover this delivery on ${p.date}. Issue a licence for these goods, or correct the delivery's category.`,
    militaryListNotOfGoods: (p) =>
      `${p.chosen} of the Military List is for other weapons or platforms than goods of the category "${categoryName('en', p.category)}", which fall under ${eitherName('en', p.fitting, {})}. Equipment (such as ML5, ML11 or ML13) fits goods of any category.`,
    unRegisterNotOfGoods: (p) => `Goods of the category "${categoryName('en', p.category)}" are in the UN Register under "${unRegisterName('en', p.fitting)}"; choose that one, or none.`,
    // Paged lists
    invalidCursor: () => 'This place in the list is not (or no longer) valid; start at the first page.',
    onlyOneCursor: () => 'Give after or before, not both.',
    // Import from spreadsheets
    notAnAmount: () => 'Enter an amount in euros, such as 1,234.56 or €1,234.56.',
    numberAmbiguous: (p) => `${p.shown} can be read two ways: with a comma between thousands or with a decimal comma. Write it without a sign or with a space between thousands (1000 or 1 000).`,
    amountAmbiguous: (p) => `${p.shown} can be read two ways: with a comma between thousands or with a decimal comma. Write it with its cents after a point (1,234.00) or without a sign between thousands (1234).`,
    amountBeyondCents: (p) => `This amount has more than two decimals (${p.shown}), though the cell may show it rounded; round it to whole cents, for example with ROUND(…, 2).`,
    amountTextBeyondCents: (p) => `This amount has more than two decimals (${p.shown}); round it to whole cents.`,
    amountShownOtherwise: (p) =>
      `This cell shows ${p.shown} but holds the number ${writtenNumber('en', p.held)}, which the register would read as euros. Enter the whole amount in euros (such as 1,234,567.89) in a cell formatted as Number, or as Currency in euros.`,
    notADate: (p) => `${p.shown} is not a date; enter a date such as 30-6-2025 or 2025-06-30.`,
    noSuchDate: (p) => `${p.shown} is no existing date; enter a date such as 30-6-2025 or 2025-06-30.`,
    monthFirstDate: (p) =>
      `${p.shown} only reads with the month first, as in the United States (${typedDate('en', p.monthFirst)}); the register reads a date in figures day first. If that day is meant, write ${typedOrWritten('en', p.monthFirst)}.`,
    ambiguousDate: (p) =>
      `${p.shown} may be written month first, as in the United States: this file also has ${p.monthFirstShown} (row ${p.monthFirstRow}${p.monthFirstSheet ? ` of the sheet ${p.monthFirstSheet}` : ''}), which only reads so. Write ${typedOrWritten('en', p.monthFirst)} if the month comes first, ${typedOrWritten('en', p.dayFirst)} if the day does.`,
    amountNotPositive: () => 'Enter an amount of more than €0.00.',
    amountTooLarge: () => 'One amount is at most €100 billion.',
    amountNegative: () => 'Enter an amount of €0.00 or more.',
    cellError: (p) => `This cell shows the error ${p.shown}; correct the formula or type the value.`,
    garbledText: (p) =>
      `This text was garbled by a wrong character set: ${p.shown} probably stands for ${p.meant}. The file was read as Windows-1252 somewhere and saved again as UTF-8; correct the text, or make the file again from the original.`,
    formulaWithoutValue: (p) => `This cell holds a formula (${p.shown}) without a computed value; open the file in Excel and save it, or type the value.`,
    mergedCell: (p) => `This cell is merged into ${p.shown} and holds no value of its own (Excel counts that value once); unmerge the cells and type the value on each row it applies to.`,
    missingColumn: (p) => `This sheet lacks the column ${p.column}; add it with the template's header.`,
    duplicateColumn: (p) => `This column is also in column ${p.first}; delete one of them.`,
    unknownColumn: (p) =>
      p.hidden
        ? "This column is hidden, and the template has no such column; unhide it and give it the header of one of the template's columns, or delete it."
        : "The template has no such column; give it the header of one of the template's columns, or delete it.",
    unheadedColumn: (p) => `This column has values (the first on row ${p.row}) but no header, so they would not be imported; give it the header of one of the template's columns, or empty it.`,
    headerOverTwoRows: (p) =>
      p.whole
        ? `This column's header is not in this cell but in cell ${p.cell} (${p.other}); put it in this cell, as the template names it (${p.column}), and clear cell ${p.cell}.`
        : `This column's header is spread over two rows, this cell and cell ${p.cell} (${p.other}); put the whole header in this cell, as the template names it (${p.column}), and clear cell ${p.cell}.`,
    hiddenSheet: (p) =>
      `The sheet ${p.sheet} is ${p.visibility === 'veryHidden' ? "very hidden (Excel's Unhide does not list it; in the VBA editor set the sheet's Visible property to xlSheetVisible)" : 'hidden'}, so its rows cannot be seen; unhide the sheet to import them, or remove it.`,
    hiddenRow: () => 'This row is hidden (by a filter or by Hide), so it cannot be seen; unhide it to import it, or delete it.',
    exampleRowFilledIn: (p) =>
      `This row has the example's reference (${p.example}) but other data than the example, so it is neither skipped nor imported; give it a reference of its own to import it, or remove it.`,
    totalsRow: (p) => `This row is a row of totals (${p.shown}), not a row for the register; remove it from the file you import (the register adds up by itself).`,
    hiddenColumn: () => 'This column is hidden, so this value cannot be seen; unhide the column to import the row, or clear the cell.',
    valueInRepeatedColumn: (p) => `Column ${p.other} has the same header as this column and a value in this row too, so which of the two is meant cannot be told; delete one of the two columns.`,
    duplicateReference: (p) => `This reference is on row ${p.row} of ${p.sheet ? `the sheet ${p.sheet}` : 'this sheet'} already (${KEY_FOLDING.en}); give every row its own reference.`,
    unknownDeliveryReference: (p) =>
      `There is no delivery with ${p.reference ? `the reference ${p.reference}` : 'this reference'}, neither in the file nor in the register; add the delivery on the Deliveries sheet, or use the reference or id of a delivery in the register.`,
    unknownCompanyReference: (p) => `There is no company with the reference ${p.reference}, neither in the file nor in the register; add it on the Companies sheet, or use the reference or id of a company in the register.`,
    unknownProgramme: (p) => `There is no training programme with the short name ${p.key}, neither in the file nor in the register.`,
    sheetOfOtherRole: (p) =>
      `As ${roleNames('en', p.role) || '(no role)'} you may not record the rows of the sheet ${p.sheet}; ${roleNames('en', p.roles)} does. Have that role import these rows, or take them out of the file.`,
    differsFromEarlierImport: () =>
      'An earlier import took a row under this reference that said something else; change the record in the register (an import changes nothing), or give this row a new reference.',
    deliveryRowInvalid: (p) => `The delivery on row ${p.row} of the sheet ${p.sheet} has a fault; correct that first.`,
    companyRowInvalid: (p) => `The company on row ${p.row} of the sheet ${p.sheet} has a fault; correct that first.`,
    programmeRowInvalid: (p) => `The training programme on row ${p.row} of the sheet ${p.sheet} has a fault; correct that first.`,
    differsFromRegister: (p) =>
      `The register holds ${shownValue('en', p.kind, p.stored)} under this reference, this file ${shownValue('en', p.kind, p.inFile)}; ${
        DIFFERENCE_ADVICE.en(p)
      }`,
    severalRecordsUnderReference: (p) =>
      `The register holds more than one record under this reference, differing only in capitals or spaces (${p.stored}); write the reference exactly as the register has it.`,
    computedColumn: (p) => computedColumnReason('en', p),
    importedRecordRemoved: () => 'What was imported under this reference earlier has been removed from the register; give this row a new reference to import it again.',
    unknownDeliveryId: () => 'The register has no delivery with this id (any more); remove this row from the file, or put the delivery on a row of the template with a reference of its own to import it as a new delivery.',
    sameEffectiveDate: (p) => `This delivery has a valuation with this effective date on row ${p.row} already; give one of them another effective date, or combine them.`,
    samePaymentReference: (p) => `This delivery has a payment with this reference on row ${p.row} already (${KEY_FOLDING.en}); give each payment a reference of its own.`,
    brokenUtf8: (p) => `Row ${p.row} of the CSV file (UTF-8) has a character that cannot be read, where its other accented characters can; type the character on that row again and save the file as CSV UTF-8.`,
    brokenUtf16: (p) => `Row ${p.row} of the CSV file (UTF-16) has a character that cannot be read; save the file again, preferably as CSV UTF-8.`,
    unclosedQuote: (p) => `The quotation mark on row ${p.row} of the CSV file is never closed; close it or delete it.`,
    tooManyColumns: (p) => `Row ${p.row} of the CSV file has more than ${p.maximum} cells, more than a spreadsheet's row; check the separator.`,
    cellTooLong: (p) => `A cell on row ${p.row} of the CSV file is longer than ${p.maximum} characters, more than a spreadsheet's cell holds; look for a missing quotation mark, or shorten the text.`,
    textAfterQuote: (p) =>
      `A cell on row ${p.row} of the CSV file begins with a quotation mark, but text follows the quotation mark that closes it (on row ${p.closedRow}): there is one quotation mark too many or too few. Double a quotation mark inside a cell (""), or delete it.`,
    notAWorkbook: () => 'This file is not a readable Excel workbook (XLSX); open it in Excel and save it as an Excel workbook (.xlsx).',
    oldOrProtectedWorkbook: () => 'This is an old Excel workbook (.xls) or a workbook with a password; open it in Excel and save it as an Excel workbook (.xlsx) without a password.',
    workbookTooLarge: (p) => `This workbook unpacks to more than ${p.maximum}; spread the rows over more files.`,
    tooManyRows: (p) => `This file has more than ${writtenNumber('en', p.maximum)} rows; spread the rows over more files.`,
    tooManyCells: (p) => `This file has more than ${writtenNumber('en', p.maximum)} cells; delete empty columns and spread the rows over more files.`,
    notASpreadsheet: () => 'This file is not a spreadsheet but another Office file, such as a Word document (.docx) or PowerPoint presentation (.pptx); choose the filled-in template as an Excel workbook (.xlsx), CSV or text file.',
    openDocumentSpreadsheet: () => 'This file is an OpenDocument spreadsheet (.ods), not an Excel workbook; open it in LibreOffice Calc or Excel and save it as an Excel workbook (.xlsx).',
    zipArchive: () => 'This file is a ZIP archive (compressed folder), not an Excel workbook; unpack it and choose the filled-in template inside it, as an Excel workbook (.xlsx), CSV or text file.',
    notSpreadsheetOrText: () => 'This file is neither an Excel workbook (.xlsx) nor a CSV or text file but, for example, an image or a PDF; choose the filled-in template.',
    utf16WithoutMark: () => 'This file looks like UTF-16 text without the mark (byte order mark) that says how to read it; save it as CSV UTF-8 (in Excel: Save As, "CSV UTF-8 (Comma delimited)").',
    noKnownSheet: () => "No sheet of this file has the template's column headers on row 1 or below a title; download the template and use its column headers, on the sheet's first row or right below its title.",
    noColumnHeaders: (p) =>
      `Nothing is imported from the sheet ${p.sheet}: none of its first ${writtenNumber('en', p.rows)} rows has the template's column headers. If it holds rows for the register, put the template's column headers above them.`,
    rowAboveHeaders: (p) =>
      `Nothing is imported from the sheet ${p.sheet}: above its column headers on row ${p.headerRow}, row ${p.row} holds more than a title (data, or headers over two rows), which would otherwise be left out unseen. Remove that row or move it below the column headers.`,
    headersOverTwoRows: (p) =>
      `Nothing is imported from the sheet ${p.sheet}: it has the template's column headers only spread over two rows, ${p.row} and ${p.nextRow} (such as ${p.header}, in ${p.letter}${p.row} and ${p.letter}${p.nextRow}). Put each header in one cell on row ${p.row} and remove row ${p.nextRow}.`,
    headersStaggered: (p) =>
      `Nothing is imported from the sheet ${p.sheet}: its column headers are staggered over two rows, some on row ${p.row} and the others on row ${p.otherRow}. Move the headers in ${p.cells} to row ${p.row} (to ${p.to}), so that all column headers are on one row, and remove row ${p.otherRow}.`,
    emptyFile: () => 'This file is empty; choose the filled-in template.',
    noRows: () => "This file has the template's column headers but no rows below them; fill in one row per record below the headers.",
    fileTooLarge: (p) => `This file is too large: an import is at most ${p.maximum}. Spread the rows over more files.`,
    noValueYet: (p) => `The delivery “${p.title}” has no value yet (no valuation or payment); make the value public once it has one.`,
  },
};

export function reason(language: Language, code: string, params: Params = {}): string {
  const message = REASONS[language][code] ?? REASONS[language].invalidValue!;
  return message(withWrittenDates(language, params));
}

/**
 * Parameters that quote what someone typed or a text as it stands (a cell, a heading, an excerpt), a date-like one
 * too; and the readings of a date in figures, which their message gives both as they may be typed and written out.
 */
const QUOTING_PARAMS = new Set(['id', 'shown', 'excerpt', 'stored', 'inFile', 'heading', 'key', 'title', 'reference', 'dayFirst', 'monthFirst']);

/** The dates among a message's parameters written as its reader writes them ("10 september 2025"), rather than as 2025-09-10. */
function withWrittenDates(language: Language, params: Params): Params {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, !QUOTING_PARAMS.has(name) && isIsoDate(value) ? writtenDate(language, value) : value]));
}

/** Made once: a formatter takes far longer to make than to use, and an import's dry run may write thousands of dates. */
const ENGLISH_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

function writtenDate(language: Language, date: IsoDate): string {
  return language === 'nl' ? formatLetterDate(date) : ENGLISH_DATE.format(new Date(`${date}T00:00:00Z`));
}

/** A date given as it may be typed (2025-09-10), written out as its reader writes dates. */
function typedDate(language: Language, date: string | undefined): string {
  return date !== undefined && isIsoDate(date) ? writtenDate(language, date) : (date ?? '');
}

/** A date as it may be typed, in figures and written out: "2025-09-10 of 10 september 2025". */
function typedOrWritten(language: Language, date: string | undefined): string {
  return `${date ?? ''} ${language === 'nl' ? 'of' : 'or'} ${typedDate(language, date)}`;
}

const TITLES: Record<Language, Record<number, string>> = {
  nl: {
    400: 'De invoer is niet geldig',
    401: 'Log eerst in',
    403: 'U mag dit niet doen',
    404: 'Niet gevonden',
    405: 'Methode niet toegestaan',
    409: 'Conflict',
    412: 'Iemand anders heeft dit intussen gewijzigd',
    413: 'Het verzoek is te groot',
    415: 'Verkeerd inhoudstype',
    422: 'Deze Idempotency-Key is al gebruikt voor een ander verzoek',
    428: 'Stuur If-Match mee met de ETag van de versie waarop de wijziging is gebaseerd',
    429: 'Te veel verzoeken; probeer het later opnieuw',
    500: 'Er ging iets mis aan onze kant',
    503: 'Tijdelijk niet beschikbaar; probeer het zo opnieuw',
  },
  en: {
    400: 'The input is not valid',
    401: 'Log in first',
    403: 'You may not do this',
    404: 'Not found',
    405: 'Method not allowed',
    409: 'Conflict',
    412: 'Someone else has changed this in the meantime',
    413: 'The request is too large',
    415: 'Unsupported media type',
    422: 'This Idempotency-Key was used before for another request',
    428: 'Send If-Match with the ETag of the version the change is based on',
    429: 'Too many requests; try again later',
    500: 'Something went wrong on our side',
    503: 'Temporarily unavailable; try again shortly',
  },
};

/** The titles of a status that answers more than one refusal, by the problem's code. */
const TITLES_BY_CODE: Record<Language, Record<string, string>> = {
  nl: {
    confirmationRequired: 'Bevestig eerst de waarschuwing',
    passwordChangeRequired: 'Kies eerst een eigen wachtwoord',
    tooManyWrongPasswords: 'Te vaak een verkeerd wachtwoord; probeer het later opnieuw',
  },
  en: {
    confirmationRequired: 'Confirm the warning first',
    passwordChangeRequired: 'Choose a password of your own first',
    tooManyWrongPasswords: 'Too many wrong passwords; try again later',
  },
};

export function title(language: Language, status: number, code?: string): string {
  return (code && TITLES_BY_CODE[language][code]) || (TITLES[language][status] ?? TITLES[language][500]!);
}
