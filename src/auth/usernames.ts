/**
 * What a username reads as, to keep two accounts from being taken for each other in the audit trail and
 * the pages: its separators alike ('.', '_' and '-'), and the digits and letters that pass for others in
 * the fonts it is read in ('0' as 'o', '1' as 'l', 'rn' as 'm', 'vv' as 'w'). Usernames are lower-case
 * ASCII, so no other script's look-alikes reach them.
 */
export function usernameReading(username: string): string {
  return username.replace(/[._-]/g, '-').replaceAll('0', 'o').replaceAll('1', 'l').replaceAll('rn', 'm').replaceAll('vv', 'w');
}
