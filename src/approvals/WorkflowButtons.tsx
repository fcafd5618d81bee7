import { Box, Button, Tooltip } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useRecordContext, useResourceContext } from 'react-admin';
import type { BaoyiDataProvider } from '../app/dataProvider';
import { useText } from '../app/i18n/i18nProvider';
import type { AvailableAction } from '../domain/workflow';
import { CommentDialog } from './CommentDialog';
import { StepDialog } from './StepDialog';
import { useActionLabel, useWorkflowAct } from './useWorkflowAct';

/**
 * The show page's workflow toolbar: the actions the server says this user has on this record
 * now (GET /<res>/<id>/actions); a refused one is disabled with the refusal (and its clause) as
 * tooltip; reject / cancel ask for the reason first.
 */
export function WorkflowButtons() {
  const record = useRecordContext();
  const resource = useResourceContext() ?? '';
  const dataProvider = useDataProvider<BaoyiDataProvider>();
  const text = useText();
  const label = useActionLabel(resource);
  const { act, pending } = useWorkflowAct(resource);
  const [actions, setActions] = useState<AvailableAction[]>([]);
  const [asking, setAsking] = useState<AvailableAction | null>(null);
  const id = record?.id;
  const version = record?.version;
  const status = record?.status;

  useEffect(() => {
    if (id === undefined || !resource) return;
    let live = true;
    dataProvider
      .actions(resource, id)
      .then((a) => live && setActions(a))
      .catch(() => live && setActions([]));
    return () => {
      live = false;
    };
  }, [dataProvider, resource, id, version, status]);

  if (!record || actions.length === 0) return null;

  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }} data-testid="workflow-buttons">
      {actions.map((a) => {
        const button = (
          <Button
            key={a.action}
            size="small"
            variant={a.tone === 'primary' ? 'contained' : 'outlined'}
            color={a.tone === 'danger' ? 'error' : 'primary'}
            disabled={!a.allowed || pending}
            data-action={a.action}
            data-decision={a.decision}
            // an approver's decision opens the dialog with the facts the rules used; other steps go at once
            onClick={() =>
              a.commentRequired || a.params.length || a.decision ? setAsking(a) : void act(record, a.action)
            }
          >
            {text(a.label) || label(a.action)}
          </Button>
        );
        return !a.allowed && a.refusal ? (
          <Tooltip key={a.action} title={text(a.refusal.message)}>
            <span>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
      {asking && (asking.params.length > 0 || !asking.commentRequired) ? (
        <StepDialog
          open
          resource={resource}
          title={label(asking.action)}
          params={asking.params}
          commentRequired={asking.commentRequired}
          pending={pending}
          record={asking.decision ? { id: record.id, version, status } : undefined}
          onClose={() => setAsking(null)}
          onConfirm={(comment, values) => {
            const a = asking;
            setAsking(null);
            void act(record, a.action, comment, values);
          }}
        />
      ) : null}
      <CommentDialog
        open={asking !== null && asking.params.length === 0 && asking.commentRequired}
        resource={resource}
        record={asking?.decision ? { id: record.id, version, status } : undefined}
        pending={pending}
        title={asking ? label(asking.action) : ''}
        onClose={() => setAsking(null)}
        onConfirm={(comment) => {
          const a = asking;
          setAsking(null);
          if (a) void act(record, a.action, comment);
        }}
      />
    </Box>
  );
}
