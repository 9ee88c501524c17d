import { Box, Button, Card, CardContent, Grid, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { isOrgManager } from '../auth/roles';
import { useRoles } from '../auth/useRoles';
import { LoadErrorState } from '../common/LoadError';
import { localText, useLoad, useLocale } from '../cycles/useCycleApi';
import { type AnalyticsFilter, analyticsOps } from './api';
import { AppealsChart, CompletionChart, GradeChart, HistogramChart, LeniencyChart, PayChart, TrendChart } from './charts';
import { departmentTree } from './format';

/** Names of departments (reference data every signed-in person reads) and schemes (from the visible cycles). */
export const useAnalyticsNames = () => {
  const departments = useLoad((api) => analyticsOps.departments(api), []);
  const cycles = useLoad((api) => analyticsOps.cycles(api), []);
  const locale = useLocale();
  return useMemo(() => {
    const schemes = new Map<string, string>();
    for (const c of cycles.data?.nodes ?? []) schemes.set(c.scheme.id, localText({ en: c.scheme.name, zh: c.scheme.nameZh ?? '' }, locale));
    return {
      departments: new Map((departments.data?.nodes ?? []).map((d) => [d.id, d])),
      schemes,
      departmentList: departments.data?.nodes ?? [],
      cycles: [...(cycles.data?.nodes ?? [])].filter((c) => c.state !== 'DRAFT' && c.state !== 'CANCELLED').sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : -1)),
    };
  }, [departments.data, cycles.data, locale]);
};

type Names = ReturnType<typeof useAnalyticsNames>;

/** The one filter bar that drives every chart: cycle, scheme, department and below, period range. */
const FilterBar = ({ filter, onChange, names }: { filter: AnalyticsFilter; onChange: (f: AnalyticsFilter) => void; names: Names }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const p = 'app.analytics';
  const set = (patch: Partial<AnalyticsFilter>) => onChange({ ...filter, ...patch });
  const schemes = [...names.schemes.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }} data-testid="analytics-filters">
      <TextField
        select
        size="small"
        label={translate(`${p}.cycle`)}
        value={filter.cycleIds?.[0] ?? ''}
        onChange={(e) => set({ cycleIds: e.target.value ? [e.target.value] : undefined })}
        fullWidth={false}
        sx={{ width: 220 }}
        slotProps={{ htmlInput: { 'data-testid': 'filter-cycle' } }}
      >
        <MenuItem value="">{translate(`${p}.all_cycles`)}</MenuItem>
        {names.cycles.map((c) => (
          <MenuItem key={c.id} value={c.id}>
            {localText({ en: c.name, zh: c.nameZh ?? '' }, locale)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={translate(`${p}.scheme`)}
        value={filter.schemeId ?? ''}
        onChange={(e) => set({ schemeId: e.target.value || undefined })}
        fullWidth={false}
        sx={{ width: 200 }}
        slotProps={{ htmlInput: { 'data-testid': 'filter-scheme' } }}
      >
        <MenuItem value="">{translate(`${p}.all_schemes`)}</MenuItem>
        {schemes.map(([id, name]) => (
          <MenuItem key={id} value={id}>
            {name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={translate(`${p}.department`)}
        value={filter.departmentId ?? ''}
        onChange={(e) => set({ departmentId: e.target.value || undefined })}
        fullWidth={false}
        sx={{ width: 240 }}
        slotProps={{ htmlInput: { 'data-testid': 'filter-department' } }}
      >
        <MenuItem value="">{translate(`${p}.all_departments`)}</MenuItem>
        {departmentTree(names.departmentList).map(({ department, depth }) => (
          <MenuItem key={department.id} value={department.id} sx={{ pl: 2 + depth * 2 }}>
            {locale === 'zh' ? department.nameZh || department.name : department.name}
          </MenuItem>
        ))}
      </TextField>
      <LocalDateField
        size="small"
        fullWidth={false}
        sx={{ width: 180 }}
        label={translate(`${p}.period_from`)}
        value={filter.periodFrom ?? ''}
        onChange={(date) => set({ periodFrom: date || undefined })}
        slotProps={{ htmlInput: { 'data-testid': 'filter-period-from' } }}
      />
      <LocalDateField
        size="small"
        fullWidth={false}
        sx={{ width: 180 }}
        label={translate(`${p}.period_to`)}
        value={filter.periodTo ?? ''}
        onChange={(date) => set({ periodTo: date || undefined })}
        slotProps={{ htmlInput: { 'data-testid': 'filter-period-to' } }}
      />
      <Button onClick={() => onChange({})} data-testid="filter-reset">
        {translate(`${p}.reset`)}
      </Button>
    </Stack>
  );
};

/**
 * Analytics (HR: the whole group; a supervisor: their reporting line, which the API decides): grade distribution
 * against the quotas, score histogram, trend across cycles, rater leniency, completion with overdue, pay (HR) and
 * appeals, all under one filter; each chart exports its numbers.
 */
export const AnalyticsPage = () => {
  const translate = useTranslate();
  const { roles } = useRoles();
  const hr = isOrgManager(roles);
  const names = useAnalyticsNames();
  const [filter, setFilter] = useState<AnalyticsFilter>({});
  const key = JSON.stringify(filter);
  const data = useLoad((api) => analyticsOps.all(api, filter, hr), [key, hr]);
  const d = data.data;
  return (
    <Box sx={{ p: 2 }} data-testid="analytics-page">
      <Title title={translate('app.menu.analytics')} />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('app.menu.analytics')}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate(hr ? 'app.analytics.subtitle_hr' : 'app.analytics.subtitle_line')}
      </Typography>
      <Card variant="outlined" sx={{ my: 2 }}>
        <CardContent>
          <FilterBar filter={filter} onChange={setFilter} names={names} />
        </CardContent>
      </Card>
      <Box sx={{ minHeight: 4 }}>{data.loading && <LinearProgress data-testid="analytics-loading" />}</Box>
      {data.error ? (
        <LoadErrorState error={data.error} onRetry={data.reload} />
      ) : d ? (
        <Grid container spacing={2} sx={{ mt: 1, opacity: data.loading ? 0.6 : 1 }} data-testid={data.loading ? 'analytics-stale' : 'analytics-ready'}>
          <Grid size={{ xs: 12, lg: 6 }}>
            <GradeChart rows={d.gradeDistribution} names={names} />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <HistogramChart histogram={d.scoreHistogram} names={names} />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <TrendChart points={d.scoreTrend} names={names} />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <CompletionChart rows={d.completion} names={names} />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <LeniencyChart rows={d.raterLeniency} names={names} />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <AppealsChart rows={d.appeals} names={names} />
          </Grid>
          {hr && d.pay && (
            <Grid size={{ xs: 12 }}>
              <PayChart rows={d.pay} names={names} />
            </Grid>
          )}
        </Grid>
      ) : null}
    </Box>
  );
};
