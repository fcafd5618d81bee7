import { useCallback, useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import type { BaoyiDataProvider } from '../app/dataProvider';
import { useText } from '../app/i18n/i18nProvider';
import { getDefinition } from '../domain/documents';
import type { Transition } from '../domain/workflow';

/** The error text the server gave (its message already carries the clause), or a generic one. */
export function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e && typeof (e as Error).message === 'string' && (e as Error).message)
    return (e as Error).message;
  return 'ra.notification.http_error';
}

/** The transition of `resource` named `action` — the one out of `status` when given (label, comment rule, tone). */
export function transitionOf(resource: string, action: string, status?: unknown): Transition | undefined {
  const all = getDefinition(resource)?.workflow?.transitions.filter((t) => t.action === action) ?? [];
  return (status !== undefined ? all.find((t) => t.from.includes(String(status))) : undefined) ?? all[0];
}

/** The translated label of a workflow action. */
export function useActionLabel(resource: string) {
  const translate = useTranslate();
  const text = useText();
  return useCallback(
    (action: string) =>
      translate(`resources.${resource}.actions.${action}`, {
        _: text(transitionOf(resource, action)?.label) || action,
      }),
    [resource, translate, text],
  );
}

/** Takes one workflow action through POST /<res>/<id>/actions/<action>, then notifies and refreshes. */
export function useWorkflowAct(resource: string) {
  const dataProvider = useDataProvider<BaoyiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const label = useActionLabel(resource);
  const [pending, setPending] = useState(false);

  const act = useCallback(
    async (record: RaRecord, action: string, comment?: string, params?: Record<string, unknown>) => {
      setPending(true);
      try {
        const { data } = await dataProvider.act(resource, {
          id: record.id,
          action,
          comment,
          params,
          version: typeof record.version === 'number' ? record.version : undefined,
        });
        notify('app.workflow.done', { type: 'success', messageArgs: { action: label(action) } });
        refresh();
        return data;
      } catch (e) {
        notify(errorText(e), { type: 'error' });
        return null;
      } finally {
        setPending(false);
      }
    },
    [dataProvider, resource, notify, refresh, label],
  );
  return { act, pending };
}
