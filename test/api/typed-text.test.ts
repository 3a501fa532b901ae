/**
 * What a text a person types must say, on every domain's write routes: a required text holds a letter or
 * digit (format characters such as U+200B, or a lone combining mark, say nothing), no text holds a
 * character that turns its reading direction (U+202E) or an invisible one within what it says (U+200B),
 * no text on one line a line separator (U+2028), a title or name holds no run of question marks standing
 * for what was not known nor a word that mixes Latin with Cyrillic or Greek letters, a reference or number
 * has the form of one, and a public quantity is one the public list can print. Each is refused with a 400
 * naming the field, in Dutch and English, and changes nothing. A multi-line text of only spaces is stored as not filled in.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { licenceFor, positiveAssessment } from '../support/export-control.ts';
import { itRefusesEach, registerToTypeInto, type RefusedInput } from '../support/refused-input.ts';
import { fieldReader, type Problems } from '../../web/src/forms/fieldReader.ts';

describeEachDatabase('what a typed text says, on every write route', (database) => {
  const { as, ids, next } = registerToTypeInto(database, ['finance', 'disclosureOfficer', 'licensingOfficer', 'letterAuthor', 'administrator']);

  const publicDecision = (fields: Record<string, unknown>) => ({ deliveryIds: [ids.stock], state: 'public', publicTitle: 'Generatoren', publicCategory: 'nonLethal', ...fields });
  const contract = (fields: Record<string, unknown>) => ({ companyId: ids.company, reference: `R-${next()}`, subject: 'Drones', amountCents: 100, signedOn: '2025-01-01', ...fields });
  const claim = (fields: Record<string, unknown>) => ({ reference: `EPF-${next()}`, batch: 'Leveringen', period: '2024', declaredCents: 100, declaredOn: '2025-01-15', ...fields });
  const commitment = (fields: Record<string, unknown>) => ({ title: 'Bijdrage', fund: 'ukraineSupportBudget', budgetYear: 2025, stage: 'pledged', amountCents: 100, effectiveOn: '2025-04-15', ...fields });
  const payment = (fields: Record<string, unknown>) => ({ amountCents: 100, paidOn: '2025-05-01', ...fields });

  /** Records a reason or note is required for: a claim to block, a milestone and a co-production project that go back. */
  beforeAll(async () => {
    ids.claim = (await as.finance('POST', '/epf/claims', claim({}))).body.claim.id;
    const contracted = await as.registrar('POST', '/industry-contracts', contract({ milestones: [{ title: 'Eerste levering', dueOn: '2025-06-01' }] }));
    const industry = await as.registrar('GET', '/industry?date=2025-12-31');
    const contracts = industry.body.companies.flatMap((company: { contracts: { id: string; milestones: { id: string }[] }[] }) => company.contracts);
    ids.milestone = contracts.find((entry: { id: string }) => entry.id === contracted.body.id).milestones[0].id;
    const reported = await as.registrar('POST', `/contract-milestones/${ids.milestone}/progress`, { percent: 50, reportedOn: '2025-02-01' });
    ids.coproduction = (await as.registrar('POST', '/coproduction-projects', { title: 'Drones', partner: 'Oekraïense partner', stage: 'signed', reachedOn: '2025-01-01' })).body.id;
    ids.letter = (await as.letterAuthor('POST', '/letters', { referenceDate: '2025-06-30' })).body.id;
    expect([reported.status, ...[ids.claim, ids.coproduction, ids.letter].map(Boolean)]).toEqual([201, true, true, true]);
  });

  /** The ETag of the letter's latest version, read when the request is made. */
  const letterVersion = async () => ({ 'If-Match': `"${(await as.letterAuthor('GET', `/letters/${ids.letter}`)).body.version}"` });
  const blocks = (block: Record<string, unknown>) => ({ blocks: [{ key: 'opening', heading: 'Stand', text: 'Tekst.', ...block }] });

  const cases: RefusedInput[] = [
    // Format characters alone say nothing.
    { what: 'a delivery titled with a zero-width space', role: 'registrar', method: 'POST', path: () => '/deliveries', body: () => ({ ...stockDelivery, title: '\u200b' }), field: 'title', code: 'required' },
    { what: 'a company named with a lone combining mark', role: 'registrar', method: 'POST', path: () => '/companies', body: () => ({ name: '\u0301', country: 'NL' }), field: 'name', code: 'required' },
    { what: 'a company public under a zero-width space', role: 'disclosureOfficer', method: 'POST', path: () => `/companies/${ids.company}/disclosure-decisions`, body: () => ({ state: 'public', publicName: ' \u200b ' }), field: 'publicName', code: 'required' },
    { what: 'a delivery public under a zero-width space', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicTitle: '\u200b\u200b' }), field: 'publicTitle', code: 'required' },
    { what: 'a training named with a byte order mark and a combining mark', role: 'registrar', method: 'POST', path: () => '/training-programmes', body: () => ({ key: 'bom', name: '\ufeff\u0301', hostCountry: 'DE', framework: 'bilateral' }), field: 'name', code: 'required' },
    { what: 'a letter signed with a zero-width space', role: 'letterAuthor', method: 'PATCH', path: () => `/letters/${ids.letter}`, body: () => ({ signatoryName: '\u200b' }), headers: letterVersion, field: 'signatoryName', code: 'required' },
    { what: 'a valuation noted with only a right-to-left override', role: 'registrar', method: 'POST', path: () => `/deliveries/${ids.stock}/valuations`, body: () => ({ amountCents: 100, basis: 'replacementValue', effectiveDate: '2025-05-01', note: '\u202e' }), field: 'note', code: 'directionControl' },
    // A character that turns the reading direction, anywhere.
    { what: 'a company named with a right-to-left override', role: 'registrar', method: 'POST', path: () => '/companies', body: () => ({ name: '\u202e', country: 'NL' }), field: 'name', code: 'directionControl' },
    { what: 'a delivery titled with a right-to-left override inside', role: 'registrar', method: 'POST', path: () => '/deliveries', body: () => ({ ...stockDelivery, title: 'Generatoren \u202efdp.exe' }), field: 'title', code: 'directionControl' },
    { what: 'an assessment whose end user holds an isolate', role: 'exportControlAssessor', method: 'POST', path: () => `/deliveries/${ids.licensed}/export-assessments`, body: () => ({ ...positiveAssessment, endUser: 'Ministerie \u2067van\u2069 Defensie' }), field: 'endUser', code: 'directionControl' },
    // No invisible character within what a text says, and no line separator in a text on one line.
    ...['\u200b', '\u2060', '\ufeff', '\u00ad'].map((character): RefusedInput => ({
      what: `a delivery titled with ${JSON.stringify(character)} inside`, role: 'registrar', method: 'POST', path: () => '/deliveries', body: () => ({ ...stockDelivery, title: `Probe${character}x` }), field: 'title', code: 'invisibleCharacter',
    })),
    { what: 'a delivery titled over a line separator', role: 'registrar', method: 'POST', path: () => '/deliveries', body: () => ({ ...stockDelivery, title: 'Probe\u2028x' }), field: 'title', code: 'lineSeparator' },
    { what: 'a delivery public as "Winter\u200buitrusting"', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicTitle: 'Winter\u200buitrusting' }), field: 'publicTitle', code: 'invisibleCharacter' },
    { what: 'a letter signed with a word joiner', role: 'letterAuthor', method: 'POST', path: () => '/letters', body: () => ({ referenceDate: '2025-08-31', signatoryName: 'Jan\u2060Jansen' }), field: 'signatoryName', code: 'invisibleCharacter' },
    { what: 'a letter block headed with a zero-width space', role: 'letterAuthor', method: 'PATCH', path: () => `/letters/${ids.letter}`, body: () => blocks({ heading: 'St\u200band' }), headers: letterVersion, field: 'blocks.0.heading', code: 'invisibleCharacter' },
    { what: 'a letter block headed over a paragraph separator', role: 'letterAuthor', method: 'PATCH', path: () => `/letters/${ids.letter}`, body: () => blocks({ heading: 'Stand\u2029x' }), headers: letterVersion, field: 'blocks.0.heading', code: 'lineSeparator' },
    { what: 'a letter block with a soft hyphen in its text', role: 'letterAuthor', method: 'PATCH', path: () => `/letters/${ids.letter}`, body: () => blocks({ text: 'Munitie\u00adleveringen.' }), headers: letterVersion, field: 'blocks.0.text', code: 'invisibleCharacter' },
    // Titles and names: no run of question marks, a letter or digit.
    { what: 'a delivery titled "nr 460 ? ? ?"', role: 'registrar', method: 'POST', path: () => '/deliveries', body: () => ({ ...stockDelivery, title: 'nr 460 ? ? ?' }), field: 'title', code: 'placeholderText' },
    { what: 'a budget decision at the moment "nr 460 ???"', role: 'finance', method: 'POST', path: () => '/budget/decisions', body: () => ({ moment: 'nr 460 ???', decidedOn: '2025-04-15', fund: 'ukraineSupportBudget', firstYear: 2025, lastYear: 2025, amounts: [{ budgetYear: 2025, amountCents: 100 }] }), field: 'moment', code: 'placeholderText' },
    { what: 'an EPF claim for the period "nr 460 ???"', role: 'finance', method: 'POST', path: () => '/epf/claims', body: () => claim({ period: 'nr 460 ???' }), field: 'period', code: 'placeholderText' },
    { what: 'an EPF claim for the batch "nr 460 ???"', role: 'finance', method: 'POST', path: () => '/epf/claims', body: () => claim({ batch: 'nr 460 ???' }), field: 'batch', code: 'placeholderText' },
    { what: 'a price paid for "nr 460 ???"', role: 'registrar', method: 'POST', path: () => '/price-developments', body: () => ({ item: 'nr 460 ???', earlierPriceCents: 100, earlierOn: '2024-05-01', paidPriceCents: 120, paidOn: '2025-06-01' }), field: 'item', code: 'placeholderText' },
    { what: 'a co-production with the partner "nr 460 ???"', role: 'registrar', method: 'POST', path: () => '/coproduction-projects', body: () => ({ title: 'Drones', partner: 'nr 460 ???', stage: 'signed', reachedOn: '2025-01-01' }), field: 'partner', code: 'placeholderText' },
    { what: 'a demand bundle for the need "nr 460 ???"', role: 'registrar', method: 'POST', path: () => '/demand-bundles', body: () => ({ need: 'nr 460 ???', category: 'ammunition', dutchQuantity: 1, ukrainianQuantity: 1, identifiedOn: '2025-04-01' }), field: 'need', code: 'placeholderText' },
    { what: 'an assessment of the end user "nr 460 ???"', role: 'exportControlAssessor', method: 'POST', path: () => `/deliveries/${ids.licensed}/export-assessments`, body: () => ({ ...positiveAssessment, endUser: 'nr 460 ???' }), field: 'endUser', code: 'placeholderText' },
    { what: 'a letter under the wordmark "nr 460 ???"', role: 'letterAuthor', method: 'POST', path: () => '/letters', body: () => ({ referenceDate: '2025-08-31', wordmark: 'nr 460 ???' }), field: 'wordmark', code: 'placeholderText' },
    { what: 'a letter block headed "nr 460 ???"', role: 'letterAuthor', method: 'PATCH', path: () => `/letters/${ids.letter}`, body: () => blocks({ heading: 'nr 460 ???' }), headers: letterVersion, field: 'blocks.0.heading', code: 'placeholderText' },
    { what: 'an account for "nr 460 ???"', role: 'administrator', method: 'POST', path: () => '/accounts', body: () => ({ username: `vraag-${next()}`, displayName: 'nr 460 ???', role: 'registrar', password: null, oidcSubject: 'vraag' }), field: 'displayName', code: 'placeholderText' },
    { what: 'a delivery sourced from "nr 460 ???"', role: 'registrar', method: 'POST', path: () => '/deliveries', body: () => ({ ...stockDelivery, sources: [{ description: 'nr 460 ???' }] }), field: 'sources.0.description', code: 'placeholderText' },
    { what: 'a delivery titled "???"', role: 'registrar', method: 'POST', path: () => '/deliveries', body: () => ({ ...stockDelivery, title: '???' }), field: 'title', code: 'noLetterOrDigit' },
    { what: 'a delivery titled "nr 460 ???"', role: 'registrar', method: 'POST', path: () => '/deliveries', body: () => ({ ...stockDelivery, title: 'nr 460 ???' }), field: 'title', code: 'placeholderText' },
    { what: 'a delivery with the public title "nr 460 ???"', role: 'registrar', method: 'POST', path: () => '/deliveries', body: () => ({ ...stockDelivery, publicTitle: 'nr 460 ???' }), field: 'publicTitle', code: 'placeholderText' },
    { what: 'a delivery decided public as "???"', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicTitle: '???' }), field: 'publicTitle', code: 'noLetterOrDigit' },
    { what: 'a delivery decided public as "Generatoren ??"', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicTitle: 'Generatoren ??' }), field: 'publicTitle', code: 'placeholderText' },
    { what: 'a commitment titled "???"', role: 'finance', method: 'POST', path: () => '/budget/commitments', body: () => commitment({ title: '???' }), field: 'title', code: 'noLetterOrDigit' },
    { what: 'a delivery counted in "???"', role: 'registrar', method: 'POST', path: () => '/deliveries', body: () => ({ ...stockDelivery, unit: '???' }), field: 'unit', code: 'noLetterOrDigit' },
    { what: 'a purchase from the company "?"', role: 'registrar', method: 'POST', path: () => '/deliveries', body: () => ({ ...procurement, company: '?' }), field: 'company', code: 'noLetterOrDigit' },
    { what: 'a training on "Leopard ???"', role: 'registrar', method: 'POST', path: () => '/training-programmes', body: () => ({ key: `vraag-${next()}`, name: 'Training', hostCountry: 'DE', framework: 'bilateral', systemTrainedOn: 'Leopard ???' }), field: 'systemTrainedOn', code: 'placeholderText' },
    { what: 'a letter signed "nr 460 ???"', role: 'letterAuthor', method: 'POST', path: () => '/letters', body: () => ({ referenceDate: '2025-08-31', letterDate: '2025-09-10', signatoryName: 'nr 460 ???' }), field: 'signatoryName', code: 'placeholderText' },
    { what: 'a milestone titled "Levering ???"', role: 'registrar', method: 'POST', path: () => '/industry-contracts', body: () => contract({ milestones: [{ title: 'Levering ???', dueOn: '2026-01-01' }] }), field: 'milestones.0.title', code: 'placeholderText' },
    // A title or name writes each word in one script: "Drоnes" with a Cyrillic "о" reads as one word and is stored as another.
    { what: 'a delivery titled "Dr\u043enes" with a Cyrillic о', role: 'registrar', method: 'POST', path: () => '/deliveries', body: () => ({ ...stockDelivery, title: 'Dr\u043enes' }), field: 'title', code: 'mixedScripts' },
    { what: 'a delivery with the public title "Dr\u043enes"', role: 'registrar', method: 'POST', path: () => '/deliveries', body: () => ({ ...stockDelivery, publicTitle: 'Dr\u043enes' }), field: 'publicTitle', code: 'mixedScripts' },
    { what: 'a delivery decided public as "Generat\u03bfren" with a Greek ο', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicTitle: 'Generat\u03bfren' }), field: 'publicTitle', code: 'mixedScripts' },
    { what: 'a company named "QA B\u0435drijf BV"', role: 'registrar', method: 'POST', path: () => '/companies', body: () => ({ name: 'QA B\u0435drijf BV', country: 'NL' }), field: 'name', code: 'mixedScripts' },
    { what: 'a company made public as "QA B\u0435drijf BV"', role: 'disclosureOfficer', method: 'POST', path: () => `/companies/${ids.company}/disclosure-decisions`, body: () => ({ state: 'public', publicName: 'QA B\u0435drijf BV' }), field: 'publicName', code: 'mixedScripts' },
    { what: 'a training programme named "Le\u043epard"', role: 'registrar', method: 'POST', path: () => '/training-programmes', body: () => ({ key: `schrift-${next()}`, name: 'Le\u043epard', hostCountry: 'DE', framework: 'bilateral' }), field: 'name', code: 'mixedScripts' },
    // A public quantity the public list can print.
    { what: 'a public quantity of -5', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicQuantity: '-5' }), field: 'publicQuantity', code: 'quantityFormat' },
    { what: 'a public quantity of "???"', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicQuantity: '???' }), field: 'publicQuantity', code: 'noLetterOrDigit' },
    { what: 'a public quantity of "nr 460 ???"', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicQuantity: 'nr 460 ???' }), field: 'publicQuantity', code: 'quantityFormat' },
    { what: 'a public quantity of "1.000.000.000.000"', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicQuantity: '1.000.000.000.000' }), field: 'publicQuantity', code: 'tooLarge' },
    { what: 'a public quantity of "ca. 2 000 000 000 stuks"', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicQuantity: 'ca. 2 000 000 000 stuks' }), field: 'publicQuantity', code: 'tooLarge' },
    ...['１１', '٣٣', 'ca. ５０'].map((publicQuantity): RefusedInput => ({
      what: `a public quantity of ${JSON.stringify(publicQuantity)}`, role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicQuantity }), field: 'publicQuantity', code: 'quantityFormat',
    })),
    { what: 'a public quantity of "0"', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicQuantity: '0' }), field: 'publicQuantity', code: 'quantityStatesZero' },
    ...['2,5', 'ca. 2.5 stuks'].map((publicQuantity): RefusedInput => ({
      what: `a public quantity of ${JSON.stringify(publicQuantity)}`, role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicQuantity }), field: 'publicQuantity', code: 'quantityNotWhole',
    })),
    // The delivery from stock is non-lethal goods: the public may read less of it, not other goods.
    { what: 'non-lethal goods decided public as battle tanks', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicCategory: 'battleTanks' }), field: 'publicCategory', code: 'categoryNotPresented' },
    { what: 'two deliveries decided public as goods neither is', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicCategory: 'warships', deliveryIds: [ids.stock, ids.licensed] }), field: 'publicCategory', code: 'categoryNotPresented' },
    // The delivery from stock holds 8.
    { what: 'a public quantity of "500" for a delivery of 8', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicQuantity: '500' }), field: 'publicQuantity', code: 'quantityAboveDelivered' },
    { what: 'a public quantity of "een miljoen" for a delivery of 8', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicQuantity: 'een miljoen' }), field: 'publicQuantity', code: 'quantityAboveDelivered' },
    { what: 'a public quantity of "5 + 1"', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicQuantity: '5 + 1' }), field: 'publicQuantity', code: 'quantityExpression' },
    { what: 'a public quantity of "geen"', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicQuantity: 'geen' }), field: 'publicQuantity', code: 'quantityStatesZero' },
    { what: 'a public quantity of "duizenden" for a delivery of 8', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicQuantity: 'duizenden' }), field: 'publicQuantity', code: 'quantityAboveDelivered' },
    { what: 'a public quantity of "ca. 20" for two deliveries of 8', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => publicDecision({ publicQuantity: 'ca. 20', deliveryIds: [ids.stock, ids.licensed] }), field: 'publicQuantity', code: 'quantityAboveDelivered' },
    // References and numbers.
    { what: 'a payment referenced "nr 460 ???"', role: 'finance', method: 'POST', path: () => `/deliveries/${ids.procurement}/payments`, body: () => payment({ reference: 'nr 460 ???' }), field: 'reference', code: 'referenceFormat' },
    { what: 'a delivery under contract "???"', role: 'registrar', method: 'POST', path: () => '/deliveries', body: () => ({ ...procurement, contractReference: '???' }), field: 'contractReference', code: 'noLetterOrDigit' },
    { what: 'a commitment under contract "nr 460 ???"', role: 'finance', method: 'POST', path: () => '/budget/commitments', body: () => commitment({ contractReference: 'nr 460 ???' }), field: 'contractReference', code: 'referenceFormat' },
    { what: 'an industry contract referenced "nr 460 ???"', role: 'registrar', method: 'POST', path: () => '/industry-contracts', body: () => contract({ reference: 'nr 460 ???' }), field: 'reference', code: 'referenceFormat' },
    { what: 'an EPF claim referenced "???"', role: 'finance', method: 'POST', path: () => '/epf/claims', body: () => claim({ reference: '???' }), field: 'reference', code: 'noLetterOrDigit' },
    { what: 'an EPF claim referenced "nr 460 ???"', role: 'finance', method: 'POST', path: () => '/epf/claims', body: () => claim({ reference: 'nr 460 ???' }), field: 'reference', code: 'referenceFormat' },
    { what: 'a licence numbered "nr 460 ???"', role: 'licensingOfficer', method: 'POST', path: () => `/deliveries/${ids.licensed}/export-licences`, body: () => ({ ...licenceFor(ids.assessment!), number: 'nr 460 ???' }), field: 'number', code: 'referenceFormat' },
    // A reason that is required says something.
    { what: 'a claim blocked for the reason "???"', role: 'finance', method: 'POST', path: () => `/epf/claims/${ids.claim}/blockages`, body: () => ({ blocked: true, effectiveOn: '2025-02-01', reason: '???' }), field: 'reason', code: 'noLetterOrDigit' },
    { what: 'progress going back for the reason "..."', role: 'registrar', method: 'POST', path: () => `/contract-milestones/${ids.milestone}/progress`, body: () => ({ percent: 40, reportedOn: '2025-02-02', reason: '...' }), field: 'reason', code: 'progressGoesBack' },
    { what: 'a co-production project going back noted "-"', role: 'registrar', method: 'POST', path: () => `/coproduction-projects/${ids.coproduction}/stages`, body: () => ({ stage: 'memorandum', reachedOn: '2025-02-01', note: '-' }), field: 'note', code: 'coproductionStageGoesBack' },
    { what: 'a company registered as "???"', role: 'registrar', method: 'POST', path: () => '/companies', body: () => ({ name: `Bedrijf ${next()}`, country: 'NL', registrationNumber: '???' }), field: 'registrationNumber', code: 'noLetterOrDigit' },
  ];

  itRefusesEach(cases, as, database);

  it('takes the references, titles and quantities the register and its letter use', async () => {
    const delivery = await as.registrar('POST', '/deliveries', { ...procurement, title: 'Wat levert Nederland? F-16’s', contractReference: 'DMO/2025/0012-b' });
    expect(delivery.status, JSON.stringify(delivery.body)).toBe(201);
    // Words of different scripts side by side, each in one; a description may quote what it likes.
    const quoted = await as.registrar('POST', '/deliveries', { ...stockDelivery, title: 'Т-72Б3 Oekraïne – Україна', description: 'Typed as "Dr\u043enes".' });
    expect(quoted.status, JSON.stringify(quoted.body)).toBe(201);
    expect((await as.finance('POST', `/deliveries/${delivery.body.id}/payments`, payment({ reference: 'SR-2025-08-31' }))).status).toBe(201);
    expect((await as.finance('POST', '/budget/commitments', commitment({ contractReference: 'KTR-7_1' }))).status).toBe(201);
    expect((await as.registrar('POST', '/industry-contracts', contract({ reference: `Demonstratie: G2B-drones-${next()}` }))).status).toBe(201);
    expect((await as.finance('POST', '/epf/claims', claim({ reference: `EPF-NL-2025-07.${next()}` }))).status).toBe(201);
    expect((await as.registrar('POST', '/companies', { name: `Bedrijf ${next()}`, country: 'NL', registrationNumber: 'KVK 12345678' })).status).toBe(201);
    // A purchase without a quantity: what the public quantity says is not held against one.
    for (const publicQuantity of ['3', 'ca. 100', 'meerdere', '1.000.000.000 patronen', '2-3']) {
      const decided = await as.disclosureOfficer('POST', '/disclosure-decisions', publicDecision({ publicQuantity, publicCategory: 'ammunition', deliveryIds: [ids.procurement] }));
      expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    }
    // The delivery from stock holds 8: a coarser quantity, or one that names a type, is taken.
    for (const publicQuantity of ['8', 'ca. 5', 'meerdere', '0,5 ton', '4 F-16’s']) {
      const decided = await as.disclosureOfficer('POST', '/disclosure-decisions', publicDecision({ publicQuantity }));
      expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    }
  });

  it('stores a multi-line text of only spaces as not filled in', async () => {
    const created = await as.registrar('POST', '/deliveries', { ...stockDelivery, description: '   \n\t ' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const delivery = await database().db.selectFrom('delivery').select('description').where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(delivery.description).toBe('');
    const paid = await as.finance('POST', `/deliveries/${ids.procurement}/payments`, payment({ note: '  \u200b ' }));
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(paid.body.note).toBe('');
    const decided = await as.disclosureOfficer('POST', '/disclosure-decisions', { ...publicDecision({ publicDetail: ' \n ', note: '   ' }), deliveryIds: [created.body.id] });
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    const decision = await database().db.selectFrom('disclosureDecision').select(['publicDetail', 'note']).where('deliveryId', '=', created.body.id).executeTakeFirstOrThrow();
    expect(decision).toEqual({ publicDetail: '', note: '' });
    const programme = await as.registrar('POST', '/training-programmes', { key: 'blank', name: 'Programma', hostCountry: 'DE', framework: 'bilateral', description: ' \n ' });
    expect(programme.status, JSON.stringify(programme.body)).toBe(201);
    const contributed = await as.registrar('POST', `/training-programmes/${programme.body.id}/contributions`, { periodFrom: '2024-01-01', countsUpTo: '2025-01-01', trainers: 1, note: '\t \n' });
    expect(contributed.status, JSON.stringify(contributed.body)).toBe(201);
    const notes = await database().db.selectFrom('trainingContribution').select('note').where('programmeId', '=', programme.body.id).execute();
    expect(notes).toEqual([{ note: '' }]);
    const stored = await database().db.selectFrom('trainingProgramme').select('description').where('id', '=', programme.body.id).executeTakeFirstOrThrow();
    expect(stored.description).toBe('');
  });

  it('stores a text on one line that may be left empty, showing nothing, as empty: an account\'s name', async () => {
    const account = await as.administrator('POST', '/accounts', { username: `leeg.${next()}`, displayName: '\u00ad\u2060\u0301', role: 'registrar', password: 'correct horse battery staple 77' });
    expect(account.status, JSON.stringify(account.body)).toBe(201);
    expect(account.body.account.displayName).toBe('');
  });
});

describe('the browser takes a required text of only invisible characters as not filled in, before sending', () => {
  it.each([['\u200b', 'required'], [' \u0301 ', 'required'], ['\ufeff', 'required'], ['B.V.', undefined]] as const)('%j', (typed, problem) => {
    const problems: Problems = {};
    fieldReader({ name: typed }, problems).required('name');
    expect(problems.name).toBe(problem);
  });
});
