/** `public` is a reserved word: the section is exported under that name below. */
const publicPages = {
  navigation: 'Openbare informatie',
  nav: {
    letters: 'Brieven aan de Kamer',
    deliveries: 'Open data',
    compare: 'Brieven vergelijken',
  },
  demonstration: 'Deze omgeving bevat demonstratiegegevens: de brieven en leveringen zijn niet echt.',
  letters: {
    title: 'Leveringenbrieven aan de Tweede Kamer',
    intro: 'De brieven over de militaire steun aan Oekraïne zoals ze naar de Kamer zijn gestuurd. Elke brief heeft een SHA-256-hash: daarmee kan iedereen nagaan dat het de brief is zoals verzonden.',
    caption: 'Verzonden brieven, de nieuwste eerst',
    empty: 'Er zijn nog geen brieven verzonden.',
    noPaperNumber: 'nog niet bekend',
    sha256: 'SHA-256',
    downloads: 'Downloaden',
    downloadAs: 'Downloaden als:',
  },
  letter: {
    title: 'Leveringenbrief van {{date}}',
    notFound: 'Deze brief bestaat niet of is niet openbaar.',
    figuresHeading: 'Gerealiseerde militaire steun',
    figuresCaption: 'Gerealiseerde militaire steun per type, zoals de brief die meldde',
    change: {
      increase: 'Een toename van {{amount}}{{share}} ten opzichte van {{date}}.',
      decrease: 'Een afname van {{amount}}{{share}} ten opzichte van {{date}}.',
      unchanged: 'Evenveel als op {{date}}.',
      lessThan: 'minder dan {{amount}}',
      share: ' of {{percent}}',
      percent: '{{percent}} procent',
      percentLessThan: 'minder dan {{percent}} procent',
    },
    textHeading: 'De brief',
    footnote: 'Voetnoot {{number}}',
    footnotes: 'Voetnoten',
    backToReference: 'Terug naar verwijzing {{number}}',
    checkHeading: 'Controleren dat dit de verzonden brief is',
  },
  check: {
    intro: 'Bij het verzenden is de brief vastgelegd als één tekst, de snapshot: alle cijfers zoals de brief ze drukt, de tekst en het openbare overzicht. De SHA-256-hash van die snapshot is:',
    howTo: 'U kunt dat zelf nagaan, bijvoorbeeld in een terminal: haal de snapshot op en bereken de SHA-256 ervan (sha256sum of shasum -a 256).',
    expect: 'De uitkomst moet gelijk zijn aan de hash hierboven. Elke wijziging van een cijfer, een woord of een levering geeft een andere uitkomst.',
    button: 'Nu controleren in deze browser',
    checking: 'Bezig met controleren…',
    match: 'Klopt: de snapshot heeft precies deze hash. Dit is de brief zoals verzonden.',
    mismatch: 'Klopt niet: de snapshot heeft een andere hash dan de brief vermeldt.',
    failed: 'De snapshot kon niet worden opgehaald. Probeer het later opnieuw.',
  },
};

export { publicPages as public };

export const publicDeliveries = {
  openData: {
    title: 'Meer open data',
    intro: 'Onder CC0 vrij te gebruiken. De leveringen ook in de kolommen van de Ukraine Support Tracker van het Kiel Institute (dat waardeert tegen marktprijzen; Nederland voorraad tegen vervangingswaarde, of boekwaarde waar zij niet wordt vervangen, en de rest tegen wat betaald is), en de cijfers van elke gepubliceerde brief als tijdreeks, zoals de brief ze drukte (afgerond, nooit tot op de cent).',
    kiel: 'In Kiel-formaat',
    figures: 'Cijfers van de brieven',
    catalog: 'Beschrijving van de open data (DCAT-AP-NL, JSON-LD)',
  },
  title: 'Open data: openbare leveringen',
  intro: 'Alle leveringen waarvan is besloten dat ze openbaar zijn, zoals het publiek ze mag lezen. Vertrouwelijke leveringen en leveringen waarover nog niet is besloten, staan hier niet in. De gegevens zijn ook te downloaden.',
  download: 'Downloaden als:',
  caption_one: '{{count}} openbare levering',
  caption_other: '{{count}} openbare leveringen',
  empty: 'Er zijn nog geen openbare leveringen.',
  columns: {
    title: 'Levering',
    detail: 'Toelichting',
    publicSince: 'Openbaar sinds',
  },
};
