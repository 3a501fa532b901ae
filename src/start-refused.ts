/** A reason not to start that the operator must resolve; the command line prints its message and exits. */
export class StartRefusedError extends Error {}
