/**
 * Deliveries decided public at once are one public item, of which the public reads only what they hold
 * together: their value summed. A letter that names the value of one of them (`{{delivery:ID}}`), or the amount
 * or year of a commitment made for one of them (`{{budgetCommitment:ID}}`, `.year`), would print a part the
 * decision never made public, and beside open data's sum tell the others' share. It is refused with why: in the
 * draft, at finalisation, and at publication where a decision since the letter became final made the delivery
 * one of several.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { ifMatchCurrent, placeholdersOf, SIGNED, submitAndApprove } from '../support/letters.ts';
import { accepted, deliveryRecords, recordingRoles } from '../support/recording-roles.ts';

const MILLION = 100_000_000; // cents

describeEachDatabase('a letter naming what belongs to one delivery of a public item', (database) => {
  const setUp = () => {
    const roles = recordingRoles(database().db);
    const { delivery, value } = deliveryRecords(() => roles);
    const shipment = async (title: string, realisedAt: string, millions: number) => {
      const id = await delivery({ ...stockDelivery, title, realisedAt });
      await value(id, millions * MILLION, realisedAt);
      return id;
    };
    const decidePublic = (deliveryIds: string[], publicTitle: string) =>
      accepted(roles.disclosure('POST', '/disclosure-decisions', { deliveryIds, state: 'public', publicTitle, publicCategory: 'other', publicValue: true }));
    const commitmentFor = async (deliveryId: string, millions: number) =>
      (await accepted(roles.finance('POST', '/budget/commitments', { title: `Toezegging ${millions}`, fund: 'ukraineSupportBudget', budgetYear: 2025, deliveryId, stage: 'committed', amountCents: millions * MILLION, effectiveOn: '2025-04-01' }))).body.id as string;
    const draft = async (referenceDate: string, text: string) => {
      const letter = await accepted(roles.author('POST', '/letters', { ...SIGNED, referenceDate, letterDate: '2025-08-10' }));
      return accepted(roles.author('PATCH', `/letters/${letter.body.id}`, { blocks: [{ key: 'genoemd', heading: 'Genoemd', text }] }, { 'If-Match': letter.headers.get('ETag')! }), 200);
    };
    return { roles, shipment, decidePublic, commitmentFor, draft };
  };

  it('is refused in the draft and at finalisation, saying why, and prints none of that delivery’s money', async () => {
    const { roles, shipment, decidePublic, commitmentFor, draft } = setUp();
    const first = await shipment('Laarzen (intern, mei)', '2025-05-01', 7);
    const second = await shipment('Laarzen (intern, juni)', '2025-06-01', 11);
    await decidePublic([first, second], 'Laarzen');
    const commitment = await commitmentFor(first, 29);
    const names = [`{{budgetCommitment:${commitment}}}`, `{{budgetCommitment:${commitment}.year}}`, `{{delivery:${first}}}`];

    const drafted = await draft('2025-06-30', names.join(' '));
    expect(placeholdersOf(drafted.body.problems).sort()).toEqual([...names].sort());
    const problemOf = (language: 'nl' | 'en', name: string) => drafted.body.problemsByLanguage[language].find((problem: string) => problem.includes(name));
    expect(problemOf('nl', names[0]!)).toBe(
      `De tekst noemt ${names[0]}, van een verplichting voor één levering, maar die levering is openbaar samen met andere als één regel, waarvan alleen het geheel openbaar is: de brief zou haar deel openbaar maken. Noem het niet, of besluit over die levering apart.`,
    );
    expect(problemOf('en', names[1]!)).toBe(
      `The text names ${names[1]}, of a commitment for one delivery, but that delivery is public together with others as one line, of which only the whole is public: the letter would make its part public. Do not name it, or decide on that delivery apart.`,
    );
    expect(problemOf('en', names[2]!)).toBe(
      `The text names the value of delivery ${first} (${names[2]}), but that delivery is public together with others as one line, of which only the whole is public.`,
    );
    for (const printed of ['€29 mln.', '€7 mln.']) expect(JSON.stringify(drafted.body.letter)).not.toContain(printed);

    const refused = await roles.author('POST', `/letters/${drafted.body.id}/finalisation`, {}, { 'If-Match': drafted.headers.get('ETag')! });
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams.map((param: { code: string }) => param.code).sort()).toEqual(['commitmentPartOfPublicItem', 'commitmentPartOfPublicItem', 'deliveryNotNameable']);
  });

  it('is not published once a decision since made the delivery of a named commitment one of several, and is once it is decided apart', async () => {
    const { roles, shipment, decidePublic, commitmentFor, draft } = setUp();
    const { author, disclosure } = roles;
    // Handed over after the reference date: the letter does not list them, but names what was committed for one.
    const named = await shipment('Radio’s (intern, september)', '2025-09-01', 13);
    const other = await shipment('Radio’s (intern, oktober)', '2025-10-01', 17);
    await decidePublic([named], 'Radio’s');
    const commitment = await commitmentFor(named, 31);
    const drafted = await draft('2025-07-31', `{{budgetCommitment:${commitment}}}`);
    expect(drafted.body.problems).toEqual([]);
    expect(drafted.body.letter.namedFigures).toEqual({ 'budgetCommitment:1': '€31 mln.' });
    const approved = await submitAndApprove({ author, disclosure }, drafted.body.id, drafted.headers.get('ETag')!);
    await accepted(author('POST', `/letters/${drafted.body.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }), 200);
    await accepted(author('POST', `/letters/${drafted.body.id}/sending`, undefined, await ifMatchCurrent(author, drafted.body.id)), 200);

    // The other's value public too, alone: their sum beside the named delivery's tells nothing new (valueTellsAnother).
    await decidePublic([other], 'Radio’s');
    await decidePublic([named, other], 'Radio’s');
    const publication = { paperNumber: 'Kamerstuk 22 054, nr. 462', publishedOn: '2025-08-12' };
    const refused = await author('POST', `/letters/${drafted.body.id}/publication`, publication, { ...(await ifMatchCurrent(author, drafted.body.id)), 'Accept-Language': 'nl' });
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams.map((param: { code: string }) => param.code)).toEqual(['namedPartOfPublicItem']);
    expect(refused.body.invalidParams[0].reason).toBe(
      `De brief noemt {{budgetCommitment:${commitment}}}, een bedrag van één levering van "Radio’s", maar die levering is sinds de brief definitief werd openbaar samen met andere als één regel, waarvan alleen het geheel openbaar is. Een definitieve brief verandert niet: besluit over die levering weer apart, of publiceer deze brief niet.`,
    );
    expect((await author('GET', `/letters/${drafted.body.id}`)).body.publishedAt).toBeNull();

    // Decided confidential, the delivery leaves the item, which stays public for the other.
    await accepted(disclosure('POST', '/disclosure-decisions', { deliveryIds: [named], state: 'confidential', ground: 'operationalSecurity' }));
    const stillRefused = await author('POST', `/letters/${drafted.body.id}/publication`, publication, await ifMatchCurrent(author, drafted.body.id));
    expect(stillRefused.status).toBe(400);
    expect(stillRefused.body.invalidParams.map((param: { code: string }) => param.code)).toEqual(['listedNotPublic']);

    await decidePublic([named], 'Radio’s');
    await accepted(author('POST', `/letters/${drafted.body.id}/publication`, publication, await ifMatchCurrent(author, drafted.body.id)), 200);
  });
});
