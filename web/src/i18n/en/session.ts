import type * as nl from '../nl/session.ts';

export const session: typeof nl.session = {
  loggedInAs: 'Logged in as {{name}}',
  logOut: 'Log out',
  changePassword: 'Change password',
  logOutFailed: 'Logging out did not work. Please try again.',
  unreachable: 'The server cannot be reached. Check the connection and try again.',
};

export const login: typeof nl.login = {
  title: 'Log in',
  intro: 'Log in with your Steunregister account.',
  submit: 'Log in',
  busy: 'Logging in…',
  failed: 'The username, password or one-time code is not right. If your account has a second factor, fill in the code as well.',
  throttled_one: 'There have been too many failed logins. Try again in {{count}} minute.',
  throttled_other: 'There have been too many failed logins. Try again in {{count}} minutes.',
  expired: 'Your session has ended. Log in again to continue where you were.',
  loggedOut: 'You have logged out.',
  secondFactor: 'Log in again, now with your one-time code, to continue where you were.',
  organisation: "Log in with your organisation's account",
  orPassword: 'Or log in with your username and password:',
  public: 'Without logging in you can read the letters sent and the open data:',
  publicLink: 'go to the public information',
};

export const passwordChange: typeof nl.passwordChange = {
  title: 'Change password',
  intro: 'Fill in your current password and choose a new one. Your sessions in other browsers and on other devices then end; here you stay logged in.',
  required: 'An administrator has set a new password for you. Choose a password of your own first; then you can continue in the register. Your current password is the one the administrator gave you.',
  organisationOnly: "You log in with your organisation's account and have no password in the Steunregister. You change your password at your organisation.",
  submit: 'Change password',
  changed: 'Your password has been changed.',
  otherSessionsEnded_zero: 'You were not logged in anywhere else.',
  otherSessionsEnded_one: 'Your session in another browser or on another device has ended; log in there again with your new password.',
  otherSessionsEnded_other: 'Your {{count}} sessions in other browsers or on other devices have ended; log in there again with your new password.',
  throttled_one: 'A wrong password has been filled in too often. Try again in {{count}} minute.',
  throttled_other: 'A wrong password has been filled in too often. Try again in {{count}} minutes.',
};

export const access: typeof nl.access = {
  title: 'No access',
  notPermitted: 'Your role ({{role}}) cannot use this page. If you need access, ask the administrator of the register.',
  secondFactorRequired: 'This information is shown only when you logged in with your one-time code (second factor).',
  logInWithCode: 'Log in again with your code',
  submitRefused: 'Your role may not do this. Nothing has been saved.',
  home: 'Go to the start page',
};
