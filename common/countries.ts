/**
 * The countries a person may name by code: every officially assigned ISO 3166-1 alpha-2 code (249), and
 * nothing else. Two capital letters alone are not enough: XX, QQ or ZZ name no country.
 */
const ISO_3166_ALPHA_2 = `
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
  CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
  GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
  KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS
  MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS
  RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW
  TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
`;

const COUNTRY_CODES: ReadonlySet<string> = new Set(ISO_3166_ALPHA_2.trim().split(/\s+/));

/**
 * A country code as typed, in the one form it is judged and stored in: without the spaces around it and
 * in capitals ("nl", " Ua" are NL and UA). Only a to z are raised: "ıt" stays no code, as it is typed.
 */
export function countryCodeOf(text: string): string {
  return text.trim().replace(/[a-z]/g, (letter) => letter.toUpperCase());
}

/** Whether the code, in that form (countryCodeOf), is a country's: "NL", "UA"; not "NLD" or "XX". */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

const DUTCH_NAMES = new Intl.DisplayNames('nl', { type: 'region', fallback: 'none' });

/** A country's name in Dutch, by its code ("Oekraïne" for UA); the code itself where it is no country's (isCountryCode). */
export function countryName(code: string): string {
  return (isCountryCode(code) && DUTCH_NAMES.of(code)) || code;
}
