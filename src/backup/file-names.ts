import { basename, dirname, join } from 'node:path';

/** The most bytes one name in a path may have on the usual file systems (ext4, XFS, Btrfs, APFS). */
const NAME_MAX_BYTES = 255;

/** Whether the last name of `path` is longer than a file system allows. */
export const nameTooLong = (path: string): boolean => Buffer.byteLength(basename(path)) > NAME_MAX_BYTES;

/**
 * `path` with `suffix` added to its name, in the same folder: the name is cut short (at a whole
 * character) where the two together would pass what a file system allows, so that a file written aside
 * of a target with a long name can still be made.
 */
export function besidePath(path: string, suffix: string): string {
  const room = NAME_MAX_BYTES - Buffer.byteLength(suffix);
  let kept = '';
  let bytes = 0;
  for (const character of basename(path)) {
    bytes += Buffer.byteLength(character);
    if (bytes > room) break;
    kept += character;
  }
  return join(dirname(path), kept + suffix);
}
