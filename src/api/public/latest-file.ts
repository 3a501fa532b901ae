/**
 * A file made from the public data as it is under one tag (an ETag that changes whenever the data does),
 * kept until the tag changes: every reader in between gets the same bytes, made once. Readers that
 * arrive while it is being made wait for it rather than making their own.
 */
export class LatestFile {
  #latest: { tag: string; file: Promise<Uint8Array<ArrayBuffer>> } | undefined;

  get(tag: string, make: () => Promise<Uint8Array<ArrayBuffer>>): Promise<Uint8Array<ArrayBuffer>> {
    if (this.#latest?.tag !== tag) {
      const file = make();
      // A failure is not kept: the next reader tries again.
      file.catch(() => {
        if (this.#latest?.file === file) this.#latest = undefined;
      });
      this.#latest = { tag, file };
    }
    return this.#latest.file;
  }
}
