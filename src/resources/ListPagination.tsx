import type { LabelDisplayedRowsArgs } from '@mui/material';
import { Pagination, useListContext, useTranslate, type PaginationProps } from 'react-admin';

/** what getList puts in `meta` when the server's total is a lower bound (X-Total-Exact: false) */
export interface PartialTotalMeta {
  totalAtLeast?: number;
}

/**
 * react-admin's pagination, plus: a broad search counted only part of the way (the server stops
 * 500 rows past the page) shows "第 1-25 条，共 525+ 条" instead of react-admin's "more than 25".
 */
export function ListPagination() {
  const { meta } = useListContext() as { meta?: PartialTotalMeta };
  const translate = useTranslate();
  const atLeast = meta?.totalAtLeast;
  if (atLeast === undefined) return <Pagination />;
  // PaginationProps does not declare it, but react-admin hands its other props to MUI's TablePagination, after its own
  const props = {
    labelDisplayedRows: ({ from, to }: LabelDisplayedRowsArgs) =>
      translate('app.common.rangeAtLeast', { from, to, total: atLeast }),
  } as PaginationProps;
  return <Pagination {...props} />;
}
