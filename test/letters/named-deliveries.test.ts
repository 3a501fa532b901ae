/**
 * What a letter prints of single deliveries is what is realised by its reference date and public: it
 * names the value of a delivery (`{{delivery:ID}}`) only when the delivery was realised by then, as the
 * figures count it, and its disclosure decision makes its value public; naming another keeps the letter
 * from being finalised, saying which delivery and why. The public overview lists a delivery at a date only
 * if the figures count it as realised then: not a purchase whose only payment was withdrawn by then.
 */
import { beforeAll, expect, it } from 'vitest';
import type { PublicLetterSnapshot } from '../../src/letters/snapshot.ts';
import { verifyLetter } from '../../src/register/letters.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { accepted, deliveryRecords, recordingRoles, type RecordingRoles } from '../support/recording-roles.ts';
import { placeholdersOf, submitAndApprove, ifMatchCurrent, SIGNED } from '../support/letters.ts';

const REFERENCE_DATE = '2025-06-30';
const AFTER = '2025-07-01';
const MILLION = 100_000_000; // cents
/** The confirmation of money dated in the period of a letter sent already. */
const SENT_PERIOD = ['datedInSentLetterPeriod'];

describeEachDatabase('the deliveries a letter names and lists at its reference date', (database) => {
  let roles: RecordingRoles;
  const id = {} as Record<'named' | 'handedOverLater' | 'paidLater' | 'withdrawn' | 'valueKept' | 'confidential', string>;
  const { delivery, value, pay } = deliveryRecords(() => roles);
  const decidePublic = (deliveryId: string, publicTitle: string, publicValue: boolean) =>
    accepted(roles.disclosure('POST', '/disclosure-decisions', { deliveryIds: [deliveryId], state: 'public', publicTitle, publicCategory: 'other', publicValue }));
  const draft = async (referenceDate: string, text: string) => {
    const letter = await accepted(roles.author('POST', '/letters', { ...SIGNED, referenceDate, letterDate: '2025-08-10' }));
    return (await accepted(roles.author('PATCH', `/letters/${letter.body.id}`, { blocks: [{ key: 'genoemd', heading: 'Genoemd', text }] }, { 'If-Match': letter.headers.get('ETag')! }), 200)).body;
  };
  const listed = (letter: PublicLetterSnapshot) => letter.overview.flatMap((group) => group.items.map((item) => item.title));

  beforeAll(async () => {
    roles = recordingRoles(database().db);

    // Handed over and valued before the date, its value public: the one the letter may name.
    id.named = await delivery({ ...stockDelivery, title: 'Generatoren (intern)', realisedAt: '2025-05-01' });
    await value(id.named, 7 * MILLION, '2025-05-01');
    await decidePublic(id.named, 'Generatoren', true);
    // Valued before the date, its value public, but realised only after it: handed over after it, or paid after it.
    id.handedOverLater = await delivery({ ...stockDelivery, title: 'Tenten (intern)', realisedAt: AFTER });
    await value(id.handedOverLater, 11 * MILLION, '2025-05-01');
    await decidePublic(id.handedOverLater, 'Tenten', true);
    id.paidLater = await delivery({ ...procurement, title: 'Munitie (intern)' });
    await value(id.paidLater, 13 * MILLION, '2025-05-01');
    await pay(id.paidLater, 13 * MILLION, AFTER);
    await decidePublic(id.paidLater, 'Munitie', true);
    // Paid in May, its value made public; its only payment withdrawn in June, before the date (and before the
    // decision's day: the value made public counted it, so the item withholds that value until decided again).
    id.withdrawn = await delivery({ ...procurement, title: 'Drones (intern)' });
    await value(id.withdrawn, 17 * MILLION, '2025-05-01');
    const payment = await pay(id.withdrawn, 17 * MILLION, '2025-05-01');
    await decidePublic(id.withdrawn, 'Drones', true);
    await accepted(roles.finance('POST', `/payments/${payment}/withdrawal`, { withdrawnOn: '2025-06-01', reason: 'Teruggeboekt' }));
    // Realised and valued before the date, public, but its value kept confidential.
    id.valueKept = await delivery({ ...stockDelivery, title: 'Kachels (intern)', realisedAt: '2025-05-01' });
    await value(id.valueKept, 19 * MILLION, '2025-05-01');
    await decidePublic(id.valueKept, 'Kachels', false);
    id.confidential = await delivery({ ...stockDelivery, title: 'Radars (intern)', realisedAt: '2025-05-01' });
    await value(id.confidential, 23 * MILLION, '2025-05-01');
    await accepted(roles.disclosure('POST', '/disclosure-decisions', { deliveryIds: [id.confidential], state: 'confidential', ground: 'operationalSecurity' }));
  });

  it('names only the value of a delivery realised by the date whose decision makes its value public, and keeps the letter from being finalised over the others', async () => {
    const names = Object.values(id).map((deliveryId) => `delivery:${deliveryId}`);
    const letter = await draft(REFERENCE_DATE, names.map((name) => `{{${name}}}`).join(' '));
    expect(placeholdersOf(letter.problems).sort()).toEqual(names.filter((name) => name !== `delivery:${id.named}`).map((name) => `{{${name}}}`).sort());
    // Each problem says why, in each language.
    const problemOf = (language: 'nl' | 'en', deliveryId: string) => letter.problemsByLanguage[language].find((problem: string) => problem.includes(`{{delivery:${deliveryId}}}`));
    expect(problemOf('nl', id.paidLater)).toBe(`De tekst noemt de waarde van levering ${id.paidLater} ({{delivery:${id.paidLater}}}), maar die levering was op de peildatum niet gerealiseerd (nog niet overgedragen, of niet betaald of de betaling teruggeboekt).`);
    expect(problemOf('en', id.valueKept)).toBe(`The text names the value of delivery ${id.valueKept} ({{delivery:${id.valueKept}}}), but its disclosure decision does not make its value public.`);
    expect(problemOf('en', id.confidential)).toContain('but that delivery is not public');
    expect(letter.problems).toEqual(letter.problemsByLanguage.nl);
    // Only the named delivery's value is printed, under its public id; none of the others' values is anywhere in the letter.
    const snapshot: PublicLetterSnapshot = letter.letter;
    const { publicId } = await database().db.selectFrom('delivery').select('publicId').where('id', '=', id.named).executeTakeFirstOrThrow();
    expect(snapshot.namedFigures).toEqual({ [`delivery:${publicId}`]: '€7 mln.' });
    for (const millions of [11, 13, 17, 19, 23]) expect(JSON.stringify(snapshot)).not.toContain(`€${millions} mln.`);

    const refused = await roles.author('POST', `/letters/${letter.id}/finalisation`, {}, { 'If-Match': `"${letter.version}"`, 'Accept-Language': 'nl' });
    expect(refused.status).toBe(400);
    const reasons = Object.fromEntries(refused.body.invalidParams.map((param: any) => [param.reason.match(/levering ([0-9a-f-]{36})/)?.[1], [param.name, param.code, param.reason]]));
    const why = (deliveryId: string) => reasons[deliveryId]?.[2];
    expect(Object.values(reasons).map(([name, code]: any) => [name, code])).toEqual(Array(5).fill(['blocks', 'deliveryNotNameable']));
    expect(why(id.handedOverLater)).toContain('was op de peildatum niet gerealiseerd');
    expect(why(id.paidLater)).toContain('was op de peildatum niet gerealiseerd');
    expect(why(id.withdrawn)).toContain('maakt haar waarde niet openbaar');
    expect(why(id.valueKept)).toContain('maakt haar waarde niet openbaar');
    expect(why(id.confidential)).toContain('is niet openbaar');
    expect(why(id.named)).toBeUndefined();
  });

  it('names a value only as its decision made it public: after a revaluation, once decided again', async () => {
    const revalued = await delivery({ ...stockDelivery, title: 'Aggregaten (intern)', realisedAt: '2025-05-01' });
    await value(revalued, 43 * MILLION, '2025-05-01');
    await decidePublic(revalued, 'Aggregaten', true);
    await value(revalued, 47 * MILLION, '2025-05-02');
    const letter = await draft('2025-06-28', `{{delivery:${revalued}}}`);
    expect(letter.problemsByLanguage).toEqual({
      nl: [expect.stringContaining(`({{delivery:${revalued}}}), maar haar waarde op de peildatum is niet de waarde die het besluit over openbaarmaking openbaar maakt`)],
      en: [expect.stringContaining(`({{delivery:${revalued}}}), but its value at the reference date is not the value its disclosure decision makes public`)],
    });
    for (const millions of [43, 47]) expect(JSON.stringify(letter.letter)).not.toContain(`€${millions} mln.`);
    const refused = await roles.author('POST', `/letters/${letter.id}/finalisation`, {}, { 'If-Match': `"${letter.version}"`, 'Accept-Language': 'nl' });
    expect(refused.body.invalidParams.map((param: any) => param.reason)).toEqual([expect.stringContaining('is niet de waarde die het besluit over openbaarmaking openbaar maakt')]);

    await decidePublic(revalued, 'Aggregaten', true);
    const decidedAgain = await accepted(roles.author('GET', `/letters/${letter.id}`), 200);
    expect([decidedAgain.body.problems, Object.values(decidedAgain.body.letter.namedFigures)]).toEqual([[], ['€47 mln.']]);
    // Out of the lists the tests below read.
    await accepted(roles.disclosure('POST', '/disclosure-decisions', { deliveryIds: [revalued], state: 'confidential', ground: 'operationalSecurity' }));
  });

  it('names the amount of a commitment only where it could name the value of the delivery it is for', async () => {
    const commitmentFor = async (deliveryId: string | null, millions: number) =>
      (await accepted(roles.finance('POST', '/budget/commitments', { title: `Toezegging ${millions}`, fund: 'ukraineSupportBudget', budgetYear: 2025, deliveryId, stage: 'committed', amountCents: millions * MILLION, effectiveOn: '2025-04-01' }))).body.id as string;
    const commitments = { named: await commitmentFor(id.named, 29), none: await commitmentFor(null, 31), valueKept: await commitmentFor(id.valueKept, 37), confidential: await commitmentFor(id.confidential, 41) };
    const letter = await draft('2025-06-29', Object.values(commitments).map((commitment) => `{{budgetCommitment:${commitment}}}`).join(' '));
    expect(placeholdersOf(letter.problems).sort()).toEqual([`{{budgetCommitment:${commitments.valueKept}}}`, `{{budgetCommitment:${commitments.confidential}}}`].sort());
    expect(Object.values(letter.letter.namedFigures).sort()).toEqual(['€29 mln.', '€31 mln.']);
    for (const millions of [37, 41]) expect(JSON.stringify(letter.letter)).not.toContain(`€${millions} mln.`);
  });

  it('names a delivery realised after the date in a letter at a date it was realised by', async () => {
    const letter = await draft('2025-07-31', `{{delivery:${id.handedOverLater}}} {{delivery:${id.paidLater}}}`);
    expect(letter.problems).toEqual([]);
    expect(Object.values(letter.letter.namedFigures).sort()).toEqual(['€11 mln.', '€13 mln.']);
  });

  it('lists a purchase whose only payment was withdrawn before the date as the figures count it: not at the date, but while it was paid', async () => {
    const atDate = await draft('2025-06-15', '');
    expect(listed(atDate.letter)).toEqual(['Generatoren', 'Kachels']);
    expect(atDate.letter.figures.lines.find((line: any) => line.key === 'procurement').currentCents).toBe(0);

    const whilePaid = await draft('2025-05-31', '');
    expect(listed(whilePaid.letter)).toEqual(['Drones', 'Generatoren', 'Kachels']);
    expect(whilePaid.letter.figures.lines.find((line: any) => line.key === 'procurement').currentCents).toBe(17 * MILLION);
  });
});

describeEachDatabase('a final letter that names a delivery by value', (database) => {
  it('is not published once the value is decided confidential, and is once it is public again', async () => {
    const roles = recordingRoles(database().db);
    const { disclosure, author } = roles;
    const { delivery, value } = deliveryRecords(() => roles);
    const deliveryId = await delivery({ ...stockDelivery, title: 'Generatoren (intern)', realisedAt: '2025-05-01' });
    await value(deliveryId, 7 * MILLION, '2025-05-01');
    const decide = async (publicValue: boolean) =>
      expect((await disclosure('POST', '/disclosure-decisions', { deliveryIds: [deliveryId], state: 'public', publicTitle: 'Generatoren', publicCategory: 'other', publicValue })).status).toBe(201);
    await decide(true);

    const letter = await author('POST', '/letters', { ...SIGNED, referenceDate: REFERENCE_DATE, letterDate: '2025-08-10' });
    const drafted = await author('PATCH', `/letters/${letter.body.id}`, { blocks: [{ key: 'genoemd', heading: 'Genoemd', text: `{{delivery:${deliveryId}}}` }] }, { 'If-Match': letter.headers.get('ETag')! });
    const approved = await submitAndApprove({ author, disclosure }, letter.body.id, drafted.headers.get('ETag')!);
    expect((await author('POST', `/letters/${letter.body.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! })).status).toBe(200);
    expect((await author('POST', `/letters/${letter.body.id}/sending`, undefined, await ifMatchCurrent(author, letter.body.id))).status).toBe(200);

    await decide(false);
    const publication = { paperNumber: 'Kamerstuk 22 054, nr. 455', publishedOn: '2025-08-12' };
    const refused = await author('POST', `/letters/${letter.body.id}/publication`, publication, await ifMatchCurrent(author, letter.body.id));
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams.map((param: { code: string }) => param.code)).toEqual(['namedValueNotPublic']);
    expect(refused.body.invalidParams[0].reason).toContain('Generatoren');

    await decide(true);
    expect((await author('POST', `/letters/${letter.body.id}/publication`, publication, await ifMatchCurrent(author, letter.body.id))).status).toBe(200);
  });

  it('is not published once the delivery of a commitment whose amount it names is decided confidential, and is once it is public again', async () => {
    const roles = recordingRoles(database().db);
    const { disclosure, author, finance } = roles;
    const { delivery, value } = deliveryRecords(() => roles);
    // Handed over after the reference date: the letter does not list it, but names what was committed for it.
    const deliveryId = await delivery({ ...stockDelivery, title: 'Pantservoertuigen (intern)', realisedAt: '2025-09-01' });
    // Dated in the period of the letter the test before sent.
    await value(deliveryId, 43 * MILLION, '2025-05-01', SENT_PERIOD);
    const decide = async (decision: Record<string, unknown>) => expect((await disclosure('POST', '/disclosure-decisions', { deliveryIds: [deliveryId], ...decision })).status).toBe(201);
    const asPublic = { state: 'public', publicTitle: 'Pantservoertuigen', publicCategory: 'other', publicValue: true };
    await decide(asPublic);
    const commitment = await accepted(finance('POST', '/budget/commitments', { title: 'Toezegging pantservoertuigen', fund: 'ukraineSupportBudget', budgetYear: 2025, deliveryId, stage: 'committed', amountCents: 43 * MILLION, effectiveOn: '2025-04-01' }));
    const named = `budgetCommitment:${commitment.body.id}`;

    const letter = await author('POST', '/letters', { ...SIGNED, referenceDate: '2025-07-31', letterDate: '2025-08-10' });
    const drafted = await author('PATCH', `/letters/${letter.body.id}`, { blocks: [{ key: 'genoemd', heading: 'Genoemd', text: `{{${named}}}` }] }, { 'If-Match': letter.headers.get('ETag')! });
    // In public the commitment is named by its place in the text, not its id.
    expect(drafted.body.letter.namedFigures).toEqual({ 'budgetCommitment:1': '€43 mln.' });
    expect(drafted.body.letter.overview).toEqual([]);
    const approved = await submitAndApprove({ author, disclosure }, letter.body.id, drafted.headers.get('ETag')!);
    expect((await author('POST', `/letters/${letter.body.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! })).status).toBe(200);
    expect((await author('POST', `/letters/${letter.body.id}/sending`, undefined, await ifMatchCurrent(author, letter.body.id))).status).toBe(200);

    const publication = { paperNumber: 'Kamerstuk 22 054, nr. 456', publishedOn: '2025-08-12' };
    const refusedWith = async (code: string, naming: string) => {
      const refused = await author('POST', `/letters/${letter.body.id}/publication`, publication, await ifMatchCurrent(author, letter.body.id));
      expect(refused.status).toBe(400);
      expect(refused.body.invalidParams.map((param: { code: string }) => param.code)).toEqual([code]);
      expect(refused.body.invalidParams[0].reason).toContain(naming);
    };
    await decide({ state: 'confidential', ground: 'operationalSecurity' });
    await refusedWith('listedNotPublic', named);
    await decide({ ...asPublic, publicValue: false });
    await refusedWith('namedValueNotPublic', 'Pantservoertuigen');
    expect((await disclosure('GET', `/deliveries/${deliveryId}/disclosure-decisions`)).body.awaitingLetters.map((awaiting: { id: string }) => awaiting.id)).toEqual([letter.body.id]);

    await decide(asPublic);
    expect((await author('POST', `/letters/${letter.body.id}/publication`, publication, await ifMatchCurrent(author, letter.body.id))).status).toBe(200);
  });

  it('verifies as it was final when the value, or its commitment, is decided confidential since; a revaluation since still shows', async () => {
    const roles = recordingRoles(database().db);
    const { disclosure, author, finance } = roles;
    const { delivery, value } = deliveryRecords(() => roles);
    const deliveryId = await delivery({ ...stockDelivery, title: 'Kachels (intern)', realisedAt: '2025-08-01' });
    await value(deliveryId, 9 * MILLION, '2025-08-01');
    const decide = (decision: object) => accepted(disclosure('POST', '/disclosure-decisions', { deliveryIds: [deliveryId], ...decision }));
    await decide({ state: 'public', publicTitle: 'Kachels', publicCategory: 'other', publicValue: true });
    const commitment = (await accepted(finance('POST', '/budget/commitments', {
      title: 'Kachels', fund: 'ukraineSupportBudget', budgetYear: 2025, stage: 'committed', amountCents: 9 * MILLION, effectiveOn: '2025-08-01', deliveryId,
    }))).body.id;
    const letter = await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: '2025-08-31', letterDate: '2025-09-10' }));
    const text = `{{delivery:${deliveryId}}}, {{budgetCommitment:${commitment}}}`;
    const drafted = await accepted(author('PATCH', `/letters/${letter.body.id}`, { blocks: [{ key: 'genoemd', heading: 'Genoemd', text }] }, { 'If-Match': letter.headers.get('ETag')! }), 200);
    const approved = await accepted(submitAndApprove({ author, disclosure }, letter.body.id, drafted.headers.get('ETag')!), 200);
    await accepted(author('POST', `/letters/${letter.body.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }), 200);

    await decide({ state: 'confidential', ground: 'operationalSecurity' });
    expect(await verifyLetter(database().db, letter.body.id)).toMatchObject({ ok: true, figureDifferences: [] });

    await value(deliveryId, 12 * MILLION, '2025-08-15');
    const publicId = (await database().db.selectFrom('delivery').select('publicId').where('id', '=', deliveryId).executeTakeFirstOrThrow()).publicId;
    expect((await verifyLetter(database().db, letter.body.id)).figureDifferences).toEqual([{ figure: `delivery:${publicId}`, published: '€9 mln.', recomputed: '€12 mln.' }]);
  });
});

describeEachDatabase('a final letter whose named value is decided public otherwise since', (database) => {
  it('is not published while its value is decided public otherwise than it prints it, and is once decided public as printed', async () => {
    const roles = recordingRoles(database().db);
    const { disclosure, author } = roles;
    const { delivery, value } = deliveryRecords(() => roles);
    const deliveryId = await delivery({ ...stockDelivery, title: 'Houwitsers (intern)', realisedAt: '2025-05-01' });
    await value(deliveryId, 300 * MILLION, '2025-05-01');
    const decide = async () => accepted(disclosure('POST', '/disclosure-decisions', { deliveryIds: [deliveryId], state: 'public', publicTitle: 'Houwitsers', publicCategory: 'other', publicValue: true }));
    await decide();
    const letter = await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: '2025-06-27', letterDate: '2025-08-10' }));
    const drafted = await accepted(author('PATCH', `/letters/${letter.body.id}`, { blocks: [{ key: 'genoemd', heading: 'Genoemd', text: `{{delivery:${deliveryId}}}` }] }, { 'If-Match': letter.headers.get('ETag')! }), 200);
    const approved = await submitAndApprove({ author, disclosure }, letter.body.id, drafted.headers.get('ETag')!);
    await accepted(author('POST', `/letters/${letter.body.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }), 200);
    await accepted(author('POST', `/letters/${letter.body.id}/sending`, undefined, await ifMatchCurrent(author, letter.body.id)), 200);

    // Revalued before the reference date (confirmed: the letter was sent), and decided public with the new value: open data shows €350 mln.
    await value(deliveryId, 350 * MILLION, '2025-06-01', SENT_PERIOD);
    await decide();
    const publication = { paperNumber: 'Kamerstuk 22 054, nr. 457', publishedOn: '2025-08-12' };
    const refused = await author('POST', `/letters/${letter.body.id}/publication`, publication, { ...(await ifMatchCurrent(author, letter.body.id)), 'Accept-Language': 'nl' });
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams.map((param: { code: string }) => param.code)).toEqual(['namedValueNotAsDecided']);
    expect(refused.body.invalidParams[0].reason).toContain('"Houwitsers" als €300 mln., maar het besluit over openbaarmaking maakt sindsdien €350 mln. openbaar');
    expect((await author('GET', `/letters/${letter.body.id}`)).body.publishedAt).toBeNull();

    await value(deliveryId, 300 * MILLION, '2025-06-02', SENT_PERIOD);
    await decide();
    expect((await author('POST', `/letters/${letter.body.id}/publication`, publication, await ifMatchCurrent(author, letter.body.id))).status).toBe(200);
  });
});
