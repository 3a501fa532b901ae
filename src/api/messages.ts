import { vocabulary, type Language } from '../../common/vocabulary/index.ts';
import { LIFECYCLE_STAGES } from '../domain/delivery.ts';

type Params = Record<string, string>;
type Message = (params: Params) => string;

/** A lifecycle date field (`pledgedAt`) as its stage's noun inside a sentence; undefined for any other field. */
function stageNoun(language: Language, field: string | undefined): string | undefined {
  const stage = LIFECYCLE_STAGES.find((candidate) => `${candidate}At` === field);
  return stage && vocabulary(language).stageNouns[stage];
}

/** An amount in euro cents as a sentence names it: "€ 1.234,56". */
function euro(language: Language, cents: string | undefined): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(Number(cents ?? 0) / 100);
}

/** Why a value was refused, per code, in each language the API speaks. */
const REASONS: Record<Language, Record<string, Message>> = {
  nl: {
    required: () => 'Vul dit veld in.',
    tooLong: (p) => `Gebruik hoogstens ${p.maximum} tekens.`,
    tooSmall: (p) => `Vul een getal in van minstens ${p.minimum}.`,
    tooLarge: (p) => `Vul een getal in van hoogstens ${p.maximum}.`,
    notWholeNumber: () => 'Vul een geheel getal in.',
    invalidDate: () => 'Vul een bestaande datum in als JJJJ-MM-DD.',
    invalidChoice: () => 'Kies een van de mogelijke waarden.',
    invalidUrl: () => 'Vul een volledig webadres in (https://…).',
    invalidValue: () => 'Deze waarde is niet geldig.',
    unknownField: () => 'Dit veld bestaat niet; controleer de naam.',
    beforeEarlierStage: (p) =>
      `De datum van ${stageNoun('nl', p.later) ?? 'deze stap'} (${p.laterDate}) ligt vóór die van ${stageNoun('nl', p.earlier) ?? 'een eerdere stap'} (${p.earlierDate}).`,
    realisedByPayment: (p) =>
      p.firstPaidOn
        ? `Een aankoop of fondsbijdrage is gerealiseerd op de dag van de eerste betaling (${p.firstPaidOn}).`
        : 'Een aankoop of fondsbijdrage is gerealiseerd bij de eerste betaling; laat de realisatiedatum leeg en voeg een betaling toe.',
    hasPayments: () => 'Deze levering heeft betalingen; een levering uit eigen voorraad kan geen betalingen hebben.',
    paymentOnStock: () => 'Een levering uit eigen voorraad wordt niet betaald maar gewaardeerd; voeg een waardering toe.',
    euroHasNoRate: () => 'Een bedrag in euro heeft geen oorspronkelijk bedrag en geen wisselkoers.',
    unknownCurrency: () => 'Gebruik een bestaande valutacode volgens ISO 4217, zoals USD.',
    requiredForCurrency: () => 'Vul dit in voor een bedrag in een andere valuta dan de euro.',
    doesNotMatchRate: (p) => `Het bedrag klopt niet met de wisselkoers; verwacht ${p.expected} eurocent.`,
    invalidIfMatch: () => 'If-Match moet de ETag van de levering bevatten, zoals "3".',
    beforeFrom: () => 'De einddatum ligt vóór de begindatum.',
    tooManyMonths: (p) => `Vraag hoogstens ${p.maximum} maanden tegelijk op.`,
    invalidUsername: () => 'Gebruik 2 tot 100 kleine letters, cijfers en . _ @ -, te beginnen met een letter of cijfer.',
    usernameTaken: () => 'Deze gebruikersnaam bestaat al.',
    passwordTooShort: () => 'Gebruik een wachtwoord van minstens 15 tekens.',
    passwordTooLong: () => 'Gebruik een wachtwoord van hoogstens 256 tekens.',
    passwordCommon: () => 'Dit wachtwoord is te makkelijk te raden: veelgebruikt of uitgelekt, een herhaling of reeks, of met de gebruikersnaam erin. Kies bijvoorbeeld een zin van een paar woorden.',
    roleNeedsSecondFactor: () => 'Deze rol vereist een tweede factor; dit account heeft er geen.',
    onlyWhenConfidential: () => 'Dit hoort alleen bij een besluit tot vertrouwelijkheid.',
    onlyWhenPublic: () => 'Dit hoort alleen bij een besluit tot openbaarmaking.',
    ownAccount: () => 'U kunt uw eigen account niet wijzigen of uitschakelen; vraag een andere beheerder.',
    letterIsFinal: () => 'Deze brief is definitief en kan niet meer worden gewijzigd.',
    notFinal: () => 'Dit kan pas als de brief definitief is.',
    alreadySet: () => 'Dit is al vastgelegd en kan niet meer worden gewijzigd.',
    unknownFigure: (p) => `De tekst noemt ${p.name ?? 'een cijfer'}, maar dat cijfer bestaat niet of mag niet openbaar worden.`,
    letterBeforeReferenceDate: () => 'De datum van de brief ligt vóór de peildatum.',
    finalLetterExists: () => 'Er is al een definitieve brief met deze peildatum.',
    notApproved: () => 'Een openbaarmakingsfunctionaris moet de openbare brief eerst goedkeuren.',
    changedSinceApproval: () => 'De brief is veranderd sinds de goedkeuring (tekst of gegevens); hij moet opnieuw worden goedgekeurd.',
    laterLetterIsFinal: () => 'Er is al een definitieve brief met een latere peildatum; brieven volgen elkaar op in de tijd.',
    nulCharacter: () => 'De tekst bevat een NUL-teken; verwijder het.',
    loneSurrogate: () => 'De tekst bevat een ongeldig teken (een losse surrogaat); typ hem opnieuw.',
    controlCharacter: () => 'De tekst bevat een onzichtbaar stuurteken (of een regeleinde waar dat niet kan); verwijder het.',
    dateOutOfRange: (p) => `Vul een datum in tussen ${p.floor} en ${p.ceiling}.`,
    dateInFuture: () => 'Deze datum ligt na vandaag; leg alleen vast wat al gebeurd is.',
    undecidedDeliveries: (p) =>
      `Er ${p.count === '1' ? 'is' : 'zijn'} nog ${p.count} tot de peildatum gerealiseerde ${p.count === '1' ? 'levering' : 'leveringen'} zonder besluit over openbaarmaking. De cijfers van de brief tellen ${p.count === '1' ? 'die' : 'ze'} mee: besluit daar eerst over.`,
    // The embargo of letters and the review of drafts.
    draftExists: () => 'Er is al een concept met deze peildatum; werk dat concept bij of verwijder het eerst.',
    beforeLastFinalLetter: (p) => `De peildatum ligt vóór die van de laatste definitieve brief (${p.date}); een nieuwe brief volgt daarop.`,
    paperNumberFormat: () => 'Vul het Kamerstuknummer in als "Kamerstuk 22 054, nr. 453".',
    publishedBeforeLetterDate: (p) => `De publicatiedatum ligt vóór de datum van de brief (${p.letterDate}).`,
    publishedAfterPublication: () => 'De publicatiedatum ligt na het moment van publiceren.',
    notSent: () => 'Leg eerst vast dat de brief aan de Kamer is verzonden.',
    alreadySent: () => 'De verzending van deze brief is al vastgelegd.',
    notRecorded: () => 'Er zijn nog geen publicatiegegevens om te corrigeren.',
    unchanged: () => 'De correctie verandert niets aan de vastgelegde gegevens.',
    alreadySubmitted: () => 'Deze brief is al ter goedkeuring aangeboden.',
    notSubmitted: () => 'Deze brief is niet ter goedkeuring aangeboden.',
    // The European Peace Facility
    implementingActorWork: () => 'Werk als uitvoerder voor de EU is niet door Nederland te declareren; het telt niet mee in Nederlandse totalen.',
    aboveDelivered: (p) => `Dit is meer dan er geleverd is: op de declaratiedatum kan voor deze levering nog hoogstens ${euro('nl', p.availableCents)} worden gedeclareerd.`,
    aboveDeclared: (p) => `Er kan niet meer worden gecompenseerd dan gedeclareerd (${euro('nl', p.declaredCents)}).`,
    belowReceived: (p) => `Er is al ${euro('nl', p.receivedCents)} ontvangen; de compensatie kan niet lager zijn.`,
    beforeAssessment: () => 'Dit jaar ligt vóór de beoordeling.',
    aboveCompensated: (p) => `Dit is meer dan er nog openstaat (${euro('nl', p.outstandingCents)}).`,
    beforeDeclared: (p) => `Deze datum ligt vóór de declaratie (${p.declaredOn}).`,
    unknownTranche: () => 'Deze tranche bestaat niet.',
    unknownDelivery: () => 'Deze levering bestaat niet.',
    referenceTaken: () => 'Er is al een declaratie met dit kenmerk.',
  },
  en: {
    required: () => 'Fill in this field.',
    tooLong: (p) => `Use at most ${p.maximum} characters.`,
    tooSmall: (p) => `Enter a number of at least ${p.minimum}.`,
    tooLarge: (p) => `Enter a number of at most ${p.maximum}.`,
    notWholeNumber: () => 'Enter a whole number.',
    invalidDate: () => 'Enter an existing date as YYYY-MM-DD.',
    invalidChoice: () => 'Choose one of the allowed values.',
    invalidUrl: () => 'Enter a full web address (https://…).',
    invalidValue: () => 'This value is not valid.',
    unknownField: () => 'There is no such field; check its name.',
    beforeEarlierStage: (p) =>
      `The date of ${stageNoun('en', p.later) ?? 'this stage'} (${p.laterDate}) lies before that of ${stageNoun('en', p.earlier) ?? 'an earlier stage'} (${p.earlierDate}).`,
    realisedByPayment: (p) =>
      p.firstPaidOn
        ? `A procurement or fund contribution is realised on the day of its first payment (${p.firstPaidOn}).`
        : 'A procurement or fund contribution is realised by its first payment; leave the realisation date empty and add a payment.',
    hasPayments: () => 'This delivery has payments; a delivery from own stock cannot have payments.',
    paymentOnStock: () => 'A delivery from own stock is valued, not paid; add a valuation instead.',
    euroHasNoRate: () => 'An amount in euro has no original amount and no exchange rate.',
    unknownCurrency: () => 'Use an existing ISO 4217 currency code, such as USD.',
    requiredForCurrency: () => 'Fill this in for an amount in a currency other than the euro.',
    doesNotMatchRate: (p) => `The amount does not match the exchange rate; expected ${p.expected} euro cents.`,
    invalidIfMatch: () => 'If-Match must hold the ETag of the delivery, such as "3".',
    beforeFrom: () => 'The end date lies before the start date.',
    tooManyMonths: (p) => `Ask for at most ${p.maximum} months at a time.`,
    invalidUsername: () => 'Use 2 to 100 lower-case letters, digits and . _ @ -, starting with a letter or digit.',
    usernameTaken: () => 'This username exists already.',
    passwordTooShort: () => 'Use a password of at least 15 characters.',
    passwordTooLong: () => 'Use a password of at most 256 characters.',
    passwordCommon: () => 'This password is too easy to guess: common or leaked, a repetition or a sequence, or it holds the username. Try a sentence of a few words.',
    roleNeedsSecondFactor: () => 'This role needs a second factor; this account has none.',
    onlyWhenConfidential: () => 'This belongs only to a decision to keep it confidential.',
    onlyWhenPublic: () => 'This belongs only to a decision to make it public.',
    ownAccount: () => 'You cannot change or disable your own account; ask another administrator.',
    letterIsFinal: () => 'This letter is final and can no longer be changed.',
    notFinal: () => 'This is possible only once the letter is final.',
    alreadySet: () => 'This has been recorded already and cannot be changed.',
    unknownFigure: (p) => `The text names ${p.name ?? 'a figure'}, which does not exist or may not be made public.`,
    letterBeforeReferenceDate: () => 'The date of the letter lies before its reference date.',
    finalLetterExists: () => 'There is a final letter with this reference date already.',
    notApproved: () => 'A disclosure officer must approve the public letter first.',
    changedSinceApproval: () => 'The letter has changed since it was approved (its text or the data); it needs a new approval.',
    laterLetterIsFinal: () => 'A letter with a later reference date is final already; letters follow each other in time.',
    nulCharacter: () => 'The text holds a NUL character; remove it.',
    loneSurrogate: () => 'The text holds an invalid character (a lone surrogate); type it again.',
    controlCharacter: () => 'The text holds an invisible control character (or a line break where none may be); remove it.',
    dateOutOfRange: (p) => `Enter a date between ${p.floor} and ${p.ceiling}.`,
    dateInFuture: () => 'This date lies after today; record only what has happened.',
    undecidedDeliveries: (p) =>
      `${p.count} ${p.count === '1' ? 'delivery' : 'deliveries'} realised by the reference date ${p.count === '1' ? 'has' : 'have'} no disclosure decision yet. The letter's figures count ${p.count === '1' ? 'it' : 'them'}: decide first.`,
    // The embargo of letters and the review of drafts.
    draftExists: () => 'There is a draft with this reference date already; work on that draft or delete it first.',
    beforeLastFinalLetter: (p) => `The reference date lies before that of the last final letter (${p.date}); a new letter follows it.`,
    paperNumberFormat: () => 'Enter the paper number as "Kamerstuk 22 054, nr. 453".',
    publishedBeforeLetterDate: (p) => `The publication date lies before the date of the letter (${p.letterDate}).`,
    publishedAfterPublication: () => 'The publication date lies after the moment of publishing.',
    notSent: () => 'Record first that the letter was sent to parliament.',
    alreadySent: () => 'The sending of this letter has been recorded already.',
    notRecorded: () => 'There are no publication details to correct yet.',
    unchanged: () => 'The correction changes nothing in the recorded details.',
    alreadySubmitted: () => 'This letter has been submitted for approval already.',
    notSubmitted: () => 'This letter has not been submitted for approval.',
    // The European Peace Facility
    implementingActorWork: () => 'Work as implementing actor for the EU cannot be claimed by the Netherlands; it is not in Dutch totals.',
    aboveDelivered: (p) => `This is more than was delivered: on the claim's date at most ${euro('en', p.availableCents)} can still be claimed for this delivery.`,
    aboveDeclared: (p) => `No more can be compensated than was claimed (${euro('en', p.declaredCents)}).`,
    belowReceived: (p) => `${euro('en', p.receivedCents)} has been received already; the compensation cannot be lower.`,
    beforeAssessment: () => 'This year lies before the assessment.',
    aboveCompensated: (p) => `This is more than is still outstanding (${euro('en', p.outstandingCents)}).`,
    beforeDeclared: (p) => `This date lies before the claim (${p.declaredOn}).`,
    unknownTranche: () => 'There is no such tranche.',
    unknownDelivery: () => 'There is no such delivery.',
    referenceTaken: () => 'There is a claim with this reference already.',
  },
};

export function reason(language: Language, code: string, params: Params = {}): string {
  const message = REASONS[language][code] ?? REASONS[language].invalidValue!;
  return message(params);
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
  },
};

export function title(language: Language, status: number): string {
  return TITLES[language][status] ?? TITLES[language][500]!;
}
