import type * as nl from '../nl/session.ts';

export const session: typeof nl.session = {
  loggedInAs: 'Logged in as {{name}}',
  logOut: 'Log out',
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

export const access: typeof nl.access = {
  title: 'No access',
  notPermitted: 'Your role ({{role}}) cannot use this page. If you need access, ask the administrator of the register.',
  secondFactorRequired: 'This information is shown only when you logged in with your one-time code (second factor).',
  logInWithCode: 'Log in again with your code',
  submitRefused: 'Your role may not do this. Nothing has been saved.',
  home: 'Go to the start page',
};
