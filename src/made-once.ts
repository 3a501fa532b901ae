/**
 * Values made once per key and kept: those who ask while one is being made wait for it rather than make
 * their own; one that failed is made again when next asked for. Beyond `maxEntries` the least recently used
 * gives way. For what never changes under its key: a final letter's text, by its SHA-256, and what is made
 * of it.
 */
export class MadeOnce<Value> {
  readonly #entries = new Map<string, Promise<Value>>();
  readonly #maxEntries: number;

  constructor(maxEntries: number) {
    this.#maxEntries = maxEntries;
  }

  get(key: string, make: () => Promise<Value>): Promise<Value> {
    const found = this.#entries.get(key);
    if (found) {
      this.#entries.delete(key);
      this.#entries.set(key, found);
      return found;
    }
    const made = make();
    made.catch(() => this.#entries.delete(key));
    this.#entries.set(key, made);
    if (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return made;
  }
}
