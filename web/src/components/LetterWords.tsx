/** Words as a letter prints them ("€ 8,7 mld.", "twee"): Dutch, also on an English page, so that they are read aloud as Dutch. */
export function LetterWords({ text }: { text: string }) {
  return <span lang="nl">{text}</span>;
}
