import { Create, Edit, SaveButton, SimpleForm, Toolbar, usePermissions } from 'react-admin';
import { useText } from '../app/i18n/i18nProvider';
import type { DocumentDefinition } from '../domain/definition';
import type { Role } from '../domain/roles';
import { inputsFor } from './inputFor';

/** Save only: documents are never deleted (api.md), they are cancelled through the workflow. */
export const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export function GeneratedFormBody({ def, mode }: { def: DocumentDefinition; mode: 'create' | 'edit' }) {
  const text = useText();
  const { permissions } = usePermissions<Role>();
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} warnWhenUnsavedChanges>
      {inputsFor(def, { mode, role: permissions, text })}
    </SimpleForm>
  );
}

export const GeneratedCreate = ({ def }: { def: DocumentDefinition }) => (
  <Create redirect="show">
    <GeneratedFormBody def={def} mode="create" />
  </Create>
);

/** Pessimistic: the server may refuse (rules, stale version), and its errors go under the fields. */
export const GeneratedEdit = ({ def }: { def: DocumentDefinition }) => (
  <Edit mutationMode="pessimistic" redirect="show">
    <GeneratedFormBody def={def} mode="edit" />
  </Edit>
);
