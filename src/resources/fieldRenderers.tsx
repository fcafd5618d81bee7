import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Chip, Typography } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import { BooleanField, Labeled, ReferenceField, TextField, useRecordContext, useTranslate } from 'react-admin';
import type { DocRecord, DocumentDefinition, FieldDef } from '../domain/definition';
import { getDefinition } from '../domain/documents';
import { figureText, moneyText, shanghaiDateTime, valueText } from '../domain/present';
import type { StateColor } from '../domain/workflow';
import { useLocale } from '../app/i18n/i18nProvider';
import { enumKey, statusKey } from '../app/i18n/resourceKeys';

/**
 * Display of one value by field type (src/domain/present.ts says how): money ¥ right-aligned,
 * percentages with %, distances in km, Shanghai times, coloured status chips, choices by label.
 */

export interface ValueFieldProps {
  source: string;
  label?: ReactNode;
  sortable?: boolean;
  textAlign?: 'left' | 'right';
  resource?: string;
}

export const formatMoney = moneyText;

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai, whatever the browser's zone. */
export const formatShanghai = shanghaiDateTime;

const valueOf = (record: Record<string, unknown> | undefined, source: string) => record?.[source];

const FIGURE_SX = {
  display: 'block',
  textAlign: 'right',
  fontVariantNumeric: 'tabular-nums',
  whiteSpace: 'nowrap',
} as const;

export const MoneyField = ({ source }: ValueFieldProps) => {
  const record = useRecordContext();
  return (
    <Typography component="span" variant="body2" sx={FIGURE_SX}>
      {formatMoney(valueOf(record, source))}
    </Typography>
  );
};
MoneyField.textAlign = 'right' as const;

/** A figure with its field's unit: ¥ for money, % for percentages, km for distances, a plain count. */
export const FigureField = ({ source, field }: ValueFieldProps & { field: FieldDef }) => {
  const record = useRecordContext();
  return (
    <Typography component="span" variant="body2" sx={FIGURE_SX}>
      {figureText(field, valueOf(record, source))}
    </Typography>
  );
};
FigureField.textAlign = 'right' as const;

/** In a list, a yes/no column marks the yes rows only (需总经理审批 ✓): the no rows stay quiet. */
export const FlagField = ({ source, label }: ValueFieldProps) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (valueOf(record, source) !== true) return null;
  const name = typeof label === 'string' ? translate(label) : '';
  return (
    <CheckCircleIcon
      fontSize="small"
      color="warning"
      titleAccess={name}
      aria-label={name}
      data-flag={source}
      sx={{ verticalAlign: 'middle' }}
    />
  );
};

/** A stored key people know by another name: a resource (销售订单) or an action (审核通过). */
export const NamedValueField = ({ source, def }: ValueFieldProps & { def: DocumentDefinition }) => {
  const record = useRecordContext();
  const locale = useLocale();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2">
      {valueText(def, source, valueOf(record, source), { locale, record: record as unknown as DocRecord })}
    </Typography>
  );
};

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
/** …and never wider than its cell: a long status (支付已批准，待财务转账) ends in an ellipsis in a narrow column */
const CHIP_SX = { ...CHIP_AS_WIDE_AS_ITS_TEXT, maxWidth: '100%' } as const;

/** MUI Chip colours for workflow state colours ('default' stays neutral). */
export const chipColor = (c: StateColor | undefined) => c ?? 'default';

export const StatusChip = ({ def, status }: { def: DocumentDefinition; status: unknown }) => {
  const translate = useTranslate();
  if (typeof status !== 'string' || !status) return null;
  const state = def.workflow?.states[status];
  const label = translate(statusKey(def.resource, status), { _: status });
  return <Chip size="small" color={chipColor(state?.color)} label={label} title={label} sx={CHIP_SX} />;
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
  const label = translate(enumKey(def.resource, source, v), { _: v });
  return <Chip size="small" variant="outlined" label={label} title={label} sx={CHIP_SX} />;
};

const isStatusField = (def: DocumentDefinition, name: string) => name === 'status' && !!def.workflow;

/** Sorting is allowed on database columns only (the server refuses others with 400). */
export const isSortable = (def: DocumentDefinition, name: string) =>
  name === 'id' || name === 'createdAt' || name === 'updatedAt' || def.columns.includes(name);

/** The display element of one field of a definition (list column or show entry). */
export function fieldFor(def: DocumentDefinition, name: string, opts: { list?: boolean } = {}): ReactElement | null {
  const f: FieldDef | undefined = def.fields[name];
  const common = { source: name, sortable: isSortable(def, name) };
  if (isStatusField(def, name)) return <StatusField key={name} {...common} def={def} />;
  if (!f)
    return name === 'createdAt' || name === 'updatedAt' ? (
      <ShanghaiDateTimeField key={name} {...common} />
    ) : (
      <TextField key={name} {...common} />
    );
  if (f.secret) return null; // never displayed (passwords)
  switch (f.type) {
    case 'money':
      return f.unit ? (
        <FigureField key={name} {...common} field={f} textAlign="right" />
      ) : (
        <MoneyField key={name} {...common} textAlign="right" />
      );
    case 'datetime':
      return <ShanghaiDateTimeField key={name} {...common} />;
    case 'enum':
      return <EnumField key={name} {...common} def={def} />;
    case 'bool':
      return opts.list ? (
        <FlagField key={name} {...common} label={`resources.${def.resource}.fields.${name}`} />
      ) : (
        <BooleanField key={name} {...common} />
      );
    case 'int':
      return <FigureField key={name} {...common} field={f} textAlign="right" />;
    case 'ref':
      return f.ref && getDefinition(f.ref) ? (
        <ReferenceField key={name} {...common} reference={f.ref} link="show" />
      ) : (
        <TextField key={name} {...common} />
      );
    case 'lines':
      return null; // a table of its own (LinesTable)
    default:
      return f.valueIs ? <NamedValueField key={name} {...common} def={def} /> : <TextField key={name} {...common} />;
  }
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/**
 * One entry of a show page: the field under its label — or nothing for a time that has not
 * happened yet (拣配时间 on an order not picked), which would only be an empty label.
 */
export function ShowEntry({ def, name }: { def: DocumentDefinition; name: string }) {
  const record = useRecordContext();
  const f = def.fields[name];
  const isTime = f?.type === 'datetime' || f?.type === 'date' || (!f && (name === 'createdAt' || name === 'updatedAt'));
  if (isTime && isEmpty(record?.[name])) return null;
  const el = fieldFor(def, name);
  if (!el) return null;
  return <Labeled source={name}>{el}</Labeled>;
}
