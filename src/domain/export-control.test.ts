import { describe, expect, it } from 'vitest';
import { requiresLicenceByRule, shipmentDateFields } from '../../common/delivery-rules.ts';
import { assessmentStandingOn, assessmentViolations, departureOf, gateState, importedShipmentWarnings, licenceCoversGoods, licenceAssessmentViolations, licenceFieldViolations, licenceGoodsViolations, requirementOn, requirementViolations, shipmentViolation, type AssessmentInput, type GateLicence, type LicenceInput } from './export-control.ts';

const TODAY = '2025-09-01';

const assessment: AssessmentInput = {
  criteria: [1, 2, 3, 4, 5, 6, 7, 8].map((criterion) => ({ criterion: criterion as AssessmentInput['criteria'][number]['criterion'], finding: 'noObjection', reasoning: 'Geen bezwaar.' })),
  endUser: 'Ministerie van Defensie van Oekraïne',
  endUseStatement: 'Eindgebruikersverklaring van 1 maart 2025',
  outcome: 'positive',
  conditions: '',
  expedited: true,
  assessedOn: '2025-03-10',
};

const licence: LicenceInput = {
  assessmentId: 'a',
  number: 'NL-2025-0001',
  issuedOn: '2025-03-12',
  validUntil: '2026-03-12',
  conditions: '',
  militaryListCategory: 'ML2',
  unRegisterCategory: 'III',
  quantityAuthorised: 8,
  valueAuthorisedCents: 10_000_000_000,
  importingState: 'UA',
  withheldGround: null,
};

const codes = (violations: { field: string; code: string }[]) => violations.map(({ field, code }) => `${field} ${code}`);

describe('which deliveries need a licence', () => {
  it('needs one for goods, not for fund contributions or non-lethal goods', () => {
    expect(requiresLicenceByRule('largeCalibreArtillery', 'stock')).toBe(true);
    expect(requiresLicenceByRule('ammunition', 'procurement')).toBe(true);
    expect(requiresLicenceByRule('airDefence', 'natoFund')).toBe(false);
    expect(requiresLicenceByRule('nonLethal', 'stock')).toBe(false);
  });

  it('gates the hand-over of stock and the delivery of everything', () => {
    expect(shipmentDateFields('stock')).toEqual(['realisedAt', 'deliveredAt']);
    expect(shipmentDateFields('procurement')).toEqual(['deliveredAt']);
  });

  it('warns of an imported delivery registered as shipped at each date that ships goods needing one', () => {
    const dates = { realisedAt: '2024-02-01', deliveredAt: '2024-02-10' };
    expect(codes(importedShipmentWarnings({ category: 'largeCalibreArtillery', supportType: 'stock', ...dates }))).toEqual(['realisedAt shippedWithoutLicence', 'deliveredAt shippedWithoutLicence']);
    expect(importedShipmentWarnings({ category: 'ammunition', supportType: 'procurement', ...dates })).toEqual([{ field: 'deliveredAt', code: 'shippedWithoutLicence', params: { date: '2024-02-10' } }]);
    expect(importedShipmentWarnings({ category: 'ammunition', supportType: 'stock', realisedAt: null, deliveredAt: null })).toEqual([]);
    expect(importedShipmentWarnings({ category: 'nonLethal', supportType: 'stock', ...dates })).toEqual([]);
    expect(importedShipmentWarnings({ category: 'airDefence', supportType: 'natoFund', ...dates })).toEqual([]);
  });
});

describe('an assessment', () => {
  it('accepts all eight criteria with reasons', () => {
    expect(assessmentViolations(assessment, TODAY)).toEqual([]);
  });

  it('names a missing criterion, a criterion twice, and an empty reasoning', () => {
    const criteria = [...assessment.criteria.filter((entry) => entry.criterion !== 4), { criterion: 2 as const, finding: 'noObjection' as const, reasoning: 'x' }];
    criteria[0] = { ...criteria[0]!, reasoning: ' ' };
    expect(codes(assessmentViolations({ ...assessment, criteria }, TODAY))).toEqual(['criteria.1.reasoning required', 'criteria.2 criterionTwice', 'criteria.4 criterionMissing']);
  });

  it('makes the outcome follow the findings, and conditions go with a conditional outcome only', () => {
    const objection = assessment.criteria.map((entry) => (entry.criterion === 7 ? { ...entry, finding: 'objection' as const } : entry));
    expect(codes(assessmentViolations({ ...assessment, criteria: objection }, TODAY))).toEqual(['outcome objectionNotNegative']);
    expect(codes(assessmentViolations({ ...assessment, outcome: 'negative' }, TODAY))).toEqual(['outcome negativeWithoutObjection']);
    expect(assessmentViolations({ ...assessment, criteria: objection, outcome: 'negative' }, TODAY)).toEqual([]);
    expect(codes(assessmentViolations({ ...assessment, outcome: 'positiveWithConditions' }, TODAY))).toEqual(['conditions required']);
    expect(codes(assessmentViolations({ ...assessment, conditions: 'Geen wederuitvoer' }, TODAY))).toEqual(['conditions onlyWithConditions']);
  });

  it('refuses dates in the future or before 2014, and text with NUL or another control character', () => {
    expect(codes(assessmentViolations({ ...assessment, assessedOn: '2099-01-01', endUser: 'a\u0000b' }, TODAY))).toEqual(['endUser nulCharacter', 'assessedOn dateInFuture']);
    expect(codes(assessmentViolations({ ...assessment, assessedOn: '2013-12-31' }, TODAY))).toEqual(['assessedOn dateOutOfRange']);
    expect(codes(assessmentViolations({ ...assessment, endUseStatement: 'Verklaring\u0007' }, TODAY))).toEqual(['endUseStatement controlCharacter']);
    expect(codes(licenceFieldViolations({ ...licence, number: 'NL\u001b1' }, TODAY))).toEqual(['number controlCharacter']);
  });
});

describe('a licence', () => {
  const positive = { outcome: 'positive' as const, assessedOn: '2025-03-10' };

  it('is issued on a positive assessment, after it', () => {
    expect(licenceAssessmentViolations(licence, positive)).toEqual([]);
    expect(licenceFieldViolations(licence, TODAY)).toEqual([]);
    expect(codes(licenceAssessmentViolations(licence, { ...positive, outcome: 'negative' }))).toEqual(['assessmentId assessmentNegative']);
    expect(codes(licenceAssessmentViolations({ ...licence, issuedOn: '2025-03-01' }, positive))).toEqual(['issuedOn licenceBeforeAssessment']);
  });

  it('refuses an impossible validity, value, quantity or country', () => {
    expect(codes(licenceFieldViolations({ ...licence, validUntil: '2025-03-11', valueAuthorisedCents: 0, quantityAuthorised: 0, importingState: 'ua' }, TODAY))).toEqual([
      'validUntil beforeIssued',
      'importingState invalidCountry',
      'valueAuthorisedCents amountNotPositive',
      'quantityAuthorised tooSmall',
    ]);
    expect(codes(licenceFieldViolations({ ...licence, validUntil: '2205-03-12' }, TODAY))).toEqual(['validUntil validityTooLong']);
  });

  it("is for the delivery's goods: a Military List category of the weapons or platforms they are, or of equipment, and their own UN Register category or none", () => {
    expect(licenceGoodsViolations('largeCalibreArtillery', licence)).toEqual([]);
    expect(licenceGoodsViolations('largeCalibreArtillery', { militaryListCategory: 'ML22', unRegisterCategory: null })).toEqual([]);
    expect(licenceGoodsViolations('other', { militaryListCategory: 'ML13', unRegisterCategory: 'VI' })).toEqual([]);
    expect(licenceGoodsViolations('ammunition', { militaryListCategory: 'ML3', unRegisterCategory: null })).toEqual([]);
    expect(licenceGoodsViolations('battleTanks', licence)).toEqual([
      { field: 'militaryListCategory', code: 'militaryListNotOfGoods', params: { category: 'battleTanks', chosen: 'ML2', fitting: 'ML6' } },
      { field: 'unRegisterCategory', code: 'unRegisterNotOfGoods', params: { category: 'battleTanks', fitting: 'I' } },
    ]);
    expect(codes(licenceGoodsViolations('nonLethal', { militaryListCategory: 'ML4', unRegisterCategory: null }))).toEqual(['militaryListCategory militaryListNotOfGoods']);
    // Equipment goes with goods of any kind: the fire control, electronics or protection of tanks, or a night sight given as non-lethal aid.
    for (const equipment of ['ML5', 'ML11', 'ML13', 'ML15'] as const) {
      expect(licenceGoodsViolations('battleTanks', { militaryListCategory: equipment, unRegisterCategory: null })).toEqual([]);
      expect(licenceGoodsViolations('nonLethal', { militaryListCategory: equipment, unRegisterCategory: null })).toEqual([]);
    }
  });

  it('covers at the gate only the goods themselves: a licence for equipment that goes with tanks lets no tank leave, one for what non-lethal aid is does', () => {
    const electronics = { militaryListCategory: 'ML11', unRegisterCategory: null } as const;
    expect([licenceGoodsViolations('battleTanks', electronics), licenceCoversGoods('battleTanks', electronics)]).toEqual([[], false]);
    expect(licenceCoversGoods('battleTanks', { militaryListCategory: 'ML6', unRegisterCategory: 'I' })).toBe(true);
    expect(licenceCoversGoods('nonLethal', electronics)).toBe(true);
    expect(licenceCoversGoods('airDefence', { militaryListCategory: 'ML5', unRegisterCategory: null })).toBe(true);
    expect(licenceCoversGoods('other', electronics)).toBe(true);
  });

  it('refuses the exporting state itself as the importing state', () => {
    expect(codes(licenceFieldViolations({ ...licence, importingState: 'NL' }, TODAY))).toEqual(['importingState importingStateIsExporter']);
  });
});

describe('the shipment gate', () => {
  const valid: GateLicence = { number: 'NL-1', militaryListCategory: 'ML2', unRegisterCategory: 'III', issuedOn: '2025-03-12', validUntil: '2026-03-12', quantityAuthorised: 8, onStandingAssessment: true };
  const guns = (quantity: number | null) => ({ category: 'largeCalibreArtillery' as const, quantity });

  it('lets a shipment through under a valid licence for its goods covering its quantity', () => {
    expect(shipmentViolation('deliveredAt', '2025-05-01', guns(8), [valid])).toEqual({ covered: valid });
    expect(shipmentViolation('deliveredAt', '2025-05-01', guns(null), [valid])).toEqual({ covered: valid });
    expect(shipmentViolation('deliveredAt', '2025-05-01', { category: 'other', quantity: 8 }, [valid])).toEqual({ covered: valid });
  });

  it('names the missing, expired, not yet valid or withdrawn licence, and a quantity above it', () => {
    const code = (result: ReturnType<typeof shipmentViolation>) => ('violation' in result ? `${result.violation.code} ${result.violation.params?.licence ?? ''}`.trim() : 'covered');
    expect(code(shipmentViolation('deliveredAt', '2025-05-01', guns(8), []))).toBe('licenceMissing');
    expect(code(shipmentViolation('deliveredAt', '2026-05-01', guns(8), [valid]))).toBe('licenceExpired NL-1');
    expect(code(shipmentViolation('deliveredAt', '2025-03-01', guns(8), [valid]))).toBe('licenceNotYetValid NL-1');
    expect(code(shipmentViolation('deliveredAt', '2025-05-01', guns(9), [valid]))).toBe('quantityAboveLicence NL-1');
    expect(code(shipmentViolation('deliveredAt', '2025-05-01', guns(8), [{ ...valid, onStandingAssessment: false }]))).toBe('licenceWithdrawn');
  });

  it('does not count a licence for other goods as covering a delivery, naming it, and takes one for its goods beside it', () => {
    const tanks = { category: 'battleTanks' as const, quantity: 8 };
    expect(shipmentViolation('realisedAt', '2025-05-01', tanks, [valid])).toEqual({
      violation: { field: 'realisedAt', code: 'licenceForOtherGoods', params: { licence: 'NL-1', date: '2025-05-01', category: 'battleTanks', militaryListCategory: 'ML2' } },
    });
    const forTanks: GateLicence = { ...valid, number: 'NL-2', militaryListCategory: 'ML6', unRegisterCategory: 'I' };
    expect(shipmentViolation('realisedAt', '2025-05-01', tanks, [valid, forTanks])).toEqual({ covered: forTanks });
    expect(shipmentViolation('realisedAt', '2025-05-01', tanks, [{ ...forTanks, unRegisterCategory: 'III' }])).toMatchObject({ violation: { code: 'licenceForOtherGoods' } });
  });

  it('states where a delivery stands', () => {
    expect(gateState(false, null, 0)).toBe('notRequired');
    expect(gateState(true, null, 0)).toBe('awaitingAssessment');
    expect(gateState(true, { outcome: 'negative' }, 0)).toBe('assessmentNegative');
    expect(gateState(true, { outcome: 'positive' }, 0)).toBe('awaitingLicence');
    expect(gateState(true, { outcome: 'positiveWithConditions' }, 1)).toBe('licensed');
  });

  it('refuses an override without its reason or with a date that has not come or is before the register, or is no date', () => {
    expect(requirementViolations({ required: true, reason: 'Op de Militaire Lijst.', effectiveOn: TODAY }, TODAY)).toEqual([]);
    expect(requirementViolations({ required: true, reason: 'Herzien.', effectiveOn: '2024-02-29' }, TODAY)).toEqual([]);
    expect(requirementViolations({ required: true, reason: ' ', effectiveOn: '2025-09-02' }, TODAY)).toEqual([
      { field: 'reason', code: 'required' },
      { field: 'effectiveOn', code: 'dateInFuture' },
    ]);
    expect(requirementViolations({ effectiveOn: '2013-12-31' }, TODAY)).toEqual([{ field: 'effectiveOn', code: 'dateOutOfRange', params: { floor: '2014-01-01' } }]);
    expect(requirementViolations({ effectiveOn: '2025-02-29' }, TODAY)).toEqual([{ field: 'effectiveOn', code: 'invalidDate' }]);
  });

  it('takes the override that held on a date: the latest effective on or before it, of one day the latest decided', () => {
    // Latest effective first, of one day the latest decided first, as the repository lists them.
    const overrides = [
      { effectiveOn: '2025-06-01', required: false, reason: 'later decided' },
      { effectiveOn: '2025-06-01', required: true, reason: 'earlier decided' },
      { effectiveOn: '2025-03-01', required: true, reason: 'first' },
    ];
    expect(requirementOn(overrides, '2025-02-28')).toBeUndefined();
    expect(requirementOn(overrides, '2025-03-01')?.reason).toBe('first');
    expect(requirementOn(overrides, '2025-05-31')?.reason).toBe('first');
    expect(requirementOn(overrides, '2025-06-01')?.reason).toBe('later decided');
  });

  it('dates the departure of goods at the hand-over of stock, else at the delivery, and nothing before they left', () => {
    expect(departureOf({ supportType: 'stock', realisedAt: '2025-04-15', deliveredAt: '2025-05-01' })).toBe('2025-04-15');
    expect(departureOf({ supportType: 'stock', realisedAt: null, deliveredAt: '2025-05-01' })).toBe('2025-05-01');
    expect(departureOf({ supportType: 'procurement', realisedAt: '2025-04-15', deliveredAt: null })).toBeNull();
    expect(departureOf({ supportType: 'procurement', realisedAt: '2025-04-15', deliveredAt: '2025-06-01' })).toBe('2025-06-01');
  });

  it('licenses goods that left on the assessment standing that day, a later one being a reassessment for the record', () => {
    // Latest first, as the repository lists them.
    const assessments = [{ id: 'after leaving', assessedOn: '2025-06-01' }, { id: 'second', assessedOn: '2025-03-10' }, { id: 'first', assessedOn: '2025-03-01' }];
    expect(assessmentStandingOn(assessments, '2025-04-15')?.id).toBe('second');
    expect(assessmentStandingOn(assessments, '2025-03-10')?.id).toBe('second');
    expect(assessmentStandingOn(assessments, TODAY)?.id).toBe('after leaving');
    // Assessed only after they left (goods brought in as history): the latest, on which their licence is issued.
    expect(assessmentStandingOn(assessments, '2025-02-01')?.id).toBe('after leaving');
    expect(assessmentStandingOn([], TODAY)).toBeUndefined();
  });
});
