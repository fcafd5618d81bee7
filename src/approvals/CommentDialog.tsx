import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { ApprovalFacts } from './ApprovalFacts';

/**
 * Asks for the reason a reject / cancel needs (commentRequired); the server checks it too. Given
 * the document (`resource`, `record`), it shows why it waits on this role and the facts first.
 */
export function CommentDialog({
  open,
  title,
  pending,
  onConfirm,
  onClose,
  resource,
  record,
}: {
  open: boolean;
  title: string;
  pending?: boolean;
  onConfirm: (comment: string) => void;
  onClose: () => void;
  resource?: string;
  record?: { id: number | string; version?: unknown; status?: unknown };
}) {
  const translate = useTranslate();
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const empty = comment.trim() === '';
  const close = () => {
    setComment('');
    setTouched(false);
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      fullWidth
      maxWidth="sm"
      onClick={(e) => e.stopPropagation()}
      data-testid="comment-dialog"
    >
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        {open && resource && record ? (
          <ApprovalFacts resource={resource} id={record.id} version={record.version} status={record.status} compact />
        ) : null}
        <TextField
          autoFocus
          multiline
          minRows={2}
          fullWidth
          label={translate('app.workflow.reason')}
          value={comment}
          inputProps={{ maxLength: 1000 }}
          onChange={(e) => setComment(e.target.value)}
          onBlur={() => setTouched(true)}
          error={touched && empty}
          helperText={touched && empty ? translate('app.workflow.reasonRequired') : ' '}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{translate('app.workflow.cancel')}</Button>
        <Button
          variant="contained"
          disabled={empty || pending}
          onClick={() => {
            const c = comment.trim();
            setComment('');
            setTouched(false);
            onConfirm(c);
          }}
        >
          {translate('app.workflow.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
