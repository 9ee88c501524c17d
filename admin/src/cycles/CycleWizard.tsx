import RocketLaunchIcon from '@mui/icons-material/RocketLaunch';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  List,
  ListItemButton,
  ListItemText,
  MenuItem,
  Stack,
  Step,
  StepLabel,
  Stepper,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useGetList, useTranslate } from 'react-admin';
import { Link, useNavigate } from 'react-router-dom';
import { localizedName } from '../common/localizedName';
import { useSubmit } from '../common/useSubmit';
import type { CycleDetail, PublishedScheme } from '../dataProvider/cycleApi';
import { PhaseTable } from './common';
import { PopulationPanel } from './PopulationPanel';
import { useCycleApi, useLoad, useLocale } from './useCycleApi';

const STEPS = ['scheme', 'period', 'population', 'launch'] as const;

/** What the period key of each kind looks like; a DAY cycle takes a date instead. */
const KEY_EXAMPLES: Record<string, string> = { MONTH: '2025-09', QUARTER: '2025-Q3', HALF: '2025-H2', YEAR: '2025' };

/** Step 1: a published scheme (its latest version is pinned). */
const SchemeStep = ({ onPick }: { onPick: (s: PublishedScheme) => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const schemes = useLoad((api) => api.publishedSchemes(), []);
  if (schemes.loading) return <LinearProgress />;
  if (!schemes.data?.length) return <Alert severity="info">{translate('app.cycles.wizard.no_schemes')}</Alert>;
  return (
    <List data-testid="wizard-schemes">
      {schemes.data.map((s) => (
        <ListItemButton key={s.id} onClick={() => onPick(s)} data-testid={`wizard-scheme-${s.code}`}>
          <ListItemText
            primary={`${localizedName(s, locale)} (${s.code})`}
            secondary={translate('app.cycles.wizard.scheme_line', { period: translate(`app.cycles.period_kind.${s.periodType}`), version: s.latestVersion?.number ?? '' })}
          />
        </ListItemButton>
      ))}
    </List>
  );
};

/** Step 2: the period, names and target; creating the draft computes the phase windows on the work calendar. */
const PeriodStep = ({ scheme, onCreated }: { scheme: PublishedScheme; onCreated: (c: CycleDetail) => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const api = useCycleApi();
  const kind = scheme.periodType;
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [department, setDepartment] = useState('');
  const { busy, submit } = useSubmit();
  const departments = useGetList<{ id: string; name: string; nameZh: string | null }>('departments', { pagination: { page: 1, perPage: 500 }, sort: { field: 'code', order: 'ASC' } });
  const create = () =>
    submit(
      () =>
        api.createCycle({
          schemeVersionId: scheme.latestVersion?.id ?? '',
          name: name.trim(),
          nameZh: nameZh.trim() || null,
          period: kind === 'DAY' ? { kind, date: key } : { kind, key },
          targetDepartmentIds: department ? [department] : [],
        }),
      null,
      onCreated,
    );
  return (
    <Stack spacing={2} sx={{ maxWidth: 600 }}>
      <Typography>{translate('app.cycles.wizard.scheme_chosen', { scheme: localizedName(scheme, locale), period: translate(`app.cycles.period_kind.${kind}`) })}</Typography>
      <TextField
        label={translate(kind === 'DAY' ? 'app.cycles.wizard.day' : 'app.cycles.wizard.period_key')}
        type={kind === 'DAY' ? 'date' : 'text'}
        value={key}
        onChange={(e) => setKey(e.target.value)}
        helperText={kind === 'DAY' ? undefined : translate('app.cycles.wizard.period_key_help', { example: KEY_EXAMPLES[kind] ?? '' })}
        slotProps={{ htmlInput: { 'data-testid': 'wizard-period-key' }, inputLabel: { shrink: true } }}
      />
      <TextField label={translate('app.cycles.wizard.name_en')} value={name} onChange={(e) => setName(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'wizard-name' } }} />
      <TextField label={translate('app.cycles.wizard.name_zh')} value={nameZh} onChange={(e) => setNameZh(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'wizard-name-zh' } }} />
      <TextField
        select
        label={translate('app.cycles.wizard.department')}
        value={department}
        onChange={(e) => setDepartment(e.target.value)}
        helperText={translate('app.cycles.wizard.department_help')}
        slotProps={{ htmlInput: { 'data-testid': 'wizard-department' } }}
      >
        <MenuItem value="">{translate('app.cycles.wizard.everyone')}</MenuItem>
        {(departments.data ?? []).map((d) => (
          <MenuItem key={d.id} value={d.id}>
            {localizedName(d, locale)}
          </MenuItem>
        ))}
      </TextField>
      <Box>
        <Button variant="contained" disabled={busy || key.trim() === '' || name.trim() === ''} onClick={() => void create()} data-testid="wizard-create">
          {translate('app.cycles.wizard.create_draft')}
        </Button>
      </Box>
    </Stack>
  );
};

/** Step 4: launch in the background, with a progress bar while appraisals and rating slots are created. */
export const LaunchStep = ({ cycle, onChanged }: { cycle: CycleDetail; onChanged: (c: CycleDetail) => void }) => {
  const translate = useTranslate();
  const api = useCycleApi();
  const { busy, submit } = useSubmit();
  const status = cycle.launch.status;
  const running = status === 'RUNNING';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      api.cycleDetail(cycle.id).then(onChanged, () => undefined);
    }, 700);
    return () => clearInterval(timer);
  }, [running, api, cycle.id, onChanged]);
  const launch = () => submit(() => api.launchCycle(cycle.id, cycle.version), null, onChanged);
  const total = Number(cycle.launch.progress?.total ?? 0);
  const done = Number(cycle.launch.progress?.done ?? 0);
  const percent = status === 'DONE' ? 100 : total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <Stack spacing={2} sx={{ maxWidth: 600 }} data-testid="launch">
      {status === 'NOT_STARTED' && (
        <>
          <Typography>{translate('app.cycles.wizard.launch_help')}</Typography>
          <Box>
            <Button variant="contained" startIcon={<RocketLaunchIcon />} disabled={busy} onClick={() => void launch()} data-testid="wizard-launch">
              {translate('app.cycles.wizard.launch')}
            </Button>
          </Box>
        </>
      )}
      {status !== 'NOT_STARTED' && (
        <>
          <Typography data-testid="launch-status">
            {translate(`app.cycles.launch_status.${status}`)} {translate('app.cycles.wizard.launch_count', { done, total })}
          </Typography>
          <LinearProgress variant="determinate" value={percent} data-testid="launch-progress" aria-valuenow={percent} />
        </>
      )}
      {status === 'FAILED' && <Alert severity="error">{String(cycle.launch.progress?.error ?? '')}</Alert>}
      {status === 'DONE' && (
        <Box>
          <Button variant="outlined" component={Link} to={`/cycles/${cycle.id}`} data-testid="wizard-open-cycle">
            {translate('app.cycles.wizard.open_cycle')}
          </Button>
        </Box>
      )}
    </Stack>
  );
};

/**
 * The steps of a new cycle: scheme -> period (the draft is created and its phase windows shown) -> population
 * (reasons, add or remove with a reason) -> launch with progress. A draft opened later resumes at the population.
 */
export const CycleWizardSteps = ({ initial }: { initial?: CycleDetail }) => {
  const translate = useTranslate();
  const api = useCycleApi();
  const [scheme, setScheme] = useState<PublishedScheme | null>(null);
  const [cycle, setCycle] = useState<CycleDetail | null>(initial ?? null);
  const [step, setStep] = useState(initial ? 2 : 0);
  const reloadCycle = () => {
    if (cycle) api.cycleDetail(cycle.id).then(setCycle, () => undefined);
  };
  return (
    <Stack spacing={3}>
      <Stepper activeStep={step} alternativeLabel>
        {STEPS.map((s) => (
          <Step key={s}>
            <StepLabel>{translate(`app.cycles.wizard.step.${s}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {step === 0 && (
        <SchemeStep
          onPick={(s) => {
            setScheme(s);
            setStep(1);
          }}
        />
      )}
      {step === 1 && scheme && !cycle && <PeriodStep scheme={scheme} onCreated={setCycle} />}
      {step === 1 && cycle && (
        <Stack spacing={2}>
          <Alert severity="success">{translate('app.cycles.wizard.created')}</Alert>
          <PhaseTable phases={cycle.phases} />
          <Box>
            <Button variant="contained" onClick={() => setStep(2)} data-testid="wizard-next">
              {translate('app.cycles.wizard.next')}
            </Button>
          </Box>
        </Stack>
      )}
      {step === 2 && cycle && (
        <Stack spacing={2}>
          <PhaseTable phases={cycle.phases} />
          <PopulationPanel cycleId={cycle.id} version={cycle.version} editable onChanged={reloadCycle} />
          <Box>
            <Button variant="contained" onClick={() => setStep(3)} data-testid="wizard-next">
              {translate('app.cycles.wizard.next')}
            </Button>
          </Box>
        </Stack>
      )}
      {step === 3 && cycle && <LaunchStep cycle={cycle} onChanged={setCycle} />}
    </Stack>
  );
};

export const CycleCreate = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.cycles.wizard.title')} />
      <CardContent>
        <CycleWizardSteps />
        <Button sx={{ mt: 2 }} onClick={() => navigate('/cycles')}>
          {translate('app.cycles.back_to_list')}
        </Button>
      </CardContent>
    </Card>
  );
};
