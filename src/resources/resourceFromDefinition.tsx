import type { ComponentType } from 'react';
import type { RaRecord, ResourceProps } from 'react-admin';
import { menuGroupOf } from '../app/Menu';
import type { DocumentDefinition } from '../domain/definition';
import { lazyPage } from '../app/lazyPage';
import { PAGES } from './pages';

/** How a record is named in titles, references and autocompletes. */
export function recordRepresentation(def: DocumentDefinition): (r: RaRecord) => string {
  switch (def.resource) {
    case 'customers':
      return (r) => [r.code, r.name].filter(Boolean).join(' ');
    case 'products':
      return (r) => [r.sku, r.name, r.spec].filter(Boolean).join(' ');
    case 'users':
      return (r) => String(r.fullName ?? r.username ?? r.id);
    default:
      return (r) => String(r.code ?? `#${r.id}`);
  }
}

const hasAny = (a: DocumentDefinition['access']['create']) => a === 'all' || a.length > 0;

// the generated screens, each loaded on first use (lazyPage shows react-admin's loader meanwhile)
const GeneratedList = lazyPage(PAGES.generatedList, (m) => m.GeneratedList);
const GeneratedShow = lazyPage(PAGES.generatedShow, (m) => m.GeneratedShow);
const GeneratedCreate = lazyPage(PAGES.generatedForm, (m) => m.GeneratedCreate);
const GeneratedEdit = lazyPage(PAGES.generatedForm, (m) => m.GeneratedEdit);

export type ResourceOverrides = Partial<Pick<ResourceProps, 'list' | 'create' | 'edit' | 'show' | 'icon'>>;

/** `options` of our <Resource>s: the menu section (Menu.tsx reads it from react-admin's resource definitions). */
export interface ResourceOptions {
  menuGroup: ReturnType<typeof menuGroupOf>;
}

/**
 * The react-admin <Resource> props of a definition: generated list / create / edit / show, each
 * replaceable by a custom screen. Create and edit exist only when some role may use them; who
 * actually sees them is decided by `authProvider.canAccess`.
 */
export function resourceFromDefinition(def: DocumentDefinition, overrides: ResourceOverrides = {}): ResourceProps {
  const List: ComponentType = () => <GeneratedList def={def} />;
  const Show: ComponentType = () => <GeneratedShow def={def} />;
  const Create: ComponentType = () => <GeneratedCreate def={def} />;
  const Edit: ComponentType = () => <GeneratedEdit def={def} />;
  const options: ResourceOptions = { menuGroup: menuGroupOf(def) };
  return {
    name: def.resource,
    list: overrides.list ?? List,
    show: overrides.show ?? Show,
    ...(hasAny(def.access.create) ? { create: overrides.create ?? Create } : {}),
    ...(hasAny(def.access.edit) ? { edit: overrides.edit ?? Edit } : {}),
    icon: overrides.icon,
    recordRepresentation: recordRepresentation(def),
    options,
  };
}
