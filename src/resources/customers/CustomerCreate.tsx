import { cloneElement, useEffect, useState, type ReactElement } from 'react';
import { Create, Loading, SimpleForm, useDataProvider, usePermissions, useTranslate } from 'react-admin';
import type { BaoyiDataProvider } from '../../app/dataProvider';
import { useText } from '../../app/i18n/i18nProvider';
import { customers } from '../../domain/documents/customers';
import type { Role } from '../../domain/roles';
import { SaveOnlyToolbar } from '../GeneratedForm';
import { inputsFor } from '../inputFor';

/**
 * New customer: the code is proposed by the server (current max + 1, 6.3.3) as the default; a
 * code that exists already is refused by the server and shown under the code field.
 */
export function CustomerCreate() {
  const dataProvider = useDataProvider<BaoyiDataProvider>();
  const translate = useTranslate();
  const text = useText();
  const { permissions } = usePermissions<Role>();
  const [code, setCode] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    dataProvider
      .nextCustomerCode()
      .then((c) => live && setCode(c))
      .catch(() => live && setCode(null));
    return () => {
      live = false;
    };
  }, [dataProvider]);

  if (code === undefined) return <Loading />;
  const inputs = inputsFor(customers, { mode: 'create', role: permissions, text }).map((el: ReactElement) =>
    el.key === 'code' && code
      ? cloneElement(el as ReactElement<{ helperText?: string }>, {
          helperText: translate('app.customer.codeProposed', { code }),
        })
      : el,
  );
  return (
    <Create redirect="show">
      <SimpleForm toolbar={<SaveOnlyToolbar />} defaultValues={code ? { code } : undefined} warnWhenUnsavedChanges>
        {inputs}
      </SimpleForm>
    </Create>
  );
}
