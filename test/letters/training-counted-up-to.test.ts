/**
 * Up to when a letter says the training it names was counted holds for every programme whose counts it names,
 * as its annex dates each: where one programme was counted up to 15 October and the others up to 31 August,
 * the letter says "tot en met augustus 2025", where it said "oktober 2025", and gives each count it names as
 * counted up to then (19 specialist courses), where the annex gives each programme's latest with its own date
 * (21 up to 15 October). A letter finalised in format steunregister-letter/6 said the month of the latest count
 * and the latest counts, and is verified in those words.
 */
import { beforeAll, expect, it } from 'vitest';
import { SEED_LETTER_BLOCKS } from '../../src/db/seed/demonstration-letter.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import type { AnnexSnapshot } from '../../src/letters/compose.ts';
import type { PublicLetterSnapshot } from '../../src/letters/snapshot.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { accepted, recordingRoles, type RecordingRoles } from '../support/recording-roles.ts';
import { refreeze, SIGNED, submitAndApprove } from '../support/letters.ts';

const SPECIALIST_PROGRAMME = '5f0b2a52-5b53-4b8e-9a57-0c7c2a3c1f06';
const NOW = {
  upTo: 'De genoemde cijfers zijn gebaseerd op de gegeven trainingen tot en met augustus 2025.',
  before: 'Tot september 2025 hebben er 19 specialistische trainingen plaatsgevonden waarin circa 220 Oekraïners zijn getraind.',
};
const THEN = {
  upTo: 'De genoemde cijfers zijn gebaseerd op de gegeven trainingen tot en met oktober 2025.',
  before: 'Tot november 2025 hebben er 21 specialistische trainingen plaatsgevonden waarin circa 240 Oekraïners zijn getraind.',
};

describeEachDatabase('up to when a letter says its training was counted', (database) => {
  let roles: RecordingRoles;
  let letterId: string;
  let final: PublicLetterSnapshot;

  const trainingText = (letter: PublicLetterSnapshot) => JSON.stringify(letter.sections.find((section) => section.heading === 'Training'));
  const verification = async () => (await roles.author('GET', `/letters/${letterId}/verification`)).body;

  beforeAll(async () => {
    const { db } = database();
    await loadDemonstrationData(db);
    roles = recordingRoles(db);
    const { registrar, author, disclosure } = roles;
    // The demonstration counts every programme up to 31 August 2025; the specialist training is counted again up to 15 October.
    await accepted(registrar('POST', `/training-programmes/${SPECIALIST_PROGRAMME}/contributions`, { periodFrom: '2025-01-01', countsUpTo: '2025-10-15', courses: 21, trainees: 240, traineesIsApproximate: true }));
    const draft = (await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: '2025-10-31', letterDate: '2025-11-10' }))).body;
    letterId = draft.id;
    const training = SEED_LETTER_BLOCKS.find((block) => block.key === 'training')!;
    const edited = await accepted(author('PATCH', `/letters/${letterId}`, { blocks: [training] }, { 'If-Match': `"${draft.version}"` }), 200);
    const approved = await submitAndApprove({ author, disclosure }, letterId, edited.headers.get('ETag')!);
    final = (await accepted(author('POST', `/letters/${letterId}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }), 200)).body.letter;
  });

  it('names the earliest of the counts of the programmes it names, which its annex dates each of, gives their counts as counted up to then, and verifies so', async () => {
    expect(final.format).toBe('steunregister-letter/7');
    expect(final.namedFigures).toMatchObject({
      trainingCountsUpTo: 'augustus 2025',
      trainingCountsBefore: 'september 2025',
      'training:specialist.courses': '19',
      'training:specialist.trainees': '220',
    });
    expect(trainingText(final)).toContain(NOW.upTo);
    expect(trainingText(final)).toContain(NOW.before);
    const stored = await database().db.selectFrom('letter').select('annexSnapshot').where('id', '=', letterId).executeTakeFirstOrThrow();
    const annex: AnnexSnapshot = JSON.parse(stored.annexSnapshot!);
    const annexDates = annex.trainingByProgramme!.map((row) => row.countsUpTo);
    expect(new Set(annexDates)).toEqual(new Set(['2025-08-31', '2025-10-15']));
    // The annex gives the specialist training's latest count, with its own date.
    const specialist = annex.trainingByProgramme!.find((row) => row.programmeId === SPECIALIST_PROGRAMME);
    expect(specialist).toMatchObject({ countsUpTo: '2025-10-15', courses: { value: 21 }, trainees: { value: 240 } });
    // The annex prints each programme's date: none before the month the letter names, the earliest its last day.
    const html: string = (await roles.author('GET', `/letters/${letterId}/annex/html`)).body;
    expect(html).toContain('31 augustus 2025');
    expect(html).toContain('15 oktober 2025');
    expect(await verification()).toEqual({ ok: true, hashesMatch: true, differences: [], figureDifferences: [], annexDifferences: [] });
  });

  it('verifies a letter finalised in format 6 in the words it said then, the month of the latest count, and not in those of now', async () => {
    const asThen = (format: PublicLetterSnapshot['format']): PublicLetterSnapshot => ({
      ...JSON.parse(JSON.stringify(final).replace(NOW.upTo, THEN.upTo).replace(NOW.before, THEN.before)),
      format,
      namedFigures: { ...final.namedFigures, trainingCountsUpTo: 'oktober 2025', trainingCountsBefore: 'november 2025', 'training:specialist.courses': '21', 'training:specialist.trainees': '240' },
    });
    await refreeze(database().db, letterId, asThen('steunregister-letter/6'));
    expect(await verification()).toEqual({ ok: true, hashesMatch: true, differences: [], figureDifferences: [], annexDifferences: [] });
    await refreeze(database().db, letterId, asThen('steunregister-letter/7'));
    expect(new Set((await verification()).figureDifferences)).toEqual(new Set([
      { figure: 'trainingCountsUpTo', published: 'oktober 2025', recomputed: 'augustus 2025' },
      { figure: 'trainingCountsBefore', published: 'november 2025', recomputed: 'september 2025' },
      { figure: 'training:specialist.courses', published: '21', recomputed: '19' },
      { figure: 'training:specialist.trainees', published: '240', recomputed: '220' },
    ]));
  });

  it('tells the author of a count it names that its programme counted only after the date it says the training was counted up to', async () => {
    const { registrar, author } = roles;
    const later = (await accepted(registrar('POST', '/training-programmes', { key: 'later', name: 'Latere training', hostCountry: 'DE', framework: 'bilateral' }))).body.id;
    await accepted(registrar('POST', `/training-programmes/${later}/contributions`, { periodFrom: '2025-09-01', countsUpTo: '2025-10-15', courses: 5 }));
    const blocks = [{ key: 'training', heading: 'Training', text: 'Tot {{trainingCountsBefore}} {{training:stc.trainers}} trainers en {{training:later.courses}} trainingen.' }];
    const created = (await accepted(author('POST', '/letters', { ...SIGNED, referenceDate: '2025-11-30', letterDate: '2025-12-10' }))).body;
    const draft = (await accepted(author('PATCH', `/letters/${created.id}`, { blocks }, { 'If-Match': `"${created.version}"` }), 200)).body;
    expect(draft.problemsByLanguage.nl).toEqual([
      'De tekst noemt {{training:later.courses}}, maar dat is alleen geteld tot een datum na 31 augustus 2025. De brief geeft elk cijfer van gegeven trainingen zoals het tot en met 31 augustus 2025 geteld was ({{trainingCountsUpTo}}: het vroegste van de laatste telling van elk programma waarvan de tekst cijfers noemt), zodat het klopt op de datum die de brief noemt. Leg voor dit programma ook de telling tot en met 31 augustus 2025 vast, of noem het cijfer niet.',
    ]);
    expect(draft.problemsByLanguage.en).toEqual([
      'The text names {{training:later.courses}}, but it was counted only up to a date after 31 August 2025. The letter gives every figure of training given as counted up to 31 August 2025 ({{trainingCountsUpTo}}: the earliest of the latest counts of the programmes whose figures the text names), so that it holds at the date the letter states. Record this programme\'s count up to 31 August 2025 too, or do not name the figure.',
    ]);
  });
});
