/**
 * A small seeded pseudo-random generator (mulberry32), so that every benchmark run builds the same
 * register. Not for anything that needs real randomness.
 */
const UUID_EPOCH_MS = Date.UTC(2025, 0, 1);

export class SeededRandom {
  #state: number;
  #uuids = 0;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** A whole number from min to max, both included. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An index into the weights, each drawn in proportion to its weight. */
  weightedIndex(weights: readonly number[]): number {
    let draw = this.next() * weights.reduce((sum, weight) => sum + weight, 0);
    const index = weights.findIndex((weight) => (draw -= weight) < 0);
    return index === -1 ? weights.length - 1 : index;
  }

  /** One of the keys, each drawn in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    return entries[this.weightedIndex(entries.map(([, weight]) => weight))]![0];
  }

  /** A whole number between min and max, spread evenly over orders of magnitude (like prices). */
  logUniform(min: number, max: number): number {
    return Math.round(min * (max / min) ** this.next());
  }

  /**
   * A version 7 UUID made from this generator's numbers, its time a millisecond after the one before (from
   * 2025-01-01): ids in the order they were made, as the register makes them (src/register/record-ids.ts).
   */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16));
    hex.splice(0, 12, ...(UUID_EPOCH_MS + this.#uuids++).toString(16).padStart(12, '0'));
    hex[12] = '7';
    hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    const text = hex.join('');
    return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
  }
}
