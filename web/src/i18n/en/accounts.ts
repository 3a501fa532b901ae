import type * as nl from '../nl/accounts.ts';

export const accounts: typeof nl.accounts = {
  title: 'Accounts',
  intro: 'Who uses the register, and with which role. The role decides what someone may do. Another role, or disabling, ends the open sessions of the account.',
  listHeading: 'All accounts',
  caption: 'Accounts, by username',
  columns: {
    account: 'Account',
    role: 'Role',
    login: 'Logs in with',
    status: 'Status',
    actions: 'Actions',
  },
  methods: {
    password: 'password',
    organisation: 'organisation account',
    code: 'one-time code',
  },
  active: 'Active',
  disabledOn: 'Disabled on {{date}}',
  ownAccount: 'Your own account: another administrator changes or disables it',
  create: {
    heading: 'New account',
    submit: 'Create account',
    another: 'Create another account',
    alwaysSecondFactor: 'With this role an account always has a second factor.',
  },
  created: {
    heading: 'Account {{username}} has been created',
    warning: 'This secret is shown only once. Hand it now, by a secure route, to the owner of the account, who puts it into an authenticator app. After this it cannot be retrieved anywhere.',
    secret: 'Secret of the second factor',
    uri: 'Address for an authenticator app',
    done: 'The secret has been handed over',
    withoutSecondFactor: 'Account {{username}} has been created, without a second factor.',
  },
  changeRole: {
    button: 'Change role',
    title: 'Change the role of {{username}}',
    body: 'The new role applies from the next time {{username}} logs in: the open sessions of this account end now.',
    confirm: 'Change role',
    done: 'The role of {{username}} is now {{role}}.',
  },
  disable: {
    button: 'Disable',
    title: 'Disable account {{username}}?',
    body: '{{username}} will no longer be able to log in; open sessions end at once. It cannot be enabled again here.',
    confirm: 'Yes, disable',
    done: 'Account {{username}} has been disabled.',
  },
  failed: 'That did not work: {{detail}}',
};
