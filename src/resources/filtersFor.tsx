import type { ReactElement } from 'react';
import {
  AutocompleteInput,
  DateInput,
  NullableBooleanInput,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextInput,
} from 'react-admin';
import { addDays, atShanghai, shanghaiDate } from '../domain/calendar';
import type { DocumentDefinition } from '../domain/definition';
import { getDefinition } from '../domain/documents';
import { choicesOf } from './inputFor';
import { statusKey } from '../app/i18n/resourceKeys';

/**
 * List filters from `def.filters`: enums and statuses as selects, references as searchable
 * autocompletes, datetimes as a pair of Shanghai days (`field_gte` / `field_lte`), plus `q`.
 */

type Translate = (key: string, options?: Record<string, unknown>) => string;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A Shanghai day → the first instant of it (… `_gte`) or the last (… `_lte`), as ISO. */
export const dayStart = (v: string) => (v && DAY.test(v) ? atShanghai(v).toISOString() : null);
export const dayEnd = (v: string) =>
  v && DAY.test(v) ? new Date(atShanghai(addDays(v, 1)).getTime() - 1).toISOString() : null;
const asDay = (v: unknown) => (typeof v === 'string' && v ? shanghaiDate(new Date(v)) : '');

export function statusChoices(def: DocumentDefinition) {
  return Object.keys(def.workflow?.states ?? {}).map((id) => ({ id, name: statusKey(def.resource, id) }));
}

export function filtersFor(def: DocumentDefinition, translate: Translate): ReactElement[] {
  const out: ReactElement[] = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('app.filter.search')} />,
  ];
  for (const name of def.filters) {
    const fieldLabel = translate(`resources.${def.resource}.fields.${name}`);
    if (name === 'status' && def.workflow) {
      out.push(<SelectInput key={name} source={name} choices={statusChoices(def)} />);
      continue;
    }
    const f = def.fields[name];
    if (!f) continue;
    switch (f.type) {
      case 'enum':
        out.push(<SelectInput key={name} source={name} choices={choicesOf(def.resource, name, f)} />);
        break;
      case 'ref':
        if (f.ref && getDefinition(f.ref)) {
          out.push(
            <ReferenceInput key={name} source={name} reference={f.ref}>
              <AutocompleteInput label={fieldLabel} filterToQuery={(q: string) => ({ q })} />
            </ReferenceInput>,
          );
        }
        break;
      case 'datetime':
      case 'date':
        out.push(
          <DateInput
            key={`${name}_gte`}
            source={`${name}_gte`}
            label={translate('app.filter.from', { field: fieldLabel })}
            parse={f.type === 'datetime' ? dayStart : undefined}
            format={f.type === 'datetime' ? asDay : undefined}
          />,
          <DateInput
            key={`${name}_lte`}
            source={`${name}_lte`}
            label={translate('app.filter.to', { field: fieldLabel })}
            parse={f.type === 'datetime' ? dayEnd : undefined}
            format={f.type === 'datetime' ? asDay : undefined}
          />,
        );
        break;
      case 'bool':
        out.push(<NullableBooleanInput key={name} source={name} />);
        break;
      case 'int':
      case 'money':
        out.push(<NumberInput key={name} source={name} />);
        break;
      case 'text':
        out.push(<TextInput key={name} source={name} />);
        break;
      default:
        break;
    }
  }
  return out;
}
