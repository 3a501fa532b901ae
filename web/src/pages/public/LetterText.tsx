import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { keepFiguresTogether } from '../../../../common/letter-format.ts';
import type { Schema } from '../../api/contract.ts';
import { TableScroll } from '../../components/TableScroll.tsx';

type LetterDocument = Schema<'LetterDocument'>;
type Block = LetterDocument['sections'][number]['blocks'][number];
type Inline = Extract<Block, { kind: 'paragraph' }>['content'][number];

const noteId = (number: number) => `brief-voetnoot-${number}`;
const referenceId = (number: number) => `brief-verwijzing-${number}`;
const tableHeadId = (section: number, block: number) => `brief-tabel-${section}-${block}`;

/**
 * The full text of a sent letter, as its renderings print it (the server lays it out once): the letterhead,
 * the text with its table, the signature, the public overview after it, and the footnotes. The letter is
 * Dutch whatever the page's language. Its text and footnotes keep a figure with its unit, a date and a paper's
 * reference on one line (keepFiguresTogether), as its renderings do.
 */
export function LetterText({ document }: { document: LetterDocument }) {
  const { t } = useTranslation();
  const [organisation, ...address] = document.letterhead.sender;
  const referenced = new Set<number>();
  const inline = (content: readonly Inline[]): ReactNode =>
    content.map((part, index) => {
      if (typeof part === 'string') return <Fragment key={index}>{keepFiguresTogether(part)}</Fragment>;
      const first = !referenced.has(part.footnote);
      referenced.add(part.footnote);
      return (
        <sup key={index} className="letter-text__note-ref">
          <a href={`#${noteId(part.footnote)}`} id={first ? referenceId(part.footnote) : undefined} aria-label={t('public.letter.footnote', { number: part.footnote })}>
            {part.footnote}
          </a>
        </sup>
      );
    });
  return (
    <article className="letter-text" lang="nl">
      <div className="letter-text__head">
        <p className="letter-text__wordmark">{document.letterhead.wordmark}</p>
        <div className="letter-text__sender">
          <p>
            <strong>{organisation}</strong>
            {address.map((line) => (
              <Fragment key={line}>
                <br />
                {line}
              </Fragment>
            ))}
          </p>
          <p>
            <strong>Onze referentie</strong>
            <br />
            {document.letterhead.reference}
          </p>
          <p>
            <strong>Bijlage(n)</strong>
            <br />
            {document.letterhead.enclosures}
          </p>
        </div>
        <p className="letter-text__addressee">
          {document.addressee.map((line, index) => (
            <Fragment key={line}>
              {index > 0 && <br />}
              {line}
            </Fragment>
          ))}
        </p>
        <p className="letter-text__meta">
          <span>Datum</span> {document.dateText}
          <br />
          <span>Betreft</span> {document.subject}
        </p>
      </div>
      <p>{document.salutation}</p>
      {document.sections.map((section, index) => (
        <Fragment key={index}>
          {section.heading !== null && <h3 className="nl-heading nl-heading--level-3">{section.heading}</h3>}
          {section.blocks.map((block, at) => (
            <Fragment key={at}>{letterBlock(block, inline, tableHeadId(index, at))}</Fragment>
          ))}
        </Fragment>
      ))}
      <div className="letter-text__closing">
        {document.closing.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {document.overview && (
        <>
          <h3 className="nl-heading nl-heading--level-3">{document.overview.heading}</h3>
          {document.overview.emptyText !== null && <p>{document.overview.emptyText}</p>}
          {document.overview.groups.map((group) => (
            <Fragment key={group.label}>
              <h4 className="nl-heading nl-heading--level-4">{group.label}</h4>
              <ul className="utrecht-unordered-list">
                {group.items.map((item, index) => (
                  <li key={index} className="utrecht-unordered-list__item">
                    {item}
                  </li>
                ))}
              </ul>
            </Fragment>
          ))}
        </>
      )}
      {document.footnotes.length > 0 && (
        <ol className="letter-text__footnotes" aria-label={t('public.letter.footnotes')}>
          {document.footnotes.map((note) => (
            <li key={note.number} id={noteId(note.number)} value={note.number}>
              {keepFiguresTogether(note.text)}{' '}
              {referenced.has(note.number) && (
                <a href={`#${referenceId(note.number)}`} aria-label={t('public.letter.backToReference', { number: note.number })}>
                  ↩
                </a>
              )}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}

/**
 * Called in the text's order (not as a component), so that footnote references are counted before the notes.
 * A table has no caption in the letter: its header row, `headId`, names it where it scrolls.
 */
function letterBlock(block: Block, inline: (content: readonly Inline[]) => ReactNode, headId: string): ReactNode {
  switch (block.kind) {
    case 'paragraph':
      return <p>{inline(block.content)}</p>;
    case 'bullets':
      return (
        <ul className="utrecht-unordered-list">
          {block.items.map((item, index) => (
            <li key={index} className="utrecht-unordered-list__item">
              {inline(item)}
            </li>
          ))}
        </ul>
      );
    case 'table': {
      const { header, rows, numericColumns } = block.table;
      const numeric = (column: number) => (numericColumns.includes(column) ? ' letter-text__numeric' : '');
      return (
        <TableScroll labelledBy={headId}>
          <table className="utrecht-table utrecht-table--html-table letter-text__table">
            <thead id={headId} className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {header.map((heading, column) => (
                  <th key={column} scope="col" className={`utrecht-table__header-cell${numeric(column)}`}>
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((row, index) => (
                <tr key={index} className={`utrecht-table__row${row.emphasis ? ' letter-text__emphasis' : ''}`}>
                  {row.cells.map((cell, column) =>
                    column === 0 ? (
                      <th key={column} scope="row" className="utrecht-table__header-cell">
                        {inline(cell)}
                      </th>
                    ) : (
                      <td key={column} className={`utrecht-table__cell${numeric(column)}`}>
                        {inline(cell)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      );
    }
  }
}
