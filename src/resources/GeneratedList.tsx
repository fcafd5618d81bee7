import { useMediaQuery } from '@mui/material';
import type { MouseEvent, ReactElement, ReactNode } from 'react';
import { useMemo } from 'react';
import {
  CreateButton,
  DatagridConfigurable,
  FilterButton,
  List,
  SelectColumnsButton,
  TopToolbar,
  useGetIdentity,
  useResourceDefinition,
  useStore,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { useLocale } from '../app/i18n/i18nProvider';
import { canAccess } from '../domain/access';
import { isOverdue } from '../domain/deadline';
import { listColumns, type DocRecord, type DocumentDefinition, type ListColumn } from '../domain/definition';
import type { Actor, Role } from '../domain/roles';
import { bulkActions as bulkActionsOfWorkflow } from '../domain/workflow';
import { BulkWorkflowButton } from '../approvals/BulkWorkflowButton';
import { RowActions } from '../approvals/RowActions';
import { BulkPrintButtons, usePrintsFor } from '../print/PrintButtons';
import { formsFor } from '../print/forms';
import { DeadlineCountdown } from './DeadlineCountdown';
import { fieldFor } from './fieldRenderers';
import { filtersFor } from './filtersFor';
import { ListPagination } from './ListPagination';
import {
  actionsWidth,
  CHECKBOX_WIDTH,
  COLUMN_WIDTHS,
  DEADLINE_WIDTH,
  hasDeadline as hasDeadlineColumn,
  NAME_MIN,
  overdueMark,
  statusWidth,
} from './listLayout';
import { ServerExportButton } from './ServerExportButton';

const DEADLINE_LABEL = 'app.workflow.deadline';
const ACTIONS_LABEL = 'app.workflow.actions';

/** Bulk-capable workflow actions of a definition (transitions marked `bulk`), without repeats. */
export function bulkActionsOf(def: DocumentDefinition): string[] {
  return bulkActionsOfWorkflow(def.workflow);
}

export interface GeneratedListProps {
  def: DocumentDefinition;
  /** columns before the definition's */
  leadingColumns?: ReactNode;
  /** extra filter inputs */
  extraFilters?: ReactElement[];
  /** extra toolbar buttons */
  extraActions?: ReactNode;
  /** restrict the bulk actions offered (default: every bulk transition the user's role may take) */
  bulkActions?: readonly string[];
  rowSx?: (record: RaRecord, index: number) => Record<string, unknown>;
  title?: string | ReactElement;
}

/** Column chooser, filters, create, export — on as many lines as it takes, never past the edge. */
export function ListToolbar({
  def,
  extra,
  preferenceKey,
}: {
  def: DocumentDefinition;
  extra?: ReactNode;
  preferenceKey: string;
}) {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', rowGap: 0.5, justifyContent: 'flex-end' }}>
      {extra}
      <FilterButton />
      <SelectColumnsButton preferenceKey={preferenceKey} />
      {hasCreate && <CreateButton />}
      <ServerExportButton def={def} />
    </TopToolbar>
  );
}

/** A short, stable tag of the columns, so a changed definition starts from its own defaults. */
const columnsTag = (def: DocumentDefinition) => {
  let h = 0;
  for (const c of JSON.stringify(def.list)) h = (h * 31 + c.charCodeAt(0)) | 0;
  return (h >>> 0).toString(36);
};

/** the full text of a cell cut short by its ellipsis, on hover (and none on a cell that shows it all) */
function titleOnHover(e: MouseEvent) {
  const cell = (e.target as HTMLElement).closest('td');
  if (!cell) return;
  const title = cell.scrollWidth > cell.clientWidth ? (cell.textContent ?? '') : '';
  if (cell.title !== title) cell.title = title;
}

/**
 * A list from a definition: its columns (width class and priority: a 1280 screen shows priority 1,
 * a 1440 one priority 2 too, the rest are in the column chooser), filters, default sort, the
 * running deadline, the steps this role takes from rows (and in bulk), export of every row.
 */
export function GeneratedList({
  def,
  leadingColumns,
  extraFilters,
  extraActions,
  bulkActions,
  rowSx,
  title,
}: GeneratedListProps) {
  const translate = useTranslate();
  const locale = useLocale();
  const { identity } = useGetIdentity();
  const role = identity?.role as Role | undefined;
  const wide = useMediaQuery('(min-width:1400px)', { noSsr: true });
  const filters = useMemo(
    () => [...filtersFor(def, translate), ...(extraFilters ?? [])],
    [def, translate, extraFilters],
  );
  const prints = usePrintsFor(def.resource);
  const columns = useMemo(() => listColumns(def), [def]);
  const omit = useMemo(
    () => columns.filter((c) => c.priority === 3 || (c.priority === 2 && !wide)).map((c) => c.field),
    [columns, wide],
  );
  const preferenceKey = `${def.resource}.datagrid.${wide ? 'wide' : 'narrow'}.${role ?? 'anyone'}.${columnsTag(def)}`;
  const bulk = useMemo(() => {
    if (!identity) return [];
    return (bulkActions ?? bulkActionsOf(def)).filter((a) => canAccess(identity as unknown as Actor, def.resource, a));
  }, [identity, def, bulkActions]);
  const selectable = bulk.length > 0 || prints;
  // the print buttons this role has on a row
  const printCount = useMemo(
    () => (role ? formsFor(def.resource).filter((f) => f.printers?.includes(role)).length : 0),
    [def, role],
  );
  const actions = role ? actionsWidth(def, role, locale, printCount) : 0;
  const hasDeadline = hasDeadlineColumn(def);
  const rowStyle = useMemo(() => {
    const base = rowSx ?? (() => ({}));
    return (record: RaRecord, index: number) => ({
      ...base(record, index),
      ...(isOverdueRow(def, record) ? overdueMark : {}),
    });
  }, [def, rowSx]);

  const sx = useMemo(() => {
    const widths: Record<string, unknown> = {};
    for (const c of columns)
      if (c.width !== 'name')
        widths[`& th.column-${c.field}`] = {
          width: c.width === 'status' ? statusWidth(def, locale) : COLUMN_WIDTHS[c.width],
        };
    return {
      '& .RaDatagrid-tableWrapper': { overflowX: 'auto' },
      // its min-width follows the columns shown (TableMinWidth)
      '& .RaDatagrid-table': { tableLayout: 'fixed', width: '100%' },
      // selected rows' steps on as many lines as they take
      '& .RaBulkActionsToolbar-toolbar:not(.RaBulkActionsToolbar-collapsed)': { height: 'auto', flexWrap: 'wrap' },
      '& .RaBulkActionsToolbar-topToolbar': { flexWrap: 'wrap' },
      '& th:not(.MuiTableCell-paddingCheckbox), & td:not(.MuiTableCell-paddingCheckbox)': { px: 1 },
      '& td': { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
      '& th': { lineHeight: 1.3, overflowWrap: 'normal' },
      '& th.bp-deadline': { width: DEADLINE_WIDTH[locale] },
      '& th.bp-actions': { width: actions },
      // the row's buttons stay in view even if a wide choice of columns makes the table scroll
      '& td.bp-actions, & th.bp-actions': {
        position: 'sticky',
        right: 0,
        backgroundColor: 'background.paper',
        zIndex: 1,
        overflow: 'visible',
      },
      '& td.bp-actions': { boxShadow: 'inset 1px 0 0 rgba(0,0,0,0.06)' },
      ...widths,
    };
  }, [columns, actions, def, locale]);

  return (
    <List
      filters={filters}
      sort={def.defaultSort}
      perPage={25}
      pagination={<ListPagination />}
      actions={<ListToolbar def={def} extra={extraActions} preferenceKey={preferenceKey} />}
      title={title}
      className={`bp-list bp-list-${def.resource}`}
      sx={{ '& .RaList-actions': { flexWrap: 'wrap' }, '& .RaList-main': { minWidth: 0 } }}
    >
      <div onMouseOver={titleOnHover}>
        <TableMinWidth
          def={def}
          columns={columns}
          omit={omit}
          preferenceKey={preferenceKey}
          fixedWidth={(selectable ? CHECKBOX_WIDTH : 0) + (hasDeadline ? DEADLINE_WIDTH[locale] : 0) + actions}
        />
        <DatagridConfigurable
          preferenceKey={preferenceKey}
          omit={omit}
          rowClick="show"
          rowSx={rowStyle}
          sx={sx}
          bulkActionButtons={
            selectable ? (
              <>
                {bulk.map((a) => (
                  <BulkWorkflowButton key={a} action={a} />
                ))}
                {prints ? <BulkPrintButtons /> : null}
              </>
            ) : (
              false
            )
          }
        >
          {leadingColumns}
          {columns.map((c) => fieldFor(def, c.field, { list: true }))}
          {hasDeadline ? (
            <DeadlineCountdown def={def} label={DEADLINE_LABEL} sortable={false} headerClassName="bp-deadline" />
          ) : null}
          {actions > 0 ? (
            <RowActions label={ACTIONS_LABEL} prints headerClassName="bp-actions" cellClassName="bp-actions" />
          ) : null}
        </DatagridConfigurable>
      </div>
    </List>
  );
}

/**
 * The table never squeezes a name column below NAME_MIN: past that it scrolls inside its card (the
 * row's buttons stay, sticky). Its min-width follows the columns shown — the user's choice in the
 * column chooser (DatagridConfigurable's preference), else the defaults — read here, in a leaf of
 * its own: the list above must not re-render whenever those preferences are written (at logout
 * react-admin empties the store, the grid writes its columns back, and a list re-rendering on each
 * write kept the screen from ever reaching the login page, asking the server again and again).
 */
function TableMinWidth({
  def,
  columns,
  omit,
  preferenceKey,
  fixedWidth,
}: {
  def: DocumentDefinition;
  columns: ListColumn[];
  omit: string[];
  preferenceKey: string;
  fixedWidth: number;
}) {
  const locale = useLocale();
  const [chosen] = useStore<string[] | undefined>(`preferences.${preferenceKey}.columns`);
  const [available] = useStore<readonly { index: string; source?: string }[]>(
    `preferences.${preferenceKey}.availableColumns`,
    NO_COLUMNS,
  );
  const picked = chosen?.map((i) => available.find((c) => c.index === i)?.source).filter((f): f is string => !!f);
  const shown = new Set(picked ?? columns.filter((c) => !omit.includes(c.field)).map((c) => c.field));
  const minWidth =
    fixedWidth +
    columns
      .filter((c) => shown.has(c.field))
      .reduce(
        (s, c) =>
          s +
          (c.width === 'name' ? NAME_MIN : c.width === 'status' ? statusWidth(def, locale) : COLUMN_WIDTHS[c.width]),
        0,
      );
  return <style>{`.bp-list-${def.resource} .RaDatagrid-table { min-width: ${minWidth}px; }`}</style>;
}

/** one empty list, the same value on every render (the store hook's default) */
const NO_COLUMNS: readonly { index: string; source?: string }[] = [];

function isOverdueRow(def: DocumentDefinition, record: RaRecord): boolean {
  return isOverdue(def, record as unknown as DocRecord, new Date());
}
