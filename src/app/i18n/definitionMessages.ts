import type { DocumentDefinition, FieldDef } from '../../domain/definition';
import { DEFINITIONS } from '../../domain/documents';
import { SYSTEM_LABELS } from '../../domain/present';
import type { Locale, Text } from '../../domain/text';

/**
 * `resources.<name>.*` messages GENERATED from the definitions' {zh, en} labels, so a new
 * document type is translated by its definition alone:
 * - `name` (menu / titles), `fields.<field>` (columns, inputs),
 * - `lineFields.<linesField>.<field>` (columns of a lines table; `fields.<linesField>` is a string),
 * - `enums.<field>.<value>`, `status.<state>` (workflow states), `actions.<action>`.
 * Screens build the status and choice keys with resourceKeys.ts.
 */

type ResourceMessages = {
  name: string;
  fields: Record<string, string>;
  lineFields: Record<string, Record<string, string>>;
  enums: Record<string, Record<string, string>>;
  status: Record<string, string>;
  actions: Record<string, string>;
};

const pick = (t: Text, locale: Locale) => t[locale];

function optionsOf(f: FieldDef, locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(f.options ?? {}).map(([value, label]) => [value, pick(label, locale)]));
}

export function resourceMessages(def: DocumentDefinition, locale: Locale): ResourceMessages {
  // polyglot: English has two plural forms; Chinese one (raZh.ts)
  const name =
    locale === 'en' ? `${def.label.en} |||| ${(def.menuLabel ?? def.label).en}` : (def.menuLabel ?? def.label).zh;
  const fields: Record<string, string> = {};
  for (const [k, label] of Object.entries(SYSTEM_LABELS)) fields[k] = pick(label, locale);
  const lineFields: ResourceMessages['lineFields'] = {};
  const enums: ResourceMessages['enums'] = {};
  for (const [k, f] of Object.entries(def.fields)) {
    fields[k] = pick(f.label, locale);
    if (f.type === 'enum') enums[k] = optionsOf(f, locale);
    if (f.type === 'lines') {
      lineFields[k] = {};
      for (const [lk, lf] of Object.entries(f.lineFields ?? {})) {
        lineFields[k][lk] = pick(lf.label, locale);
        if (lf.type === 'enum') enums[`${k}_${lk}`] = optionsOf(lf, locale);
      }
    }
  }
  const status: Record<string, string> = {};
  const actions: Record<string, string> = {};
  if (def.workflow) {
    for (const [k, s] of Object.entries(def.workflow.states)) status[k] = pick(s.label, locale);
    for (const tr of def.workflow.transitions) actions[tr.action] ??= pick(tr.label, locale);
  }
  return { name, fields, lineFields, enums, status, actions };
}

export function definitionMessages(locale: Locale, defs: Record<string, DocumentDefinition> = DEFINITIONS) {
  return {
    resources: Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, resourceMessages(def, locale)])),
  };
}
