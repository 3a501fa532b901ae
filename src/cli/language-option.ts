import { Option } from 'commander';
import { LANGUAGES } from '../../common/vocabulary/languages.ts';

/** `--language nl|en`: the language a command writes in, Dutch unless asked otherwise, as the register speaks it. */
export function languageOption(description: string): Option {
  return new Option('--language <language>', description).choices(LANGUAGES).default(LANGUAGES[0]);
}
