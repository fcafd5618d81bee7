import { datetime, defineDocument, int, text } from '../definition';
import { t } from '../text';

/** The append-only audit log: who did what, when, and what changed. Read-only for everyone. */
export const auditLog = defineDocument({
  resource: 'auditLog',
  label: t('操作日志', 'Audit entry'),
  menuLabel: t('操作日志', 'Audit log'),
  fields: {
    at: datetime(t('时间', 'At'), { readOnly: true }),
    userId: int(t('用户', 'User'), { readOnly: true }),
    userName: text(t('操作人', 'By'), { readOnly: true, search: true }),
    resource: text(t('单据类型', 'Resource'), { readOnly: true }),
    recordId: int(t('单据ID', 'Record id'), { readOnly: true }),
    action: text(t('操作', 'Action'), { readOnly: true }),
    code: text(t('单据号', 'Code'), { readOnly: true, search: true }),
  },
  list: ['at', 'userName', 'resource', 'code', 'action'],
  filters: ['resource', 'recordId', 'userId', 'action', 'at'],
  defaultSort: { field: 'id', order: 'DESC' },
  columns: ['at', 'userId', 'resource', 'recordId', 'action'],
  access: { read: ['admin', 'teamLead', 'csManager', 'branchGM', 'financeDirector'], create: [], edit: [] },
});
