/** What an import's report says of its faults, as the server, the command line and the browser read it. */
interface FaultsOfImport {
  counts: { invalid: number };
  headerFaults: readonly unknown[];
}

/** Whether a row of the file, or a sheet's header row, has a fault: with "all or nothing" that leaves out the whole file. */
export function importHasFaults(report: FaultsOfImport): boolean {
  return report.counts.invalid > 0 || report.headerFaults.length > 0;
}
