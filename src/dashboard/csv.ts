import jsonExport from 'jsonexport/dist';
import { downloadCSV } from 'react-admin';

export type CsvValue = string | number | null | undefined;

/** The CSV text of rows whose keys are the column headers (in order). */
export function toCsv(rows: Record<string, CsvValue>[], headers: string[]): Promise<string> {
  const data = rows.map((r) => Object.fromEntries(headers.map((h) => [h, r[h] ?? ''])));
  return new Promise((resolve, reject) => {
    jsonExport(data, { headers }, (err, csv) => (err ? reject(err) : resolve(csv)));
  });
}

/**
 * Downloads the rows as `<filename>.csv` with react-admin's downloadCSV. A UTF-8 byte order mark
 * goes first so that Excel opens the Chinese headers and names correctly.
 */
export async function exportCsv(rows: Record<string, CsvValue>[], headers: string[], filename: string): Promise<void> {
  const csv = await toCsv(rows, headers);
  downloadCSV(`\ufeff${csv}`, filename);
}
