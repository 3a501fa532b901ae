import { describe, expect, it } from 'vitest';
import { armsTransferReportFile } from './export-control.ts';
import { exportAddress } from './exports.ts';
import { annexAddress, renderingAddress } from './letters.ts';
import { letterFiguresFile, publicDeliveriesFile, publicLetterFile } from './public.ts';

describe('the files the pages offer to download', () => {
  it.each(['nl', 'en'] as const)('ask for the language the page shows (%s), which names the file and its headings whatever the browser prefers', (language) => {
    const addresses = [
      renderingAddress('a1', 'pdf', language),
      annexAddress('a1', 'pdf', language),
      publicLetterFile('/api/v1/public/letters/a1/renderings/pdf', language),
      letterFiguresFile('csv', language),
      publicDeliveriesFile('csvRfc4180', language),
      armsTransferReportFile(2025, 'att', 'xlsx', language),
      exportAddress('deliveries', { q: 'PURL' }, 'xlsx', language),
    ];
    for (const address of addresses) expect(new URL(address, 'https://steunregister.example').searchParams.get('lang'), address).toBe(language);
  });

  it('keep what a published letter’s own address asks', () => {
    expect(publicLetterFile('/api/v1/public/letters/a1/renderings/pdf?version=2', 'en')).toBe('/api/v1/public/letters/a1/renderings/pdf?version=2&lang=en');
  });
});
