import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { RecordContextProvider, ReferenceField, useRecordContext, useTranslate } from 'react-admin';
import type { DocumentDefinition, DocRecord } from '../domain/definition';
import { formatMoney, formatShanghai } from './fieldRenderers';
import { enumKey } from '../app/i18n/resourceKeys';

/**
 * A lines field as a table, columns from its lineFields. A referenced product is shown by the name
 * the line carries (productName, or a gift item's name); other references by their record's name
 * (never a bare id).
 */
export function LinesTable({ def, source }: { def: DocumentDefinition; source: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const f = def.fields[source];
  const rows = (Array.isArray(record?.[source]) ? record[source] : []) as DocRecord[];
  if (!f || f.type !== 'lines') return null;
  // a ref column is redundant when the line carries the referenced name (productName, sku)
  const named = (r: DocRecord) =>
    (typeof r.productName === 'string' && r.productName !== '') || (typeof r.name === 'string' && r.name !== '');
  const hasNames = rows.length > 0 && rows.every((r) => r.productId == null || named(r));
  const cols = Object.entries(f.lineFields ?? {}).filter(([k]) => !(k === 'productId' && hasNames));
  const cell = (k: string, type: string, v: unknown, row: DocRecord) => {
    const ref = f.lineFields?.[k]?.ref;
    if (type === 'ref' && ref && v != null && v !== '') {
      return (
        <RecordContextProvider value={{ ...row, id: -1 }}>
          <ReferenceField source={k} reference={ref} link={false} />
        </RecordContextProvider>
      );
    }
    if (type === 'money') return formatMoney(v);
    if (type === 'enum' && v != null && v !== '')
      return translate(enumKey(def.resource, `${source}_${k}`, String(v)), { _: String(v) });
    if (type === 'datetime') return formatShanghai(v);
    if (type === 'bool') return v ? translate('app.common.yes') : translate('app.common.no');
    return v === null || v === undefined ? '' : String(v);
  };
  return (
    <Table size="small" aria-label={translate(`resources.${def.resource}.fields.${source}`)}>
      <TableHead>
        <TableRow>
          <TableCell>#</TableCell>
          {cols.map(([k, lf]) => (
            <TableCell key={k} align={lf.type === 'money' || lf.type === 'int' ? 'right' : 'left'}>
              {translate(`resources.${def.resource}.lineFields.${source}.${k}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r, i) => (
          <TableRow key={i}>
            <TableCell>{i + 1}</TableCell>
            {cols.map(([k, lf]) => (
              <TableCell
                key={k}
                align={lf.type === 'money' || lf.type === 'int' ? 'right' : 'left'}
                sx={k === 'shortBy' && Number(r[k]) > 0 ? { color: 'error.main', fontWeight: 600 } : undefined}
              >
                {cell(k, lf.type, r[k], r)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
