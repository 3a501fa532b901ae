/**
 * A downloaded file's name, in the language of the answer: its parts (the words it is named after, such as a
 * list's sheet name, and a day) each in lower case, a space as a hyphen and without apostrophes, joined by
 * hyphens ("Effecten krijgsmacht", "Trainingsprogramma’s": effecten-krijgsmacht, trainingsprogrammas; "Audit
 * trail" and 2025-09-10: audit-trail-2025-09-10).
 */
export function fileName(...parts: readonly string[]): string {
  return parts.map((part) => part.toLowerCase().replace(/[’']/g, '').replace(/\s+/g, '-')).join('-');
}
