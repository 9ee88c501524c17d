import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  FormControlLabel,
  IconButton,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider, SchemeGroupPreview } from '../../dataProvider';
import { localizedName } from '../../common/localizedName';
import { localText } from '../choices';
import type { SchemeDocument } from '../document';
import { useHasSampleIssue, useSampleIssue } from './previewIssues';
import { PayLines } from './PreviewPanel';
import { emptyFacts, payNeeds, type SampleMember, type Samples } from './sampleInput';
import { PersonPayFacts, SampleText } from './SampleInputs';
import type { PreviewState } from './usePreview';

interface DepartmentOption {
  id: string;
  code: string;
  name: string;
  nameZh?: string | null;
}

const isDepartment = (value: unknown): value is DepartmentOption => typeof value === 'object' && value !== null && typeof (value as DepartmentOption).id === 'string';

/** Picks a department and adds its active employees to the group, with their pay bases where the scheme uses one. */
const AddDepartment = ({ doc, onAdd }: { doc: SchemeDocument; onAdd: (members: SampleMember[]) => void }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [options, setOptions] = useState<DepartmentOption[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    dataProvider
      .getList('departments', { filter: { active: true }, pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' } })
      .then(({ data }) => live && setOptions(data.filter(isDepartment)))
      .catch(() => live && setOptions([]));
    return () => {
      live = false;
    };
  }, [dataProvider]);
  // Floating pay moves the floating pay base; every other rule prices the performance pay base.
  const floating = doc.pay.some((p) => p.rule.kind === 'floatingByAverage');
  const add = async (department: DepartmentOption | null) => {
    if (!department) return;
    setBusy(true);
    try {
      const people = await dataProvider.departmentMembers(department.id);
      onAdd(
        people.map((p) => ({
          ...emptyFacts(),
          id: p.id,
          name: p.name,
          total: '',
          payBase: (floating ? p.floatingPayBase : p.performancePayBase) ?? '',
        })),
      );
      notify('app.builder.group_added', { type: 'info', messageArgs: { smart_count: people.length } });
    } catch (e) {
      notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Autocomplete<DepartmentOption>
      size="small"
      options={options}
      disabled={busy}
      value={null}
      getOptionLabel={(o) => `${o.code} · ${localizedName(o, locale)}`}
      onChange={(_e, value) => void add(value)}
      sx={{ width: 320 }}
      renderInput={(params) => (
        <TextField {...params} label={translate('app.builder.group_add_department')} slotProps={{ htmlInput: { ...params.inputProps, 'data-testid': 'group-add-department' } }} />
      )}
    />
  );
};

const MemberRow = ({ doc, member, index, onChange, onRemove }: { doc: SchemeDocument; member: SampleMember; index: number; onChange: (m: SampleMember) => void; onRemove: () => void }) => {
  const translate = useTranslate();
  const totalIssue = useSampleIssue(`member:${index}:total`);
  const needs = payNeeds(doc);
  const hasFacts = needs.base || needs.output !== undefined;
  return (
    <TableRow data-testid={`group-member-${index}`} sx={{ verticalAlign: 'top' }}>
      <TableCell sx={{ width: 220 }}>
        <TextField
          size="small"
          value={member.name}
          onChange={(e) => onChange({ ...member, name: e.target.value })}
          fullWidth
          slotProps={{ htmlInput: { 'data-testid': `group-member-${index}-name`, 'aria-label': translate('app.builder.group_name') } }}
        />
      </TableCell>
      <TableCell sx={{ width: 130 }}>
        <SampleText name={translate('app.builder.group_score')} value={member.total} onChange={(total) => onChange({ ...member, total })} testId={`group-member-${index}-total`} width={100} error={totalIssue !== undefined} />
        {totalIssue && (
          <Typography variant="caption" color="error" sx={{ display: 'block' }}>
            {totalIssue}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        {hasFacts ? (
          <PersonPayFacts doc={doc} facts={member} onChange={(facts) => onChange({ ...member, ...facts })} prefix={`group-member-${index}`} field={(name) => `member:${index}:${name}`} />
        ) : (
          <Typography variant="body2" color="text.secondary">
            —
          </Typography>
        )}
      </TableCell>
      <TableCell sx={{ width: 48 }}>
        <IconButton aria-label={translate('app.builder.remove')} onClick={onRemove}>
          <DeleteIcon fontSize="small" />
        </IconButton>
      </TableCell>
    </TableRow>
  );
};

/** The priced group: each member's score, grade, pay and total, the average and the quotas. */
const GroupResult = ({ group, doc, samples }: { group: SchemeGroupPreview; doc: SchemeDocument; samples: Samples }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const gradeName = (id: string) => localText(doc.grades?.bands.find((b) => b.grade === id)?.label, locale) || id;
  return (
    <Stack spacing={1.5} data-testid="group-result">
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        <Chip label={translate('app.builder.group_size', { smart_count: group.size })} />
        <Chip label={`${translate('app.builder.group_average')}: ${group.average.replace(/(\.\d{4})\d+$/, '$1…')}`} data-testid="group-average" />
        {group.outputValue && <Chip label={`${translate('app.builder.preview_output_value')}: ${group.outputValue}`} data-testid="group-output-value" />}
      </Stack>
      {group.quotas.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }} data-testid="group-quotas">
          {group.quotas.map((q) => (
            <Chip
              key={`${q.grade}-${q.bound}`}
              color={q.ok ? 'success' : 'error'}
              variant={q.ok ? 'outlined' : 'filled'}
              label={translate(q.bound === 'max' ? 'app.builder.quota_max' : 'app.builder.quota_min', {
                grades: q.grades.map(gradeName).join(' + '),
                percent: q.percent,
                limit: q.limit,
                actual: q.actual,
              })}
            />
          ))}
        </Stack>
      )}
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.builder.group_name')}</TableCell>
            <TableCell>{translate('app.builder.group_score')}</TableCell>
            <TableCell>{translate('app.builder.preview_grade')}</TableCell>
            <TableCell>{translate('app.builder.preview_pay')}</TableCell>
            <TableCell align="right">{translate('app.builder.group_pay_total')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {group.members.map((m, i) => (
            <TableRow key={m.id} data-testid={`group-result-${i}`} sx={{ verticalAlign: 'top' }}>
              <TableCell>{m.sample ? translate('app.builder.group_sample') : m.name || samples.group.members[i - 1]?.name || m.id}</TableCell>
              <TableCell>{m.total}</TableCell>
              <TableCell>{m.gradeLabel ? localText(m.gradeLabel, locale) : (m.grade ?? '—')}</TableCell>
              <TableCell>
                <PayLines lines={m.pay} doc={doc} />
              </TableCell>
              <TableCell align="right" data-testid={`group-result-${i}-total`}>
                {m.payTotal ?? '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
};

let nextMember = 0;
const newMember = (index: number): SampleMember => ({ ...emptyFacts(), id: `sample${Date.now().toString(36)}${(nextMember++).toString(36)}`, name: `#${index}`, total: '80' });

/**
 * A sample group priced with the form's appraisal: other people with sample scores (typed, or the members of
 * a department), so floating pay against the average, pool shares, output pay and quotas show as in a cycle.
 */
export const GroupPanel = ({ doc, samples, onSamplesChange, state }: { doc: SchemeDocument; samples: Samples; onSamplesChange: (s: Samples) => void; state: PreviewState }) => {
  const translate = useTranslate();
  const { group } = samples;
  const setMembers = (members: SampleMember[]) => onSamplesChange({ ...samples, group: { ...group, members } });
  const needsGroup = doc.pay.some((p) => p.rule.kind === 'floatingByAverage' || p.rule.kind === 'poolSplit') || doc.distribution !== undefined;
  const memberIssues = useHasSampleIssue('member:');
  const result = state.preview?.group;
  return (
    <Card variant="outlined" data-testid="group-panel">
      <CardHeader
        title={translate('app.builder.group_title')}
        subheader={translate('app.builder.group_hint')}
        action={
          <FormControlLabel
            control={<Switch checked={group.enabled} onChange={(e) => onSamplesChange({ ...samples, group: { ...group, enabled: e.target.checked } })} data-testid="group-toggle" />}
            label={translate('app.builder.group_enable')}
          />
        }
      />
      <CardContent>
        {!group.enabled ? (
          needsGroup && (
            <Alert severity="info" data-testid="group-suggestion">
              {translate('app.builder.group_suggestion')}
            </Alert>
          )
        ) : (
          <Stack spacing={2}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.builder.group_name')}</TableCell>
                  <TableCell>{translate('app.builder.group_score')}</TableCell>
                  <TableCell>{translate('app.builder.preview_pay_inputs')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {group.members.map((member, i) => (
                  <MemberRow
                    key={member.id}
                    doc={doc}
                    member={member}
                    index={i}
                    onChange={(m) => setMembers(group.members.map((x, k) => (k === i ? m : x)))}
                    onRemove={() => setMembers(group.members.filter((_, k) => k !== i))}
                  />
                ))}
              </TableBody>
            </Table>
            {group.members.length === 0 && (
              <Typography variant="body2" color="text.secondary">
                {translate('app.builder.group_empty')}
              </Typography>
            )}
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
              <Button startIcon={<AddIcon />} onClick={() => setMembers([...group.members, newMember(group.members.length + 1)])} data-testid="group-add-person">
                {translate('app.builder.group_add_person')}
              </Button>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                <GroupAddIcon color="action" />
                <AddDepartment doc={doc} onAdd={(people) => setMembers([...group.members, ...people.filter((p) => !group.members.some((m) => m.id === p.id))])} />
              </Box>
              {group.members.length > 0 && (
                <Button color="error" onClick={() => setMembers([])}>
                  {translate('app.builder.group_clear')}
                </Button>
              )}
            </Stack>
            {memberIssues && <Alert severity="warning">{translate('app.builder.group_fix_members')}</Alert>}
            {result && <GroupResult group={result} doc={doc} samples={samples} />}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
