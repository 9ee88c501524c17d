import { Grid, LinearProgress } from '@mui/material';
import { LoadErrorState } from '../common/LoadError';
import { useLoad } from '../cycles/useCycleApi';
import { analyticsOps } from './api';
import { useAnalyticsNames } from './AnalyticsPage';
import { CompletionChart, GradeChart } from './charts';

/** HR's dashboard charts: completion of launched cycles (with overdue) and the grade distribution against the quotas. */
export const KeyCharts = () => {
  const names = useAnalyticsNames();
  const data = useLoad((api) => analyticsOps.key(api), []);
  if (data.error) return <LoadErrorState error={data.error} onRetry={data.reload} />;
  if (!data.data) return <LinearProgress />;
  return (
    <Grid container spacing={2} data-testid="key-charts">
      <Grid size={{ xs: 12, lg: 6 }}>
        <CompletionChart rows={data.data.completion} names={names} testId="key-completion" />
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <GradeChart rows={data.data.gradeDistribution} names={names} />
      </Grid>
    </Grid>
  );
};
