import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLetterDate } from '../../../../src/domain/letter-format.ts';
import type { Block, Inline, LetterTable } from '../../../../src/letters/letter-document.ts';
import { LABELS } from '../../../../src/letters/render/labels.ts';
import type { PublicLetterSnapshot } from '../../api/letters.ts';

interface LetterPreviewProps {
  letter: PublicLetterSnapshot;
  paperNumber: string | null;
  isDraft: boolean;
}

/**
 * The public letter as it reads when sent: its date and subject, the text with the computed figures in
 * place, the table, the public overview and the footnotes. Built from the same snapshot the renderers
 * lay out; in Dutch, as the letter is written.
 */
export function LetterPreview({ letter, paperNumber, isDraft }: LetterPreviewProps) {
  const { t } = useTranslation();
  return (
    <article className="letter-sheet" aria-label={t('letters.preview.label')}>
      {isDraft && <p className="letter-sheet__draft">{t('letters.preview.draftMark')}</p>}
      <div lang="nl">
        <dl className="letter-sheet__meta">
          {paperNumber && <MetaLine label={t('letters.preview.paperNumber')} value={paperNumber} />}
          <MetaLine label={LABELS.date} value={formatLetterDate(letter.letterDate)} />
          <MetaLine label={LABELS.subject} value={letter.subject} />
        </dl>
        {letter.sections.map((section, index) => (
          <section key={index} className="letter-sheet__section">
            {section.heading && <h3 className="letter-sheet__heading">{section.heading}</h3>}
            {section.blocks.map((block, blockIndex) => (
              <LetterBlock key={blockIndex} block={block} />
            ))}
          </section>
        ))}
        {letter.footnotes.length > 0 && (
          <section className="letter-sheet__footnotes">
            <h3 className="letter-sheet__heading">{LABELS.footnotes}</h3>
            <ol>
              {letter.footnotes.map((note) => (
                <li key={note.number} value={note.number} id={`voetnoot-${note.number}`}>
                  {note.text}{' '}
                  <a className="utrecht-link utrecht-link--html-a" href={`#verwijzing-${note.number}`} aria-label={`Terug naar verwijzing ${note.number}`}>
                    ↩
                  </a>
                </li>
              ))}
            </ol>
          </section>
        )}
      </div>
    </article>
  );
}

function MetaLine({ label, value }: { label: string; value: string }) {
  return (
    <div className="letter-sheet__meta-line">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function LetterBlock({ block }: { block: Block }) {
  switch (block.kind) {
    case 'paragraph':
      return (
        <p className="nl-paragraph">
          <InlineText content={block.content} />
        </p>
      );
    case 'bullets':
      return (
        <ul className="utrecht-unordered-list">
          {block.items.map((item, index) => (
            <li key={index} className="utrecht-unordered-list__item">
              <InlineText content={item} />
            </li>
          ))}
        </ul>
      );
    case 'table':
      return <LetterTableView table={block.table} />;
  }
}

/** The letter's table of figures, its amounts right-aligned and its last row, the total, in bold. */
function LetterTableView({ table }: { table: LetterTable }) {
  const numeric = (column: number) => table.numericColumns.includes(column);
  return (
    <div className="utrecht-table__container table-scroll">
      <table className="utrecht-table utrecht-table--html-table letter-table">
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {table.header.map((heading, column) => (
              <th key={column} scope="col" className={`utrecht-table__header-cell${numeric(column) ? ' utrecht-table__header-cell--numeric-column' : ''}`}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex} className={`utrecht-table__row${row.emphasis ? ' letter-table__emphasis' : ''}`}>
              {row.cells.map((cell, column) =>
                column === 0 ? (
                  <th key={column} scope="row" className="utrecht-table__header-cell table-row-heading">
                    <InlineText content={cell} />
                  </th>
                ) : (
                  <td key={column} className={`utrecht-table__cell${numeric(column) ? ' utrecht-table__cell--numeric-data' : ''}`}>
                    <InlineText content={cell} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InlineText({ content }: { content: readonly Inline[] }) {
  return content.map((part, index) =>
    typeof part === 'string' ? (
      <Fragment key={index}>{part}</Fragment>
    ) : (
      <sup key={index} className="letter-sheet__footnote-ref">
        <a className="utrecht-link utrecht-link--html-a" href={`#voetnoot-${part.footnote}`} id={`verwijzing-${part.footnote}`} aria-label={`Voetnoot ${part.footnote}`}>
          {part.footnote}
        </a>
      </sup>
    ),
  );
}
