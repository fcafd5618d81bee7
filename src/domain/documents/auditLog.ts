import { column, datetime, defineDocument, int, ref, text } from '../definition';
import { t } from '../text';

/** The append-only audit log: who did what, when, and what changed. Read-only for everyone. */
export const auditLog = defineDocument({
  resource: 'auditLog',
  label: t('操作日志', 'Audit entry'),
  menuLabel: t('操作日志', 'Audit log'),
  fields: {
    at: datetime(t('时间', 'At'), { readOnly: true }),
    userId: ref(t('用户', 'User'), 'users', { readOnly: true }),
    userName: text(t('操作人', 'By'), { readOnly: true, search: true }),
    resource: text(t('单据类型', 'Resource'), { readOnly: true, valueIs: 'resourceName' }),
    recordId: int(t('单据ID', 'Record id'), { readOnly: true }),
    action: text(t('操作', 'Action'), { readOnly: true, valueIs: 'actionName' }),
    code: text(t('单据号', 'Code'), { readOnly: true, search: true }),
  },
  list: [
    column('at', 'datetime'),
    column('userName', 'text'),
    column('resource', 'text'),
    column('code', 'code'),
    column('action', 'text'),
  ],
  filters: ['resource', 'recordId', 'userId', 'action', 'at'],
  defaultSort: { field: 'id', order: 'DESC' },
  columns: ['at', 'userId', 'resource', 'recordId', 'action'],
  access: { read: ['admin', 'teamLead', 'csManager', 'branchGM', 'financeDirector'], create: [], edit: [] },
});
