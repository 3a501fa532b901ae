export const accessibility = {
  title: 'Toegankelijkheidsverklaring',
  aim: 'Steunregister moet voor iedereen bruikbaar zijn. Het streeft naar de succescriteria van WCAG 2.2 op niveau AA; de wet vraagt dat overheidswebsites en -applicaties, ook interne, voldoen aan WCAG 2.1 op niveau AA.',
  testingHeading: 'Hoe dit wordt gecontroleerd',
  testing: "Bij elke wijziging van de applicatie toetst een automatische test (axe) elke pagina en elk formulier, ook met foutmeldingen, in het Nederlands aan WCAG 2.0, 2.1 en 2.2 op niveau A en AA, en in het Engels de pagina's waar de taal meer verandert dan de woorden: formulieren met foutmeldingen, tabellen, de grafiek, datums en getallen. Er mogen geen overtredingen zijn. Een automatische toets vindt niet alles; een onderzoek door een onafhankelijke deskundige heeft nog niet plaatsgevonden.",
  limitationsHeading: 'Bekende beperkingen',
  chart: 'De grafiek van de gerealiseerde steun door de tijd is een afbeelding. Dezelfde gegevens staan in de tabel onder de grafiek.',
  dates: 'Datumvelden tonen de datum in de notatie van uw browser; u kunt de datum ook typen.',
  reportHeading: 'Een probleem melden',
  report: 'Kunt u iets in het register niet gebruiken? Meld het bij de functioneel beheerder van het register in uw organisatie, met de pagina en wat u probeerde te doen.',
};
