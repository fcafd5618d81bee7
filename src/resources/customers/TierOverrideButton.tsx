import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useTranslate, useUpdate } from 'react-admin';
import { useText } from '../../app/i18n/i18nProvider';
import { customers, TIER_BASES, TIERS } from '../../domain/documents/customers';
import { tierOverrideRefusals } from '../../domain/rules/customerTier';

const F = customers.fields;

/**
 * 5.6.2 the CS Center manager's step on a customer row: override the tier the volume gives, with a
 * reason (or hand it back to the volume). The server checks the role and the reason (403 / 422
 * naming 5.6.2); the dialog refuses a missing reason with the same domain rule before sending.
 */
export function TierOverrideButton({ label: _label }: { label?: string }) {
  const record = useRecordContext();
  const text = useText();
  const translate = useTranslate();
  const notify = useNotify();
  const [update, { isPending }] = useUpdate();
  const [open, setOpen] = useState(false);
  const [tier, setTier] = useState('');
  const [reason, setReason] = useState('');
  if (!record) return null;
  const start = () => {
    setTier(typeof record.tierOverride === 'string' ? record.tierOverride : '');
    setReason(typeof record.tierOverrideReason === 'string' ? record.tierOverrideReason : '');
    setOpen(true);
  };
  const missing = tierOverrideRefusals({ tierOverride: tier || null, tierOverrideReason: reason })[0];
  const save = () =>
    update(
      'customers',
      {
        id: record.id,
        data: { tierOverride: tier || null, tierOverrideReason: tier ? reason.trim() : null, version: record.version },
        previousData: record,
      },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setOpen(false);
          notify('ra.notification.updated', { type: 'info', messageArgs: { smart_count: 1 } });
        },
        onError: (e) => notify((e as Error).message, { type: 'error' }),
      },
    );
  const title = text(F.tierOverride.label);
  return (
    <span onClick={(e) => e.stopPropagation()}>
      <Button size="small" onClick={start} aria-label={`${title} ${String(record.code ?? '')}`}>
        {title}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{`${title} · ${String(record.name ?? '')}`}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
          <TextField
            select
            label={title}
            value={tier}
            onChange={(e) => setTier(e.target.value)}
            helperText={F.tierOverride.help ? text(F.tierOverride.help) : undefined}
            inputProps={{ 'data-testid': 'tier-override' }}
          >
            <MenuItem value="">{text(TIER_BASES.volume)}</MenuItem>
            {Object.entries(TIERS).map(([k, l]) => (
              <MenuItem key={k} value={k}>
                {text(l)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={text(F.tierOverrideReason.label)}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            multiline
            minRows={2}
            disabled={!tier}
            error={!!missing}
            helperText={missing ? text(missing.message) : undefined}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={!!missing || isPending} onClick={() => void save()}>
            {translate('ra.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </span>
  );
}
