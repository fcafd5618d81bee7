import PrintIcon from '@mui/icons-material/Print';
import {
  Button,
  useGetIdentity,
  useListContext,
  useRecordContext,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { mayPrint } from '../domain/prints';
import type { Role } from '../domain/roles';
import { useText } from '../app/i18n/i18nProvider';
import { formsFor } from './forms';

/** Print buttons, written once: show-page toolbar, list rows and bulk (one page per record). */

const printPath = (form: string, ids: (string | number)[]) => `/print/${form}/${ids.join(',')}`;

/** Show page: one button per form of the resource. */
export function PrintButtons() {
  const resource = useResourceContext() ?? '';
  const record = useRecordContext();
  const navigate = useNavigate();
  const translate = useTranslate();
  const text = useText();
  if (!record) return null;
  return (
    <>
      {/* a form that must never exist unapproved (an outbound note) has no button before its statuses */}
      {formsFor(resource)
        .filter((f) => mayPrint(f.decl, record))
        .map((f) => (
          <Button
            key={f.id}
            label={`${translate('app.print.print')} ${text(f.title)}`}
            onClick={() => navigate(printPath(f.id, [record.id]))}
          >
            <PrintIcon />
          </Button>
        ))}
    </>
  );
}

/** The forms whose printing is part of this user's step (e.g. the order desk's delivery notes). */
function usePrinterForms(resource: string) {
  const { identity } = useGetIdentity();
  const role = identity?.role as Role | undefined;
  return role ? formsFor(resource).filter((f) => f.printers?.includes(role)) : [];
}

/** List row: print this record's form (for the roles that print as part of their step). */
export function RowPrintButton() {
  const resource = useResourceContext() ?? '';
  const record = useRecordContext();
  const navigate = useNavigate();
  const text = useText();
  const forms = usePrinterForms(resource).filter((f) => record && mayPrint(f.decl, record));
  if (!record || forms.length === 0) return null;
  return (
    <>
      {forms.map((f) => (
        <Button
          key={f.id}
          label={text(f.title)}
          onClick={(e) => {
            e.stopPropagation();
            navigate(printPath(f.id, [record.id]));
          }}
        >
          <PrintIcon />
        </Button>
      ))}
    </>
  );
}

/** Bulk: the selected records' forms, one per page, in the form's order (delivery notes: route order). */
export function BulkPrintButtons() {
  const resource = useResourceContext() ?? '';
  const { selectedIds } = useListContext();
  const navigate = useNavigate();
  const translate = useTranslate();
  const text = useText();
  const forms = usePrinterForms(resource);
  return (
    <>
      {forms.map((f) => (
        <Button
          key={f.id}
          label={`${translate('app.print.bulk')} ${text(f.title)}`}
          onClick={() => navigate(printPath(f.id, selectedIds))}
        >
          <PrintIcon />
        </Button>
      ))}
    </>
  );
}

export function usePrintsFor(resource: string) {
  return usePrinterForms(resource).length > 0;
}
