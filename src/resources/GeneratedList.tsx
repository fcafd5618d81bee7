import { ListPagination } from './ListPagination';
import type { ReactElement, ReactNode } from 'react';
import { useMemo } from 'react';
import { CreateButton, Datagrid, ExportButton, FilterButton, List, TopToolbar, useGetIdentity, useResourceDefinition, useTranslate, type RaRecord } from 'react-admin';
import { canAccess } from '../domain/access';
import type { DocRecord, DocumentDefinition } from '../domain/definition';
import type { Actor } from '../domain/roles';
import { BulkWorkflowButton } from '../approvals/BulkWorkflowButton';
import { RowActions } from '../approvals/RowActions';
import { BulkPrintButtons, RowPrintButton, usePrintsFor } from '../print/PrintButtons';
import { DeadlineCountdown } from './DeadlineCountdown';

const DEADLINE_LABEL = 'app.workflow.deadline';

/** documents with approve / reject steps get the in-grid buttons (shown only where the role may act) */
const hasDecisions = (def: DocumentDefinition) => !!def.workflow?.transitions.some((t) => t.decision);
import { fieldFor } from './fieldRenderers';
import { filtersFor } from './filtersFor';

/** Bulk-capable workflow actions of a definition (transitions marked `bulk`), without repeats. */
export function bulkActionsOf(def: DocumentDefinition): string[] {
  return [...new Set((def.workflow?.transitions ?? []).filter((t) => t.bulk).map((t) => t.action))];
}

export interface GeneratedListProps {
  def: DocumentDefinition;
  /** columns after the definition's (e.g. row actions) */
  extraColumns?: ReactNode;
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

export function ListToolbar({ extra }: { extra?: ReactNode }) {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      {extra}
      <FilterButton />
      {hasCreate && <CreateButton />}
      <ExportButton />
    </TopToolbar>
  );
}

/** Rows past their deadline are tinted red (e.g. overdue sample loans, 6.11.2). */
const overdueRowSx = (def: GeneratedListProps['def']) => (record: RaRecord) => (def.overdue?.(record as unknown as DocRecord, new Date()) ? { backgroundColor: 'rgba(211, 47, 47, 0.08)', borderLeft: '4px solid #d32f2f' } : {});

/** A list from a definition: `def.list` columns by type, `def.filters`, default sort, bulk workflow actions. */
export function GeneratedList({ def, extraColumns, leadingColumns, extraFilters, extraActions, bulkActions, rowSx, title }: GeneratedListProps) {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const filters = useMemo(() => [...filtersFor(def, translate), ...(extraFilters ?? [])], [def, translate, extraFilters]);
  const prints = usePrintsFor(def.resource);
  const bulk = useMemo(() => {
    if (!identity) return [];
    return (bulkActions ?? bulkActionsOf(def)).filter((a) => canAccess(identity as unknown as Actor, def.resource, a));
  }, [identity, def, bulkActions]);

  return (
    <List filters={filters} sort={def.defaultSort} perPage={25} pagination={<ListPagination />} actions={<ListToolbar extra={extraActions} />} title={title}>
      <Datagrid
        rowClick="show"
        rowSx={rowSx ?? (def.overdue ? overdueRowSx(def) : undefined)}
        bulkActionButtons={
          bulk.length || prints ? (
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
        {def.list.map((name) => fieldFor(def, name))}
        {extraColumns ?? (def.deadlineField ? <DeadlineCountdown def={def} label={DEADLINE_LABEL} /> : null)}
        {extraColumns === undefined && hasDecisions(def) ? <RowActions /> : null}
        {prints ? <RowPrintButton /> : null}
      </Datagrid>
    </List>
  );
}
