import type { Kysely } from 'kysely';
import type { RequestContext } from '../audit/trail.ts';
import type { Database } from '../db/schema.ts';
import { publishDueLetters, type HeldPublication } from './letter-publication.ts';
import { StartRefusedError } from '../start-refused.ts';
import { SYSTEM_ACTOR } from '../../common/actors.ts';

export interface PublicationTimer {
  /** Stops the timer and waits for a round under way; call it before the database is closed. */
  stop(): Promise<void>;
}

/**
 * Publishes scheduled letters without a person: once at start (catching up on what passed while the
 * server was down) and then every `intervalMs`. A failed round is reported and tried again next round; a
 * publication held back is passed to `onHeld`, as a person who records publications must act on it.
 */
export async function startPublicationTimer(options: {
  db: Kysely<Database>;
  intervalMs: number;
  clock: () => Date;
  onError: (error: unknown) => void;
  onHeld?: (held: HeldPublication) => void;
}): Promise<PublicationTimer> {
  const context: RequestContext = { actor: { id: null, username: SYSTEM_ACTOR, role: null }, origin: null, requestId: null, now: options.clock };
  let round: Promise<unknown> = Promise.resolve();
  const runRound = () => {
    round = round
      .then(() => publishDueLetters(options.db, context))
      .then((held) => held.forEach((publication) => options.onHeld?.(publication)))
      .catch(options.onError);
    return round;
  };
  await runRound();
  const timer = setInterval(runRound, options.intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await round;
    },
  };
}

/** How often the server looks for scheduled publications: every PUBLICATION_CHECK_SECONDS, by default every 10 seconds. */
export function publicationCheckIntervalFromEnvironment(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.PUBLICATION_CHECK_SECONDS ?? 10);
  if (!(seconds > 0 && seconds <= 3600)) {
    throw new StartRefusedError(`PUBLICATION_CHECK_SECONDS must be a number of seconds up to an hour, not "${env.PUBLICATION_CHECK_SECONDS}"`);
  }
  return seconds * 1000;
}
