import { ListSubheader } from '@mui/material';
import { useMemo, type ReactNode } from 'react';
import { Menu, useCanAccessResources, useResourceDefinitions, useSidebarState, useTranslate } from 'react-admin';
import type { DocumentDefinition } from '../domain/definition';

type Group = NonNullable<DocumentDefinition['menuGroup']>;
export const MENU_GROUPS: readonly Group[] = ['sales', 'service', 'approvals', 'master', 'admin'];

/** The definition's menu section; master data and administration by default. */
export function menuGroupOf(def: DocumentDefinition): Group {
  if (def.menuGroup) return def.menuGroup;
  return def.resource === 'users' || def.resource === 'auditLog' || def.resource === 'settings' ? 'admin' : 'master';
}

/**
 * The home page, `afterHome` (the reports), then the resources in sections (from the definitions' menuGroup, which resourceFromDefinition puts
 * in each <Resource>'s options); a section shows only if one of its screens is allowed.
 */
export function BaoyiMenu({ afterHome }: { afterHome?: ReactNode }) {
  const translate = useTranslate();
  const [open] = useSidebarState();
  const resources = useResourceDefinitions<{ menuGroup?: Group }>();
  // in <Resource> order: the order App.tsx registers them in (src/resources/index.tsx)
  const names = useMemo(() => Object.keys(resources), [resources]);
  const { canAccess } = useCanAccessResources({ action: 'list', resources: names });
  return (
    <Menu>
      <Menu.DashboardItem />
      {afterHome}
      {MENU_GROUPS.map((g) => {
        const inGroup = names.filter((n) => resources[n].options?.menuGroup === g);
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
