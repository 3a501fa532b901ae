export const LOGIN_PATH = '/inloggen';
/** Where one changes one's own password; the only page of a session whose account must first choose its own. */
export const PASSWORD_PATH = '/wachtwoord';
const RETURN_PARAM = 'terug';

/** The login page's address that brings the user back to `path` afterwards. */
export function loginPathReturningTo(path: string): string {
  return path === '/' ? LOGIN_PATH : `${LOGIN_PATH}?${new URLSearchParams({ [RETURN_PARAM]: path })}`;
}

/** Where to go after logging in: the page named in the address, if it is one of this site's own. */
export function returnPathOf(search: string): string {
  const path = new URLSearchParams(search).get(RETURN_PARAM);
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\') || path.startsWith(LOGIN_PATH)) return '/';
  return path;
}
