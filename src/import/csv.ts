/**
 * A CSV file as rows of text fields (RFC 4180: fields in double quotes may hold the separator, line
 * breaks and doubled quotes). UTF-8 with or without a byte order mark; the separator is a comma or a
 * semicolon (as Dutch Excel writes), whichever the header line uses outside quotes.
 */
export function readCsv(bytes: Uint8Array): string[][] {
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  const separator = separatorOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (quoted) {
      if (character !== '"') field += character;
      else if (text[index + 1] === '"') {
        field += '"';
        index++;
      } else quoted = false;
    } else if (character === '"' && field === '') quoted = true;
    else if (character === separator) {
      row.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index++;
      rows.push([...row, field]);
      row = [];
      field = '';
    } else field += character;
  }
  if (quoted) throw new CsvError('unclosedQuote');
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  // Blank lines (often at the end) are no rows.
  return rows.filter((cells) => cells.some((cell) => cell !== ''));
}

export class CsvError extends Error {}

function separatorOf(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && character === ',') commas++;
    else if (!quoted && character === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}
