import { InputAdornment } from '@mui/material';
import type { ReactElement } from 'react';
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  DateInput,
  DateTimeInput,
  maxLength,
  maxValue,
  minLength,
  minValue,
  NumberInput,
  PasswordInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useResourceContext,
  useTranslate,
  type RaRecord,
  type Validator,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { atShanghai, shanghaiDate, shanghaiTime } from '../domain/calendar';
import { formatYuan, yuanToFen } from '../domain/money';
import { writableFields, type DocumentDefinition, type FieldDef } from '../domain/definition';
import { getDefinition } from '../domain/documents';
import { isYuanAmount } from '../domain/money';
import type { Role } from '../domain/roles';
import type { Text } from '../domain/text';
import { enumKey as enumMessageKey } from '../app/i18n/resourceKeys';

/** Form inputs by field type, from the definition: required, limits, helpers, read-only rules. */

export interface InputOptions {
  mode: 'create' | 'edit';
  /** the user's role: fields with `writableBy` are disabled for other roles (the server would 403) */
  role?: Role;
  /** picks the UI language out of a {zh, en} text */
  text: (t: Text | undefined) => string;
}

const MIN_PASSWORD = 8;

/** At most 2 decimals, ≥ 0 (the server's money check). */
export const moneyAmount: Validator = (v: unknown) =>
  v === null || v === undefined || v === '' || isYuanAmount(v) ? undefined : 'ra.validation.number';

const wholeNumber: Validator = (v: unknown) =>
  v === null || v === undefined || v === '' || Number.isInteger(v) ? undefined : 'ra.validation.number';

/** datetime-local input ⇄ ISO instant, read as Asia/Shanghai wall-clock time. */
export const formatShanghaiInput = (v: unknown): string => {
  if (typeof v !== 'string' || !v) return '';
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? '' : `${shanghaiDate(d)}T${shanghaiTime(d)}`;
};
export const parseShanghaiInput = (v: string): string | null => {
  if (!v || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return null;
  return atShanghai(v.slice(0, 10), v.slice(11, 16)).toISOString();
};

export function validatorsFor(f: FieldDef, opts: Pick<InputOptions, 'mode'>): Validator[] {
  const out: Validator[] = [];
  if (f.secret) {
    if (opts.mode === 'create') out.push(required());
    out.push(minLength(MIN_PASSWORD));
  } else if (f.required && f.type !== 'bool' && f.type !== 'lines') out.push(required());
  if ((f.type === 'text' || f.type === 'longText') && f.maxLength) out.push(maxLength(f.maxLength));
  if (f.type === 'money') out.push(moneyAmount);
  if (f.type === 'int') out.push(wholeNumber);
  if ((f.type === 'money' || f.type === 'int') && f.min != null) out.push(minValue(f.min));
  if ((f.type === 'money' || f.type === 'int') && f.max != null) out.push(maxValue(f.max));
  return out;
}

/** `enumKey`: the field's key under `enums` — its name, or `<linesField>_<field>` in a line (definitionMessages) */
export const choicesOf = (resource: string, enumKey: string, f: FieldDef) =>
  Object.keys(f.options ?? {}).map((id) => ({ id, name: enumMessageKey(resource, enumKey, id) }));

/** type-ahead: the server's full-text search (stable, and names are never translated: keys typed early are kept) */
const searchQuery = (q: string) => ({ q });

/** How a picker names what it offers, where the record's name alone would not do (an order: code, date, total, customer). */
const OPTION_TEXT: Record<string, ((r: RaRecord) => string) | undefined> = {
  orders: (r) =>
    [
      r.code,
      typeof r.receivedAt === 'string' ? shanghaiDate(new Date(r.receivedAt)) : '',
      typeof r.total === 'number' ? formatYuan(yuanToFen(r.total)) : '',
      r.customerName,
    ]
      .filter(Boolean)
      .join(' · '),
};

/**
 * A reference the procedure scopes (the definition's `pick`): the picker offers only the records it
 * allows, given the field it waits for (e.g. a return's order: a delivered order of the chosen
 * customer, 6.9.1); until that is filled it says what to pick first. The server refuses others.
 */
function ScopedRefInput(props: {
  source: string;
  field: FieldDef;
  validate: Validator[];
  helperText: string | false;
  disabled: boolean;
  label?: string;
}) {
  const translate = useTranslate();
  const resource = useResourceContext() ?? '';
  const pick = props.field.pick!;
  const after = useWatch({ name: pick.after ?? '__none__' }) as unknown;
  const filter = pick.filter(pick.after ? { [pick.after]: after } : {});
  const waiting = filter === null;
  return (
    <ReferenceInput
      source={props.source}
      reference={props.field.ref!}
      filter={filter ?? {}}
      sort={{ field: 'id', order: 'DESC' }}
    >
      <AutocompleteInput
        validate={props.validate}
        disabled={props.disabled || waiting}
        label={props.label}
        filterToQuery={searchQuery}
        optionText={OPTION_TEXT[props.field.ref!]}
        translateChoice={false}
        autoHighlight
        helperText={
          waiting && pick.after
            ? translate('app.guide.pick.first', {
                field: translate(`resources.${resource}.fields.${pick.after}`, { _: pick.after }),
              })
            : props.helperText
        }
        sx={{ minWidth: 360 }}
      />
    </ReferenceInput>
  );
}

/** a figure that is not yuan (a percentage, a distance) says its unit beside the box, as lists and show pages do */
const unitAdornment = (f: FieldDef) =>
  f.unit
    ? {
        InputProps: {
          endAdornment: <InputAdornment position="end">{f.unit === 'percent' ? '%' : 'km'}</InputAdornment>,
        },
      }
    : {};

/** One input; `source` may be nested (lines) while `labelKey` names the definition's label and `enumKey` its options. */
function inputElement(
  resource: string,
  source: string,
  f: FieldDef,
  opts: InputOptions,
  labelKey?: string,
  enumKey = source,
): ReactElement | null {
  const disabled =
    (opts.mode === 'edit' && !!f.immutable) || (!!f.writableBy && !!opts.role && !f.writableBy.includes(opts.role));
  const common = {
    source,
    validate: validatorsFor(f, opts),
    // secret fields (passwords): never shown; on edit an empty value keeps the old one
    helperText: f.secret
      ? opts.mode === 'create'
        ? 'app.user.passwordCreate'
        : 'app.user.passwordEdit'
      : f.help
        ? opts.text(f.help)
        : false,
    disabled,
    ...(labelKey ? { label: labelKey } : {}),
    ...(f.default !== undefined && opts.mode === 'create' ? { defaultValue: f.default } : {}),
  } as const;
  switch (f.type) {
    case 'text':
      if (f.secret) return <PasswordInput key={source} {...common} autoComplete="new-password" />;
      return <TextInput key={source} {...common} />;
    case 'longText':
      return <TextInput key={source} {...common} multiline minRows={2} />;
    case 'enum':
      return <SelectInput key={source} {...common} choices={choicesOf(resource, enumKey, f)} emptyText="" />;
    case 'money':
      return <NumberInput key={source} {...common} step={0.01} min={0} {...unitAdornment(f)} />;
    case 'int':
      return <NumberInput key={source} {...common} step={1} {...unitAdornment(f)} />;
    case 'bool':
      return <BooleanInput key={source} {...common} />;
    case 'datetime':
      return <DateTimeInput key={source} {...common} format={formatShanghaiInput} parse={parseShanghaiInput} />;
    case 'date':
      return <DateInput key={source} {...common} />;
    case 'ref': {
      if (!f.ref || !getDefinition(f.ref)) return <NumberInput key={source} {...common} step={1} />;
      const {
        validate,
        helperText,
        disabled: off,
        label,
      } = common as { validate: Validator[]; helperText: string | false; disabled: boolean; label?: string };
      if (f.pick)
        return (
          <ScopedRefInput
            key={source}
            source={source}
            field={f}
            validate={validate}
            helperText={helperText}
            disabled={off}
            label={label}
          />
        );
      return (
        <ReferenceInput key={source} source={source} reference={f.ref}>
          <AutocompleteInput
            validate={validate}
            helperText={helperText}
            disabled={off}
            label={label}
            filterToQuery={searchQuery}
            optionText={OPTION_TEXT[f.ref]}
            translateChoice={false}
            autoHighlight
          />
        </ReferenceInput>
      );
    }
    case 'lines':
      return (
        <ArrayInput
          key={source}
          source={source}
          validate={f.required ? required() : undefined}
          helperText={common.helperText}
        >
          <SimpleFormIterator inline disableReordering>
            {Object.entries(f.lineFields ?? {})
              .filter(([, lf]) => !lf.computed && !lf.readOnly)
              .map(([lk, lf]) =>
                inputElement(
                  resource,
                  lk,
                  lf,
                  { ...opts, mode: opts.mode },
                  `resources.${resource}.lineFields.${source}.${lk}`,
                  `${source}_${lk}`,
                ),
              )}
          </SimpleFormIterator>
        </ArrayInput>
      );
    default:
      return null;
  }
}

export function inputFor(def: DocumentDefinition, name: string, opts: InputOptions): ReactElement | null {
  const f = def.fields[name];
  if (!f || f.computed || f.readOnly) return null;
  return inputElement(def.resource, name, f, opts);
}

/** An input for a field entered with a workflow step (a step param: usually read-only in forms). */
export function paramInput(def: DocumentDefinition, name: string, opts: InputOptions): ReactElement | null {
  const f = Object.hasOwn(def.fields, name) ? def.fields[name] : undefined;
  if (!f) return null;
  return inputElement(def.resource, name, { ...f, readOnly: false, writableBy: undefined, immutable: false }, opts);
}

/** Every input a client may write, in definition order. */
export function inputsFor(def: DocumentDefinition, opts: InputOptions): ReactElement[] {
  return writableFields(def)
    .map((name) => inputFor(def, name, opts))
    .filter((x): x is ReactElement => x !== null);
}
