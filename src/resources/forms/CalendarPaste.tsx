import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { usePermissions, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { useText } from '../../app/i18n/i18nProvider';
import { calendarOf, packageCovers, shanghaiDate, type CalendarDay } from '../../domain/calendar';
import { parseCalendarPaste, replaceYear } from '../../domain/calendarPaste';
import { settings } from '../../domain/documents/settings';
import { FESTIVAL_NAMES, statutoryHolidays } from '../../domain/holidays';
import type { Role } from '../../domain/roles';
import { inputFor } from '../inputFor';

/**
 * 5.7.3 / 6.4.5 / 6.10.5 (working time, 6.1) the settings' holidays: a year's 调休 pasted in one
 * go — the notice's days off and make-up working days — into the `calendarDays` lines below (saved
 * with the settings, the server checks them); the year's statutory holidays as the law computes
 * them, and whether its 调休 is published, entered or still missing.
 */
export function CalendarDaysInput({ mode }: { mode: 'create' | 'edit' }) {
  const translate = useTranslate();
  const text = useText();
  const { permissions } = usePermissions<Role>();
  const { setValue } = useFormContext();
  const days = (useWatch({ name: 'calendarDays' }) as CalendarDay[] | undefined) ?? [];
  const thisYear = Number(shanghaiDate(new Date()).slice(0, 4));
  const [year, setYear] = useState(String(thisYear + 1));
  const [daysOff, setDaysOff] = useState('');
  const [workdays, setWorkdays] = useState('');
  const [result, setResult] = useState<{ off: number; on: number; errors: string[] } | null>(null);
  const y = Number(year);
  const validYear = Number.isInteger(y) && y >= 2000 && y <= 2099;
  const calendar = calendarOf(days);
  const state = !validYear ? null : packageCovers(y) ? 'published' : calendar.covers(y) ? 'entered' : 'missing';
  const statutory = validYear ? statutoryHolidays(y).filter((h) => h.kind === 'statutory') : [];

  const apply = () => {
    const parsed = parseCalendarPaste(y, daysOff, workdays);
    setValue('calendarDays', replaceYear(days, y, parsed.days), { shouldDirty: true, shouldValidate: true });
    setResult({
      off: parsed.days.filter((d) => d.kind === 'holiday').length,
      on: parsed.days.filter((d) => d.kind === 'workday').length,
      errors: parsed.errors.map((e) => e.token),
    });
  };

  return (
    <Box sx={{ width: '100%' }} data-testid="calendar-paste">
      <Typography variant="subtitle1" sx={{ mt: 2 }}>
        {translate('app.calendarPaste.title')}
      </Typography>
      <Stack spacing={1.5} sx={{ my: 1, maxWidth: 720 }}>
        <TextField
          size="small"
          type="number"
          label={translate('app.calendarPaste.year')}
          value={year}
          onChange={(e) => setYear(e.target.value)}
          sx={{ width: 140 }}
        />
        {state && (
          <Typography variant="body2" data-testid="calendar-year-state">
            {translate('app.calendarPaste.known', { year: y, state: translate(`app.calendarPaste.${state}`) })}
          </Typography>
        )}
        {statutory.length > 0 && (
          <Typography variant="body2" color="text.secondary">
            {translate('app.calendarPaste.statutory', {
              year: y,
              days: statutory.map((h) => `${FESTIVAL_NAMES[h.festival]} ${h.date.slice(5)}`).join('、'),
            })}
          </Typography>
        )}
        <TextField
          multiline
          minRows={2}
          label={translate('app.calendarPaste.daysOff')}
          value={daysOff}
          onChange={(e) => setDaysOff(e.target.value)}
        />
        <TextField
          multiline
          minRows={1}
          label={translate('app.calendarPaste.workdays')}
          value={workdays}
          onChange={(e) => setWorkdays(e.target.value)}
        />
        <Box>
          <Button variant="outlined" onClick={apply} disabled={!validYear || (!daysOff.trim() && !workdays.trim())}>
            {translate('app.calendarPaste.apply')}
          </Button>
        </Box>
        {result && (
          <Alert severity={result.errors.length ? 'warning' : 'success'} data-testid="calendar-paste-result">
            {translate('app.calendarPaste.applied', { year: y, off: result.off, on: result.on })}
            {result.errors.length > 0 &&
              ` ${translate('app.calendarPaste.errors', { tokens: result.errors.join('、') })}`}
          </Alert>
        )}
      </Stack>
      {inputFor(settings, 'calendarDays', { mode, role: permissions, text })}
    </Box>
  );
}
