import { Alert, Box, Button, Card, CardContent, Chip, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Title, useNotify, useTranslate } from 'react-admin';
import { useRoles } from '../auth/useRoles';
import { LoadErrorState } from '../common/LoadError';
import { errorMessage } from '../cycles/common';
import { localText, useCycleApi, useLoad, useLocale } from '../cycles/useCycleApi';
import { honorsOps, programTemplate } from './api';

/** HR's program setup: the program's document (criteria, quotas, committee, windows, reward), checked by the API. */
const ProgramSetup = ({ onSaved }: { onSaved: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const api = useCycleApi();
  const [text, setText] = useState<string | null>(null);
  const save = async () => {
    try {
      await honorsOps.save(api, JSON.parse(text ?? '{}'));
      notify('app.honors.saved', { type: 'success' });
      setText(null);
      onSaved();
    } catch (error) {
      notify(error instanceof SyntaxError ? 'app.honors.bad_json' : errorMessage(error), { type: 'error' });
    }
  };
  if (text === null)
    return (
      <Button variant="outlined" onClick={() => setText(JSON.stringify(programTemplate(new Date().getFullYear() - 1), null, 2))} data-testid="honors-new">
        {translate('app.honors.new_program')}
      </Button>
    );
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1">{translate('app.honors.setup')}</Typography>
        <Typography variant="body2" color="text.secondary">{translate('app.honors.setup_help')}</Typography>
        <TextField value={text} onChange={(e) => setText(e.target.value)} multiline minRows={12} fullWidth sx={{ my: 1, fontFamily: 'monospace' }} inputProps={{ 'data-testid': 'honors-document' }} />
        <Stack direction="row" spacing={1}>
          <Button variant="contained" onClick={() => void save()}>{translate('app.honors.save')}</Button>
          <Button onClick={() => setText(null)}>{translate('ra.action.cancel')}</Button>
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The honor programs the caller may see: HR all, committee members theirs, supervisors those open for nominations, everyone announced ones. */
export const HonorsPage = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const { roles } = useRoles();
  const programs = useLoad((api) => honorsOps.programs(api), []);
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('app.menu.honors')} />
      <Typography variant="h5" gutterBottom>
        {translate('app.menu.honors')}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate('app.entry.honors')}
      </Typography>
      {programs.loading && <LinearProgress />}
      {programs.error ? <LoadErrorState error={programs.error} onRetry={programs.reload} /> : null}
      <Stack spacing={1} sx={{ my: 2 }}>
        {programs.data?.nodes.length === 0 && <Alert severity="info">{translate('app.honors.none')}</Alert>}
        {programs.data?.nodes.map((p) => (
          <Card key={p.id} variant="outlined" data-testid={`honor-program-${p.code}`}>
            <CardContent>
              <Stack direction="row" spacing={2} alignItems="center">
                <Typography variant="h6" component={Link} to={`/honors/${p.id}`}>
                  {localText(p.name, locale)}
                </Typography>
                <Chip size="small" label={translate(`app.honors.program_state.${p.state}`)} />
                <Chip size="small" variant="outlined" label={translate(`app.honors.kind.${p.kind}`)} />
              </Stack>
            </CardContent>
          </Card>
        ))}
      </Stack>
      {roles.includes('HR') && <ProgramSetup onSaved={programs.reload} />}
    </Box>
  );
};
