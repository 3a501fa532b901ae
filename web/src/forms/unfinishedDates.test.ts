import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const WEB_SOURCE = new URL('..', import.meta.url).pathname;
/** What renders a date control: the control itself, or the field that renders one for a date it describes. */
const DATE_CONTROL = /type="date"|<DescribedField\b/;
/** Components that are one field rather than a form: whatever renders them answers for their date. */
const FIELDS = new Set(['DescribedField']);
/** The two ways a form refuses a date typed in part: its submission looks at the controls it is put on, or the filter checks them. */
const CHECKS_DATES = /ref=\{\w+\.formRef\}|useFilterDates\(\)/;

/** The web app's top-level functions, each as the source from its start up to the next one. */
function components(): { name: string; source: string }[] {
  return readdirSync(WEB_SOURCE, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.tsx'))
    .flatMap((file) =>
      readFileSync(join(WEB_SOURCE, file), 'utf8')
        .split(/^(?=(?:export (?:default )?)?function )/m)
        .flatMap((source) => {
          const name = /^(?:export (?:default )?)?function (\w+)/.exec(source)?.[1];
          return name === undefined ? [] : [{ name: `${file} ${name}`, source }];
        }),
    );
}

it('has every form with a date refuse one typed only in part, which the browser gives as empty', () => {
  const withDates = components().filter((component) => DATE_CONTROL.test(component.source) && !FIELDS.has(component.name.split(' ')[1]!));
  // The register's forms and filters with a date are found, rather than none by a pattern gone stale.
  expect(withDates.length).toBeGreaterThanOrEqual(20);
  expect(withDates.filter((component) => !CHECKS_DATES.test(component.source)).map((component) => component.name)).toEqual([]);
});
