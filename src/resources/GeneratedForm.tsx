import { Create, Edit, SaveButton, SimpleForm, Toolbar, usePermissions } from 'react-admin';
import { useText } from '../app/i18n/i18nProvider';
import type { DocumentDefinition } from '../domain/definition';
import type { Role } from '../domain/roles';
import { writableFields, type DocRecord } from '../domain/definition';
import { FORM_PARTS, LINE_TABLES } from './forms';
import { isBlankLine } from './orders/OrderLines';
import { inputFor } from './inputFor';

/** Save only: documents are never deleted (api.md), they are cancelled through the workflow. */
export const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Every input a client may write, in definition order; a few replaced by the parts that help the clerk (forms/). */
export function GeneratedFormBody({ def, mode }: { def: DocumentDefinition; mode: 'create' | 'edit' }) {
  const text = useText();
  const { permissions } = usePermissions<Role>();
  const parts = FORM_PARTS[def.resource] ?? {};
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} warnWhenUnsavedChanges>
      {writableFields(def).map((name) => {
        const Part = Object.hasOwn(parts, name) ? parts[name] : undefined;
        return Part ? <Part key={name} mode={mode} /> : inputFor(def, name, { mode, role: permissions, text });
      })}
    </SimpleForm>
  );
}

/** a line table (forms/) keeps an empty line open for the next entry: it is not part of the document */
const transformFor = (def: DocumentDefinition) =>
  LINE_TABLES[def.resource]
    ? (data: DocRecord) =>
        Array.isArray(data.lines) ? { ...data, lines: (data.lines as unknown[]).filter((l) => !isBlankLine(l)) } : data
    : undefined;

export const GeneratedCreate = ({ def }: { def: DocumentDefinition }) => (
  <Create redirect="show" transform={transformFor(def)}>
    <GeneratedFormBody def={def} mode="create" />
  </Create>
);

/** Pessimistic: the server may refuse (rules, stale version), and its errors go under the fields. */
export const GeneratedEdit = ({ def }: { def: DocumentDefinition }) => (
  <Edit mutationMode="pessimistic" redirect="show" transform={transformFor(def)}>
    <GeneratedFormBody def={def} mode="edit" />
  </Edit>
);
