import { Chip, Typography } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import { BooleanField, NumberField, ReferenceField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { shanghaiDate, shanghaiTime } from '../domain/calendar';
import type { DocumentDefinition, FieldDef } from '../domain/definition';
import { getDefinition } from '../domain/documents';
import { formatYuan, yuanToFen } from '../domain/money';
import type { StateColor } from '../domain/workflow';
import { enumKey, statusKey } from '../app/i18n/resourceKeys';

/** Display of one value by field type: money ¥ right-aligned, Shanghai times, coloured status chips. */

export interface ValueFieldProps {
  source: string;
  label?: ReactNode;
  sortable?: boolean;
  textAlign?: 'left' | 'right';
  resource?: string;
}

export function formatMoney(v: unknown): string {
  return typeof v === 'number' && Number.isFinite(v) ? formatYuan(yuanToFen(v)) : '';
}

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai, whatever the browser's zone. */
export function formatShanghai(v: unknown): string {
  if (typeof v !== 'string' || !v) return '';
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return '';
  return `${shanghaiDate(d)} ${shanghaiTime(d)}`;
}

const valueOf = (record: Record<string, unknown> | undefined, source: string) => record?.[source];

export const MoneyField = ({ source }: ValueFieldProps) => {
  const record = useRecordContext();
  return (
    <Typography component="span" variant="body2" sx={{ display: 'block', textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatMoney(valueOf(record, source))}
    </Typography>
  );
};
MoneyField.textAlign = 'right' as const;

export const ShanghaiDateTimeField = ({ source }: ValueFieldProps) => {
  const record = useRecordContext();
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {formatShanghai(valueOf(record, source))}
    </Typography>
  );
};

/** on a show page a field sits in react-admin's Labeled (a flex column), which stretched a chip across the cell */
const CHIP_AS_WIDE_AS_ITS_TEXT = { alignSelf: 'flex-start' } as const;

/** MUI Chip colours for workflow state colours ('default' stays neutral). */
export const chipColor = (c: StateColor | undefined) => c ?? 'default';

export const StatusChip = ({ def, status }: { def: DocumentDefinition; status: unknown }) => {
  const translate = useTranslate();
  if (typeof status !== 'string' || !status) return null;
  const state = def.workflow?.states[status];
  return <Chip size="small" color={chipColor(state?.color)} label={translate(statusKey(def.resource, status), { _: status })} sx={CHIP_AS_WIDE_AS_ITS_TEXT} />;
};

export const StatusField = ({ source, def }: ValueFieldProps & { def: DocumentDefinition }) => {
  const record = useRecordContext();
  return <StatusChip def={def} status={valueOf(record, source)} />;
};

export const EnumField = ({ source, def }: ValueFieldProps & { def: DocumentDefinition }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const v = valueOf(record, source);
  if (typeof v !== 'string' || !v) return null;
  return <Chip size="small" variant="outlined" label={translate(enumKey(def.resource, source, v), { _: v })} sx={CHIP_AS_WIDE_AS_ITS_TEXT} />;
};

const isStatusField = (def: DocumentDefinition, name: string) => name === 'status' && !!def.workflow;

/** Sorting is allowed on database columns only (the server refuses others with 400). */
export const isSortable = (def: DocumentDefinition, name: string) => name === 'id' || name === 'createdAt' || name === 'updatedAt' || def.columns.includes(name);

/** The display element of one field of a definition (list column or show entry). */
export function fieldFor(def: DocumentDefinition, name: string): ReactElement | null {
  const f: FieldDef | undefined = def.fields[name];
  const common = { source: name, sortable: isSortable(def, name) };
  if (isStatusField(def, name)) return <StatusField key={name} {...common} def={def} />;
  if (!f) return name === 'createdAt' || name === 'updatedAt' ? <ShanghaiDateTimeField key={name} {...common} /> : <TextField key={name} {...common} />;
  if (f.secret) return null; // never displayed (passwords)
  switch (f.type) {
    case 'money':
      return <MoneyField key={name} {...common} textAlign="right" />;
    case 'datetime':
      return <ShanghaiDateTimeField key={name} {...common} />;
    case 'enum':
      return <EnumField key={name} {...common} def={def} />;
    case 'bool':
      return <BooleanField key={name} {...common} />;
    case 'int':
      return <NumberField key={name} {...common} />;
    case 'ref':
      return f.ref && getDefinition(f.ref) ? <ReferenceField key={name} {...common} reference={f.ref} link="show" /> : <TextField key={name} {...common} />;
    case 'lines':
      return null; // a table of its own (LinesTable)
    default:
      return <TextField key={name} {...common} />;
  }
}
