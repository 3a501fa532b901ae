import type { NarrativeBlock } from './narrative.ts';

/**
 * The text a first letter starts from, when there is no earlier letter to take the text of. Every
 * figure in it is computed; the rest is for the letter author to write.
 */
export const DEFAULT_BLOCKS: readonly NarrativeBlock[] = [
  {
    key: 'opening',
    heading: null,
    text:
      'Hierbij informeer ik u over de laatste stand van zaken omtrent de levering van militaire goederen aan Oekraïne. ' +
      'De vertrouwelijke bijlage[^Ter vertrouwelijke inzage gelegd, alleen voor de leden, bij het Centraal Informatiepunt Tweede Kamer.] ' +
      'bevat een totaaloverzicht van de tot en met {{referenceDate}} door Defensie geleverde goederen.\n\n' +
      'Per levering wordt een afweging gemaakt of openbaarmaking mogelijk is. De operationele veiligheid blijft leidend in de ' +
      'afweging om informatie al dan niet openbaar te maken. Deze lijst is derhalve niet uitputtend.',
  },
  {
    key: 'finance',
    heading: 'Financiële stand van zaken levering van militaire goederen',
    text:
      '{{headline}} De Nederlandse steun bestaat uit:\n\n{{figuresTable}}\n\n' +
      '· Directe levering: de totale vervangingswaarde van de materiële steun bedroeg op {{referenceDate}} in totaal {{stock}}.\n\n' +
      '· Commerciële verwervingen: de waarde van de commercieel verworven militaire goederen bedraagt op dit moment {{procurement}}.\n\n' +
      '· NAVO-fonds: Nederland heeft tot op heden {{natoFund}} bijgedragen aan het NAVO Ukraine Comprehensive Assistance Package (UCAP).',
  },
  { key: 'industry', heading: 'Industrie', text: '' },
  { key: 'training', heading: 'Training', text: '' },
  { key: 'exportAssessment', heading: 'Toetsing', text: '' },
  { key: 'armedForces', heading: 'Effecten krijgsmacht', text: '' },
  { key: 'europeanPeaceFacility', heading: 'Europese Vredesfaciliteit', text: '' },
];
