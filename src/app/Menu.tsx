import { ListSubheader } from '@mui/material';
import { Menu, useCanAccessResources, useSidebarState, useTranslate } from 'react-admin';
import type { DocumentDefinition } from '../domain/definition';
import { DEFINITIONS } from '../domain/documents';
import { RESOURCES } from '../resources';

type Group = NonNullable<DocumentDefinition['menuGroup']>;
export const MENU_GROUPS: readonly Group[] = ['sales', 'service', 'approvals', 'master', 'admin'];

/** The definition's menu section; master data and administration by default. */
export function menuGroupOf(def: DocumentDefinition): Group {
  if (def.menuGroup) return def.menuGroup;
  return def.resource === 'users' || def.resource === 'auditLog' || def.resource === 'settings' ? 'admin' : 'master';
}

const names = RESOURCES.map((r) => r.name);

/** The resources in sections (from the definitions' menuGroup); a section shows only if one of its screens is allowed. */
export function BaoyiMenu() {
  const translate = useTranslate();
  const [open] = useSidebarState();
  const { canAccess } = useCanAccessResources({ action: 'list', resources: names });
  return (
    <Menu>
      <Menu.DashboardItem />
      {MENU_GROUPS.map((g) => {
        const inGroup = names.filter((n) => DEFINITIONS[n] && menuGroupOf(DEFINITIONS[n]) === g);
        if (!canAccess || !inGroup.some((n) => canAccess[n])) return null;
        return [
          open ? (
            <ListSubheader key={`h-${g}`} disableSticky sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent' }}>
              {translate(`app.menu.${g}`)}
            </ListSubheader>
          ) : null,
          ...inGroup.map((n) => <Menu.ResourceItem key={n} name={n} />),
        ];
      })}
    </Menu>
  );
}
