/** A refusal the operator should read as one line, without a stack trace. */
export class CommandError extends Error {}
