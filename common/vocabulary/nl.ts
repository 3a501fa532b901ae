import type {
  AuditAction,
  AuditObjectType,
  AuditResult,
  Category,
  ReadinessEffect,
  ReplenishmentStage,
  TrainingFramework,
  TrainingMeasure,
  LetterFigureName,
  LetterBudgetFigureKind,
  LetterBudgetYearPart,
  ConfidentialityGround,
  DecideAgainReason,
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
  AssessmentOutcome,
  CriterionFinding,
  ExportCriterion,
  GateState,
  MilitaryListCategory,
  UnRegisterCategory,
  WithheldGround,
} from './codes.ts';
import type { CompanyOrigin, CoproductionStage, LessonCategory, MilestoneStatus } from './codes.ts';
import type { ExportHeading, ExportList } from './codes.ts';

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
  decideAgainReasons: Record<DecideAgainReason, string>;
  roles: Record<Role, string>;
  auditActions: Record<AuditAction, string>;
  auditObjectTypes: Record<AuditObjectType, string>;
  auditResults: Record<AuditResult, string>;
  /** What each name a letter's text may use places; `delivery` for `{{delivery:ID}}`. */
  letterFigures: Record<LetterFigureName | 'delivery' | 'training' | EpfParameterisedFigure | LetterBudgetFigureKind | LetterBudgetYearPart, string>;
  // The European Peace Facility
  epfTrancheKinds: Record<EpfTrancheKind, string>;
  epfDutchRoles: Record<EpfDutchRole, string>;
  epfClaimStatuses: Record<EpfClaimStatus, string>;
  companyOrigins: Record<CompanyOrigin, string>;
  milestoneStatuses: Record<MilestoneStatus, string>;
  lessonCategories: Record<LessonCategory, string>;
  coproductionStages: Record<CoproductionStage, string>;
  trainingFrameworks: Record<TrainingFramework, string>;
  trainingMeasures: Record<TrainingMeasure, string>;
  /** As the letter's running text says it: "significant, maar acceptabel". */
  readinessEffects: Record<ReadinessEffect, string>;
  replenishmentStages: Record<ReplenishmentStage, string>;
  /** Export control's words, one group: the browser reads them from here, outside its typed i18next resources. */
  exportControl: ExportControlVocabulary;
  spreadsheetExport: SpreadsheetExportVocabulary;
  /**
   * What the files of a letter and of open data are named after, as an export's file is after its sheet's name
   * (src/api/file-names.ts): "Openbare leveringen" makes openbare-leveringen.csv.
   */
  fileNames: { publicDeliveries: string; letter: string; annex: string; letterFigures: string; allLetterFigures: string };
}

interface ExportControlVocabulary {
  /** The short names of the eight criteria of Common Position 2008/944/CFSP. */
  criteria: Record<ExportCriterion, string>;
  findings: Record<CriterionFinding, string>;
  outcomes: Record<AssessmentOutcome, string>;
  militaryListCategories: Record<MilitaryListCategory, string>;
  unRegisterCategories: Record<UnRegisterCategory, string>;
  withheldGrounds: Record<WithheldGround, string>;
  gateStates: Record<GateState, string>;
}

/** The words of the lists' spreadsheet exports: sheet names, column headings, and the values they spell out. */
interface SpreadsheetExportVocabulary {
  lists: Record<ExportList, string>;
  headings: Record<ExportHeading, string>;
  letterStatuses: { draft: string; final: string; withdrawn: string };
  exportQueues: { awaitingAssessment: string; awaitingLicence: string };
  yes: string;
  no: string;
  /** Who made a record the system made itself (SYSTEM_ACTOR), where a person's name would stand. */
  theSystem: string;
  /** The decimal sign of an amount written inside a text (a commitment's stages, a decision's amounts per year). */
  decimalSign: string;
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
  decideAgainReasons: {
    deliveryLeft: 'Een levering is uit de openbare regel gegaan',
    valueWithdrawn: 'De openbare waarde steunde op een ingetrokken betaling of waardering',
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
    'letter.verify': 'Brieven controleren tegen het register',
    'annex.read': 'Vertrouwelijke bijlage openen',
    'industry.read': 'Industrie inzien',
    'industry.write': 'Industrie vastleggen',
    'training.read': 'Training inzien',
    'training.write': 'Training vastleggen',
    'readiness.read': 'Gereedheid en aanvulling inzien',
    'readiness.write': 'Gereedheid en aanvulling vastleggen',
    access: 'API gebruiken',
    'session.login': 'Inloggen',
    'session.logout': 'Uitloggen',
    'session.ended': 'Oudste sessie beëindigd',
    'account.create': 'Account aanmaken',
    'account.changeRole': 'Rol wijzigen',
    'account.changeEmail': 'E-mailadres wijzigen',
    'account.disable': 'Account uitschakelen',
    'account.newSecondFactor': 'Nieuwe tweede factor geven',
    'account.changePassword': 'Eigen wachtwoord wijzigen',
    'account.resetPassword': 'Nieuw wachtwoord instellen voor een account',
    'demonstration.load': 'Demonstratiegegevens laden',
    'letter.create': 'Concept van een brief aanmaken',
    'letter.update': 'Brief wijzigen',
    'letter.approve': 'Openbare brief goedkeuren',
    'letter.finalise': 'Brief definitief maken',
    'letter.publication': 'Publicatie van een brief vastleggen',
    // Letters were called reports before: events already written keep those names.
    'report.create': 'Concept van een brief aanmaken (in oudere gebeurtenissen)',
    'report.update': 'Brief wijzigen (in oudere gebeurtenissen)',
    'report.approve': 'Openbare brief goedkeuren (in oudere gebeurtenissen)',
    'report.finalise': 'Brief definitief maken (in oudere gebeurtenissen)',
    'report.publication': 'Publicatie van een brief vastleggen (in oudere gebeurtenissen)',
    // The review of drafts and the embargo of final letters.
    'letter.submit': 'Brief ter goedkeuring aanbieden',
    'letter.reject': 'Brief afwijzen',
    'letter.withdraw': 'Aanbieding ter goedkeuring intrekken',
    'letter.delete': 'Concept van een brief verwijderen',
    'letter.send': 'Brief aan de Kamer verzonden',
    'letter.publish': 'Brief gepubliceerd',
    'letter.publicationCorrection': 'Publicatiegegevens van een brief corrigeren',
    'letter.publicationHeld': 'Geplande publicatie van een brief tegengehouden',
    'letter.withdrawFinal': 'Definitieve brief intrekken',
    // The European Peace Facility
    'epf.read': 'EPF-declaraties inzien',
    'epf.write': 'EPF-declaraties vastleggen',
    'epf.tranche.create': 'EPF-tranche vastleggen',
    'epf.claim.create': 'EPF-declaratie indienen',
    'epf.claim.assess': 'Beoordeling van een EPF-declaratie vastleggen',
    'epf.claim.receive': 'Ontvangst op een EPF-declaratie vastleggen',
    'epf.claim.block': 'Blokkade van een EPF-declaratie vastleggen',
    'budget.read': 'Begroting inzien',
    'budget.write': 'Begroting en verplichtingen vastleggen',
    'budgetDecision.create': 'Begrotingsbesluit vastleggen',
    'budgetShift.create': 'Kasschuif vastleggen',
    'budgetCommitment.create': 'Verplichting of toezegging vastleggen',
    'budgetCommitment.stage': 'Stap van een verplichting vastleggen',
    'company.create': 'Bedrijf vastleggen',
    'company.correct': 'Bedrijf corrigeren',
    'company.withdraw': 'Bedrijf intrekken',
    'industryContract.create': 'Contract vastleggen',
    'industryContract.correct': 'Contract corrigeren',
    'industryContract.withdraw': 'Contract intrekken',
    'milestone.progress': 'Voortgang van een mijlpaal vastleggen',
    'priceDevelopment.create': 'Prijsontwikkeling vastleggen',
    'lessonLearned.create': 'Geleerde les vastleggen',
    'coproduction.create': 'Coproductieproject vastleggen',
    'coproduction.stage': 'Fase van een coproductieproject vastleggen',
    'coproduction.correct': 'Coproductieproject corrigeren',
    'demandBundle.create': 'Vraagbundeling vastleggen',
    'demandBundle.correct': 'Vraagbundeling corrigeren',
    'training.createProgramme': 'Trainingsprogramma vastleggen',
    'training.updateProgramme': 'Trainingsprogramma wijzigen',
    'training.addContribution': 'Trainingsbijdrage vastleggen',
    'readiness.judge': 'Effect op gereedheid beoordelen',
    'readiness.createProject': 'Aanvullingsproject vastleggen',
    'readiness.updateProject': 'Aanvullingsproject wijzigen',
    'readiness.decideNotToReplace': 'Besluiten niet te vervangen',
    // Export control
    'export.read': 'Exportcontrole inzien',
    'export.assess': 'Toetsen aan de exportcriteria',
    'licence.issue': 'Exportvergunning verlenen',
    'export.report': 'Rapportages wapenexport opstellen',
    'assessment.inspect': 'Toetsing vertrouwelijk inzien',
    'exportRequirement.set': 'Vergunningplicht vastleggen',
    'exportInspection.grant': 'Inzage in een toetsing toestaan',
    'shipment.refused': 'Levering geweigerd zonder geldige vergunning',
    'payment.withdraw': 'Betaling intrekken',
    'valuation.withdraw': 'Waardering intrekken',
    // Import from spreadsheets
    'import.run': 'Gegevens importeren uit een spreadsheet',
    'import.commit': 'Import vastgelegd',
    'import.refused': 'Import geweigerd om fouten in het bestand',
    'migration.change': 'Gewijzigd door een migratie van het schema',
    'audit.restore': 'Herstel van een oudere back-up vastgelegd (latere gebeurtenissen verloren)',
    'annex.list': 'Lijst van vertrouwelijke bijlagen inzien',
  },
  auditObjectTypes: {
    delivery: 'Levering',
    account: 'Account',
    letter: 'Brief',
    report: 'Brief (in oudere gebeurtenissen)',
    disclosureQueue: 'Openbaarmakingslijst',
    auditTrail: 'Audittrail',
    annexes: 'Vertrouwelijke bijlagen',
    register: 'Register',
    username: 'Gebruikersnaam',
    oidcSubject: 'Identiteit bij de identiteitsprovider',
    path: 'API-adres',
    epfTranche: 'EPF-tranche',
    epfClaim: 'EPF-declaratie',
    budgetDecision: 'Begrotingsbesluit',
    budgetShift: 'Kasschuif',
    budgetCommitment: 'Verplichting',
    company: 'Bedrijf',
    industryContract: 'Contract met een bedrijf',
    contractMilestone: 'Mijlpaal van een contract',
    priceDevelopment: 'Prijsontwikkeling',
    lessonLearned: 'Geleerde les',
    coproductionProject: 'Coproductieproject',
    demandBundle: 'Vraagbundeling',
    trainingProgramme: 'Trainingsprogramma',
    replenishmentProject: 'Aanvullingsproject',
    // Export control
    exportAssessment: 'Toetsing',
    exportQueue: 'Werkvoorraad exportcontrole',
    exportReport: 'Rapportage wapenexport',
    // Import from spreadsheets
    import: 'Import',
    importFile: 'Importbestand',
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
    decrease: 'afname sinds de vorige brief',
    decreasePercent: 'afname in procenten',
    headline: 'de zin met het totaal en de toename',
    referenceDate: 'peildatum',
    previousReferenceDate: 'peildatum van de vorige brief',
    letterDate: 'briefdatum',
    previousLetter: 'Kamerstuk en datum van de vorige brief',
    figuresTable: 'de tabel (als eigen alinea)',
    'industry.contracts': 'aantal contracten met bedrijven (Government to Business)',
    'industry.contractValue': 'waarde van die contracten',
    'industry.companies': 'aantal bedrijven met een contract',
    'industry.ukrainianCompanies': 'aantal Oekraïense bedrijven met een contract',
    'industry.milestonesCompleted': 'aantal afgeronde mijlpalen van contracten',
    'industry.coproductionProjects': 'aantal coproductieprojecten',
    'industry.demandBundles': 'aantal gebundelde behoeften',
    delivery: 'waarde van een openbare levering die op de peildatum gerealiseerd was en waarvan het besluit de waarde openbaar maakt, met haar kenmerk',
    // The European Peace Facility
    epfCommitted: 'EPF: door de EU gecommitteerd aan Oekraïne (in woorden: "6 miljard euro")',
    epfWindfallTotal: 'EPF: tranches uit de windfall profits samen',
    epfWindfallTranches: 'EPF: aantal tranches uit de windfall profits (in woorden: "twee")',
    epfImplementingActor: 'EPF: werk van Nederland als uitvoerder (in woorden: "€100 miljoen"; telt niet mee in Nederlandse totalen)',
    epfDeclared: 'EPF: door Nederland gedeclareerd tot de peildatum',
    epfDeclaredUntil: 'EPF: datum van de laatste declaratie tot de peildatum',
    epfCompensated: 'EPF: aan Nederland gecompenseerd',
    epfOutstanding: 'EPF: gecompenseerd maar nog niet ontvangen',
    epfBlocked: 'EPF: gedeclareerd en geblokkeerd',
    epfRemainderExpectedBy: 'EPF: jaar tot en met wanneer de rest wordt verwacht',
    epfPaid: 'EPF: in een jaar ontvangen, met het jaar',
    epfTranche: 'EPF: bedrag van een tranche, met haar kenmerk',
    budgetTotal: 'totaal begroot voor militaire steun sinds 2022',
    budgetDecision: 'bedrag van een begrotingsbesluit, met zijn kenmerk',
    budgetShift: 'bedrag van een kasschuif, met haar kenmerk',
    budgetCommitment: 'bedrag van een toezegging of verplichting, met haar kenmerk',
    'budgetDecision.period': 'de begrotingsjaren van een begrotingsbesluit ("2025-2027"), met zijn kenmerk',
    'budgetShift.fromYear': 'het jaar waaruit een kasschuif geld haalt, met haar kenmerk',
    'budgetShift.toYear': 'het jaar waarnaar een kasschuif geld brengt, met haar kenmerk',
    'budgetCommitment.year': 'het begrotingsjaar van een toezegging of verplichting, met haar kenmerk',
    'readiness.judgement': 'het oordeel over de effecten op de gereedheid (het zwaarste)',
    training: 'een aantal of bedrag van een trainingsprogramma, met zijn korte naam en de maat',
    trainingCountsUpTo: 'tot en met wanneer de trainingen zijn geteld van elk programma waarvan de tekst aantallen noemt (de vroegste van hun laatste tellingen tot de peildatum): de maand als die telling tot de laatste dag ervan loopt ("augustus 2025"), anders de dag ("15 oktober 2025")',
    trainingCountsBefore: 'de dag daarna, tot wanneer de trainingen zijn geteld ("Tot september 2025", "Tot 16 oktober 2025")',
  },
  trainingFrameworks: {
    euMission: 'EU-missie',
    bilateral: 'Bilateraal',
    coalition: 'Coalitie',
  },
  trainingMeasures: {
    trainers: 'trainers',
    trainees: 'getrainde militairen',
    courses: 'trainingen',
    rotations: 'rotaties',
    soldiersPerRotation: 'militairen per rotatie',
    costEstimate: 'geraamde kosten',
  },
  readinessEffects: {
    none: 'geen',
    acceptable: 'acceptabel',
    significantButAcceptable: 'significant, maar acceptabel',
    unacceptable: 'onacceptabel',
  },
  replenishmentStages: {
    identified: 'Geïdentificeerd',
    approved: 'Goedgekeurd',
    contracted: 'Gecontracteerd',
    delivered: 'Geleverd',
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
  companyOrigins: { dutch: 'Nederlands', ukrainian: 'Oekraïens', other: 'Overig' },
  milestoneStatuses: { notStarted: 'Niet begonnen', inProgress: 'Onderweg', late: 'Te laat', completed: 'Afgerond' },
  lessonCategories: { contracting: 'Contractering', pricing: 'Prijsvorming', delivery: 'Levering', quality: 'Kwaliteit', cooperation: 'Samenwerking' },
  coproductionStages: { intention: 'Intentie', memorandum: 'Memorandum of Understanding', signed: 'Getekend', producing: 'In productie' },
  exportControl: {
    criteria: {
      1: 'Internationale verplichtingen en verbintenissen (sancties, non-proliferatie)',
      2: 'Mensenrechten en internationaal humanitair recht',
      3: 'Binnenlandse situatie in het land van eindbestemming',
      4: 'Regionale vrede, veiligheid en stabiliteit',
      5: 'Nationale veiligheid van de lidstaten en van bevriende en bondgenootschappelijke landen',
      6: 'Gedrag van het kopende land tegenover de internationale gemeenschap',
      7: 'Risico van omleiding of wederuitvoer onder ongewenste omstandigheden',
      8: 'Verenigbaarheid met de technische en economische capaciteit van het ontvangende land',
    },
    findings: {
      noObjection: 'Geen bezwaar',
      riskMitigated: 'Risico ondervangen',
      objection: 'Bezwaar',
    },
    outcomes: {
      positive: 'Positief',
      positiveWithConditions: 'Positief onder voorwaarden',
      negative: 'Negatief',
    },
    militaryListCategories: {
      ML1: 'ML1 Wapens met gladde loop met een kaliber van minder dan 20 mm, andere wapens en automatische wapens met een kaliber van 12,7 mm of minder',
      ML2: 'ML2 Wapens met gladde loop met een kaliber van 20 mm of meer, andere wapens met een kaliber van meer dan 12,7 mm',
      ML3: 'ML3 Munitie en ontstekerstelapparatuur',
      ML4: 'ML4 Bommen, torpedo\'s, raketten, geleide projectielen, andere explosieven en ladingen',
      ML5: 'ML5 Vuurleidings-, bewakings- en waarschuwingsapparatuur',
      ML6: 'ML6 Grondvoertuigen en onderdelen',
      ML7: 'ML7 Chemische en biologische agentia, oproerbestrijdingsmiddelen, radioactieve stoffen',
      ML8: 'ML8 Energetische materialen',
      ML9: 'ML9 Oorlogsschepen en speciale marine-uitrusting',
      ML10: 'ML10 Luchtvaartuigen, onbemande luchtvaartuigen, vliegtuigmotoren',
      ML11: 'ML11 Elektronische apparatuur en ruimtevaartuigen',
      ML12: 'ML12 Wapensystemen met hoge kinetische energie',
      ML13: 'ML13 Pantser- of beschermende uitrusting en constructies',
      ML14: 'ML14 Uitrusting voor militaire training of simulatie',
      ML15: 'ML15 Beeldvormings- of tegenmaatregelapparatuur',
      ML16: 'ML16 Smeedstukken, gietstukken en andere halffabricaten',
      ML17: 'ML17 Diverse uitrusting, materialen en bibliotheken',
      ML18: 'ML18 Productie-uitrusting en onderdelen',
      ML19: 'ML19 Wapensystemen met gerichte energie',
      ML20: 'ML20 Cryogene en supergeleidende uitrusting',
      ML21: 'ML21 Programmatuur',
      ML22: 'ML22 Technologie',
    },
    unRegisterCategories: {
      I: 'I Gevechtstanks',
      II: 'II Pantservoertuigen',
      III: 'III Artilleriesystemen van groot kaliber',
      IV: 'IV Gevechtsvliegtuigen en onbemande gevechtsvliegtuigen',
      V: 'V Gevechtshelikopters',
      VI: 'VI Oorlogsschepen',
      VII: 'VII Raketten en lanceerinrichtingen',
      salw: 'Handvuurwapens en lichte wapens',
    },
    withheldGrounds: {
      commercial: 'Commercieel gevoelig',
      nationalSecurity: 'Nationale veiligheid',
    },
    gateStates: {
      notRequired: 'Geen vergunning nodig',
      licensed: 'Vergunning verleend',
      awaitingAssessment: 'Wacht op toetsing',
      assessmentNegative: 'Toetsing negatief',
      awaitingLicence: 'Wacht op vergunning',
    },
  },
  spreadsheetExport: {
    lists: {
      deliveries: 'Leveringen', auditTrail: 'Audittrail', disclosureQueue: 'Openbaarmakingswachtrij', letters: 'Brieven', epfClaims: 'EPF-declaraties',
      accounts: 'Accounts',
      exportQueues: 'Exportcontrole-wachtrijen',
      budgetCommitments: 'Verplichtingen',
      trainingProgrammes: 'Trainingsprogramma’s',
      readinessDeliveries: 'Effecten krijgsmacht', replenishmentProjects: 'Aanvulling', nonReplacements: 'Niet vervangen',
      industryByCountry: 'Contracten per land', industryContracts: 'Contracten en mijlpalen', priceDevelopments: 'Prijsontwikkelingen',
      lessonsLearned: 'Geleerde lessen', coproductionProjects: 'Coproductie', demandBundles: 'Vraagbundeling',
      annexes: 'Vertrouwelijke bijlagen',
      budgetDecisions: 'Begrotingsbesluiten', budgetShifts: 'Kasschuiven',
      epfTranches: 'EPF-tranches',
      dueReviews: 'Te herbeoordelen',
      toDecideAgain: 'Opnieuw te besluiten',
      importFaults: 'Importfouten',
    },
    headings: {
      id: 'Id', title: 'Titel', publicTitle: 'Openbare titel', category: 'Categorie', quantity: 'Aantal', unit: 'Eenheid',
      supportType: 'Type steun', fundingSource: 'Financieringsbron', pledgedAt: 'Toegezegd op', committedAt: 'Juridisch verplicht op',
      realisedAt: 'Gerealiseerd op', deliveredAt: 'Geleverd op', stage: 'Fase', valueEuro: 'Waarde (EUR)',
      disclosureState: 'Openbaarheid', demonstration: 'Demonstratiegegevens',
      sequence: 'Volgnummer', occurredAt: 'Tijdstip (UTC)', actor: 'Gebruiker', actorRole: 'Rol', action: 'Actie', result: 'Resultaat',
      objectType: 'Soort object', objectId: 'Object-id', origin: 'Herkomst', requestId: 'Verzoek-id',
      before: 'Voor (JSON)', after: 'Na (JSON)', detail: 'Details (JSON)', previousHash: 'Vorige hash', hash: 'Hash (SHA-256)',
      canonicalJson: 'Gehashte tekst (RFC 8785)',
      referenceDate: 'Peildatum', letterDate: 'Briefdatum', letterStatus: 'Status', paperNumber: 'Kamerstuk', publishedOn: 'Gepubliceerd op',
      createdBy: 'Aangemaakt door', createdAt: 'Aangemaakt op (UTC)', finalisedBy: 'Vastgesteld door', finalisedAt: 'Vastgesteld op (UTC)',
      approvedBy: 'Goedgekeurd door', approvedAt: 'Goedgekeurd op (UTC)', publicSha256: 'SHA-256 openbare brief', annexSha256: 'SHA-256 bijlage',
      withdrawnBy: 'Ingetrokken door', withdrawnAt: 'Ingetrokken op (UTC)', withdrawalReason: 'Reden van intrekking',
      reference: 'Kenmerk', period: 'Periode', batch: 'Omvat', declaredOn: 'Gedeclareerd op', declaredEuro: 'Gedeclareerd (EUR)',
      claimStatus: 'Status', compensatedEuro: 'Gecompenseerd (EUR)', paidEuro: 'Ontvangen (EUR)', outstandingEuro: 'Openstaand (EUR)',
      blockedReason: 'Reden blokkade', remainderExpectedBy: 'Rest verwacht uiterlijk in',
      username: 'Gebruikersnaam', displayName: 'Naam', role: 'Rol', hasPassword: 'Wachtwoord ingesteld',
      passwordChangeRequired: 'Wachtwoord wijzigen bij volgende keer inloggen', hasSecondFactor: 'Tweede factor',
      oidcSubject: 'Identiteitsprovider (sub)', email: 'E-mailadres', disabledAt: 'Uitgeschakeld op (UTC)',
      exportQueue: 'Wachtrij', deliveryId: 'Leverings-id', assessmentId: 'Beoordelings-id', assessmentOutcome: 'Uitkomst beoordeling', assessedOn: 'Beoordeeld op',
      budgetYear: 'Begrotingsjaar', amountEuro: 'Bedrag (EUR)', exceedsBudget: 'Boven het budget', stageHistory: 'Verloop', contractReference: 'Contractkenmerk',
      programme: 'Programma', programmeKey: 'Korte naam', hostCountry: 'Gastland', trainingFramework: 'Kader', systemTrainedOn: 'Getraind op', trainers: 'Trainers',
      trainersIsMaximum: 'Trainers: maximaal', trainersCountsUpTo: 'Trainers: geteld tot en met', trainees: 'Getraind', traineesIsApproximate: 'Getraind: circa',
      traineesCountsUpTo: 'Getraind: geteld tot en met', courses: 'Trainingen', coursesCountsUpTo: 'Trainingen: geteld tot en met',
      rotations: 'Rotaties', rotationsCountsUpTo: 'Rotaties: geteld tot en met', soldiersPerRotation: 'Militairen per rotatie',
      soldiersPerRotationCountsUpTo: 'Militairen per rotatie: geteld tot en met', costEstimateEuro: 'Geraamde kosten (EUR)', costEstimateCountsUpTo: 'Geraamde kosten: geteld tot en met',
      delivery: 'Levering', readinessEffect: 'Laatste oordeel', judgedOn: 'Beoordeeld op', judgedBy: 'Beoordeeld door', judgements: 'Oordelen',
      replacedEuro: 'Vervangen (EUR)', replacedQuantity: 'Vervangen aantal', nonReplacements: 'Besluiten niet te vervangen',
      project: 'Project', stageAsOf: 'Stand per', replacesEuro: 'Vervangt (EUR)', budgetEuro: 'Budget (EUR)', expectedOn: 'Verwacht op', note: 'Toelichting',
      decidedOn: 'Besloten op', reason: 'Reden', revalued: 'Waarde herzien', decidedBy: 'Besloten door',
      country: 'Land', contracts: 'Contracten', milestonesNotStarted: 'Mijlpalen niet begonnen', milestonesInProgress: 'Mijlpalen onderweg',
      milestonesLate: 'Mijlpalen te laat', milestonesCompleted: 'Mijlpalen afgerond',
      company: 'Bedrijf', signedOn: 'Getekend op', subject: 'Onderwerp', contractDeliveries: 'Vervult leveringen', milestone: 'Mijlpaal',
      dueOn: 'Gereed op', progressPercent: 'Voortgang (%)', milestoneStatus: 'Stand mijlpaal',
      item: 'Artikel', earlierPriceEuro: 'Eerdere prijs (EUR)', earlierOn: 'Eerdere prijs op', paidPriceEuro: 'Betaalde prijs (EUR)', paidOn: 'Betaald op',
      changePerMille: 'Verandering (‰)', notedOn: 'Genoteerd op', lesson: 'Les', partner: 'Partner', reachedOn: 'Bereikt op',
      need: 'Behoefte', dutchQuantity: 'Aantal Nederland', ukrainianQuantity: 'Aantal Oekraïne', identifiedOn: 'Vastgesteld op',
      sentAt: 'Naar de Kamer op (UTC)', previousReferenceDate: 'Vergeleken met peildatum', annexRows: 'Leveringen in de bijlage', newRows: 'Nieuw',
      changedRows: 'Anders gewaardeerd',
      budgetMoment: 'Moment', firstYear: 'Eerste jaar', lastYear: 'Laatste jaar', yearAmounts: 'Bedragen per jaar (EUR)', fromYear: 'Van jaar',
      toYear: 'Naar jaar', description: 'Omschrijving', recordedAt: 'Vastgelegd op (UTC)',
      trancheName: 'Tranche', trancheKind: 'Soort', euAmountEuro: 'Bedrag EU (EUR)', dutchRole: 'Rol Nederland',
      confidentialityGround: 'Grond', reviewOn: 'Herbeoordelen op', disclosureDecidedAt: 'Besloten op (UTC)',
      sheet: 'Blad', row: 'Regel', externalReference: 'Eigen kenmerk', columnLetter: 'Kolom', columnHeading: 'Kolomkop', fault: 'Wat er mis is',
    },
    letterStatuses: { draft: 'Concept', final: 'Definitief', withdrawn: 'Ingetrokken' },
    exportQueues: { awaitingAssessment: 'Wacht op beoordeling', awaitingLicence: 'Wacht op vergunning' },
    yes: 'Ja',
    theSystem: 'het systeem',
    no: 'Nee',
    decimalSign: ',',
  },
  fileNames: { publicDeliveries: 'Openbare leveringen', letter: 'Leveringenbrief', annex: 'Vertrouwelijke bijlage', letterFigures: 'Cijfers brief', allLetterFigures: 'Cijfers brieven' },
};
