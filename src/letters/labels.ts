import type { Category, SupportType } from '../domain/delivery.ts';

/** The letter's words for what the register stores as codes. */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  battleTanks: 'Gevechtstanks',
  armouredCombatVehicles: 'Pantservoertuigen',
  largeCalibreArtillery: 'Artillerie',
  combatAircraft: 'Gevechtsvliegtuigen en onbemande gevechtsvliegtuigen',
  attackHelicopters: 'Gevechtshelikopters',
  warships: 'Oorlogsschepen',
  missilesAndLaunchers: 'Raketten en lanceerinrichtingen',
  smallArms: 'Handvuurwapens en lichte wapens',
  ammunition: 'Munitie',
  drones: 'Drones',
  airDefence: 'Luchtverdediging',
  vehicles: 'Voertuigen',
  nonLethal: 'Niet-letale goederen',
  other: 'Overig',
};

export const SUPPORT_TYPE_NAMES: Readonly<Record<SupportType, string>> = {
  stock: 'uit eigen voorraad',
  procurement: 'commercieel verworven',
  natoFund: 'via het NAVO-fonds',
};

export const FUNDING_SOURCE_LABELS: Readonly<Record<string, string>> = {
  defenceBudget: 'Defensiebegroting',
  ukraineSupportBudget: 'Steunfonds Oekraïne',
  internationalSecurityBudget: 'Budget Internationale Veiligheid',
  epf: 'Europese Vredesfaciliteit (uitvoerder)',
};

export const DISCLOSURE_LABELS: Readonly<Record<string, string>> = {
  undecided: 'nog niet besloten',
  public: 'openbaar',
  confidential: 'vertrouwelijk',
};
