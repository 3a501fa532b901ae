import type {
  AuditAction,
  AuditObjectType,
  AuditResult,
  Category,
  LetterFigureName,
  ConfidentialityGround,
  EpfClaimStatus,
  EpfDutchRole,
  EpfParameterisedFigure,
  EpfTrancheKind,
  DisclosureState,
  FundingSource,
  LifecycleStage,
  Role,
  SupportType,
  ValuationBasis,
} from './codes.ts';

/**
 * The words for every code, in one language: the letter, its annex, the API's messages and the browser
 * all say them from here. Where a sentence needs another form than a label, that form is named here too.
 */
export interface Vocabulary {
  /** The type of support of one delivery. */
  supportTypes: Record<SupportType, string>;
  /** The rows of the letter's table of realised support: the sum of a type of support, and the total. */
  figureRows: Record<SupportType | 'total', string>;
  categories: Record<Category, string>;
  fundingSources: Record<FundingSource, string>;
  valuationBases: Record<ValuationBasis, string>;
  /** A delivery's stage as a label: "Toegezegd". */
  stages: Record<LifecycleStage, string>;
  /** The stage as a noun inside a sentence: "de datum van toezegging". */
  stageNouns: Record<LifecycleStage, string>;
  disclosureStates: Record<DisclosureState, string>;
  confidentialityGrounds: Record<ConfidentialityGround, string>;
  roles: Record<Role, string>;
  auditActions: Record<AuditAction, string>;
  auditObjectTypes: Record<AuditObjectType, string>;
  auditResults: Record<AuditResult, string>;
  /** What each name a letter's text may use places; `delivery` for `{{delivery:ID}}`. */
  letterFigures: Record<LetterFigureName | 'delivery' | EpfParameterisedFigure, string>;
  // The European Peace Facility
  epfTrancheKinds: Record<EpfTrancheKind, string>;
  epfDutchRoles: Record<EpfDutchRole, string>;
  epfClaimStatuses: Record<EpfClaimStatus, string>;
}

export const nl: Vocabulary = {
  supportTypes: {
    stock: 'Directe levering uit voorraad',
    procurement: 'Commerciële verwerving',
    natoFund: 'NAVO-fonds',
  },
  figureRows: {
    stock: 'Directe levering (vervangingswaarde)',
    procurement: 'Commerciële verwervingen',
    natoFund: 'NAVO-fonds',
    total: 'Totaal',
  },
  categories: {
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
  },
  fundingSources: {
    defenceBudget: 'Defensiebegroting',
    ukraineSupportBudget: 'Steunfonds Oekraïne',
    internationalSecurityBudget: 'Budget Internationale Veiligheid (BIV)',
    epf: 'Europese Vredesfaciliteit (uitvoerder)',
  },
  valuationBases: {
    replacementValue: 'Vervangingswaarde',
    bookValue: 'Boekwaarde',
    contractPrice: 'Contractprijs',
    contribution: 'Bijdrage',
  },
  stages: {
    pledged: 'Toegezegd',
    committed: 'Juridisch verplicht',
    realised: 'Gerealiseerd',
    delivered: 'Geleverd',
  },
  stageNouns: {
    pledged: 'toezegging',
    committed: 'juridische verplichting',
    realised: 'realisatie',
    delivered: 'levering',
  },
  disclosureStates: {
    undecided: 'Nog niet besloten',
    public: 'Openbaar',
    confidential: 'Vertrouwelijk',
  },
  confidentialityGrounds: {
    operationalSecurity: 'Operationele veiligheid',
    stateSecurity: 'Veiligheid van de Staat',
    internationalRelations: 'Betrekkingen met andere staten en internationale organisaties',
    companyInterests: 'Belangen van betrokken bedrijven',
  },
  roles: {
    registrar: 'Registrator',
    finance: 'Financiën',
    disclosureOfficer: 'Openbaarmakingsfunctionaris',
    exportControlAssessor: 'Beoordelaar exportcontrole',
    licensingOfficer: 'Vergunningverlener',
    letterAuthor: 'Opsteller van de brief',
    parliamentReader: 'Kamerlid',
    auditor: 'Auditor',
    administrator: 'Beheerder',
  },
  auditActions: {
    'delivery.read': 'Leveringen inzien',
    'delivery.create': 'Levering vastleggen',
    'delivery.update': 'Levering wijzigen',
    'delivery.delete': 'Levering verwijderen',
    'valuation.create': 'Waardering toevoegen',
    'payment.create': 'Betaling vastleggen',
    'figures.read': 'Cijfers inzien',
    'audit.read': 'Audittrail inzien',
    'account.read': 'Accounts inzien',
    'account.manage': 'Accounts beheren',
    'disclosure.read': 'Openbaarmaking inzien',
    'disclosure.decide': 'Besluiten over openbaarmaking',
    'letter.read': 'Brieven inzien',
    'letter.write': 'Brieven schrijven',
    'annex.read': 'Vertrouwelijke bijlage openen',
    access: 'API gebruiken',
    'session.login': 'Inloggen',
    'session.logout': 'Uitloggen',
    'session.ended': 'Oudste sessie beëindigd',
    'account.create': 'Account aanmaken',
    'account.changeRole': 'Rol wijzigen',
    'account.disable': 'Account uitschakelen',
    'demonstration.load': 'Demonstratiegegevens laden',
    'letter.create': 'Concept van een brief aanmaken',
    'letter.update': 'Brief wijzigen',
    'letter.approve': 'Openbare brief goedkeuren',
    'letter.finalise': 'Brief definitief maken',
    'letter.publication': 'Publicatie van een brief vastleggen',
    // Letters were called reports before: events already written keep those names.
    'report.create': 'Concept van een brief aanmaken',
    'report.update': 'Brief wijzigen',
    'report.approve': 'Openbare brief goedkeuren',
    'report.finalise': 'Brief definitief maken',
    'report.publication': 'Publicatie van een brief vastleggen',
    // The review of drafts and the embargo of final letters.
    'letter.submit': 'Brief ter goedkeuring aanbieden',
    'letter.reject': 'Brief afwijzen',
    'letter.withdraw': 'Aanbieding ter goedkeuring intrekken',
    'letter.delete': 'Concept van een brief verwijderen',
    'letter.send': 'Brief aan de Kamer verzonden',
    'letter.publish': 'Brief gepubliceerd',
    'letter.publicationCorrection': 'Publicatiegegevens van een brief corrigeren',
    // The European Peace Facility
    'epf.read': 'EPF-declaraties inzien',
    'epf.write': 'EPF-declaraties vastleggen',
    'epf.tranche.create': 'EPF-tranche vastleggen',
    'epf.claim.create': 'EPF-declaratie indienen',
    'epf.claim.assess': 'Beoordeling van een EPF-declaratie vastleggen',
    'epf.claim.receive': 'Ontvangst op een EPF-declaratie vastleggen',
    'epf.claim.block': 'Blokkade van een EPF-declaratie vastleggen',
  },
  auditObjectTypes: {
    delivery: 'Levering',
    account: 'Account',
    letter: 'Brief',
    report: 'Brief',
    disclosureQueue: 'Openbaarmakingslijst',
    auditTrail: 'Audittrail',
    register: 'Register',
    username: 'Gebruikersnaam',
    oidcSubject: 'Identiteit bij de identiteitsprovider',
    path: 'API-adres',
    epfTranche: 'EPF-tranche',
    epfClaim: 'EPF-declaratie',
  },
  auditResults: {
    success: 'Gelukt',
    denied: 'Geweigerd',
    failure: 'Mislukt',
  },
  letterFigures: {
    total: 'totale gerealiseerde steun',
    stock: 'directe levering (vervangingswaarde)',
    procurement: 'commerciële verwervingen',
    natoFund: 'NAVO-fonds',
    increase: 'toename sinds de vorige brief',
    increasePercent: 'toename in procenten',
    headline: 'de zin met het totaal en de toename',
    referenceDate: 'peildatum',
    previousReferenceDate: 'peildatum van de vorige brief',
    letterDate: 'briefdatum',
    previousLetter: 'Kamerstuk en datum van de vorige brief',
    figuresTable: 'de tabel (als eigen alinea)',
    delivery: 'waarde van een openbare levering, met haar kenmerk',
    // The European Peace Facility
    epfCommitted: 'EPF: door de EU gecommitteerd aan Oekraïne (in woorden: "6 miljard euro")',
    epfWindfallTotal: 'EPF: tranches uit de windfall profits samen',
    epfImplementingActor: 'EPF: werk van Nederland als uitvoerder (in woorden: "€100 miljoen"; telt niet mee in Nederlandse totalen)',
    epfDeclared: 'EPF: door Nederland gedeclareerd tot de peildatum',
    epfDeclaredUntil: 'EPF: datum van de laatste declaratie tot de peildatum',
    epfCompensated: 'EPF: aan Nederland gecompenseerd',
    epfOutstanding: 'EPF: gecompenseerd maar nog niet ontvangen',
    epfBlocked: 'EPF: gedeclareerd en geblokkeerd',
    epfRemainderExpectedBy: 'EPF: jaar tot en met wanneer de rest wordt verwacht',
    epfPaid: 'EPF: in een jaar ontvangen, met het jaar',
    epfTranche: 'EPF: bedrag van een tranche, met haar kenmerk',
  },
  epfTrancheKinds: {
    assistanceMeasure: 'Bijstandsmaatregel',
    windfallProfits: 'Windfall profits',
  },
  epfDutchRoles: {
    claimant: 'Declareert',
    implementingActor: 'Uitvoerder (telt niet mee in Nederlandse totalen)',
    none: 'Geen',
  },
  epfClaimStatuses: {
    open: 'Open',
    compensated: 'Gecompenseerd',
    paid: 'Uitbetaald',
    blocked: 'Geblokkeerd',
  },
};
