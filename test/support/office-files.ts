/**
 * ZIP archives that are no workbook, as their programs write them: an Office document whose content types
 * name its main part, an OpenDocument file whose first entry names its kind, and an archive of other files.
 */
import { strToU8, zipSync } from 'fflate';

/** The content types of the main part of a Word document and of a PowerPoint presentation. */
export const WORD_DOCUMENT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
export const POWERPOINT_PRESENTATION = 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml';

/** An Open XML package (a .docx, .pptx) with its main part of this content type, and the package's relationship to it. */
export function officeDocument(mainPart: string, contentType: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${mainPart}" ContentType="${contentType}"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${mainPart}"/></Relationships>`,
    ),
    [mainPart]: strToU8('<?xml version="1.0" encoding="UTF-8"?><document/>'),
  });
}

/** An OpenDocument file (.odt, .ods) of this kind (text, spreadsheet): its mimetype first and stored, as the standard asks. */
export function openDocument(kind: string): Uint8Array {
  return zipSync({
    mimetype: [strToU8(`application/vnd.oasis.opendocument.${kind}`), { level: 0 }],
    'content.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
    'META-INF/manifest.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
  });
}
