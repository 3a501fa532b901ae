/** Username, password or code wrong, or the account disabled: the caller learns no more than that. */
export class LoginFailedError extends Error {
  constructor() {
    super('the username, password or code is not right');
  }
}

/** Too many failed logins lately for this username or from this address. */
export class LoginThrottledError extends Error {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(`too many failed logins; try again in ${retryAfterSeconds} s`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
