import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Distribution, SchemeDocument } from '../document';
import { DocListText, DocSelect, DocSwitch, DocText, removeAt, replaceAt } from './inputs';

const defaultDistribution = (doc: SchemeDocument): Distribution => ({
  groupBy: 'department',
  rounding: 'halfUp',
  quotas: [{ grade: doc.grades?.bands[0]?.grade ?? '', bound: 'max', percent: '30', cumulative: false }],
  tieBreak: { sections: [] },
});

/** Forced distribution: per group, the share each grade may (max) or must (min) take. */
export const QuotasEditor = ({ doc, onChange }: { doc: SchemeDocument; onChange: (d: SchemeDocument) => void }) => {
  const translate = useTranslate();
  const dist = doc.distribution;
  const grades = doc.grades?.bands.map((b) => b.grade) ?? [];
  const gradeOptions = grades.length > 0 ? grades : [''];
  const set = (next: Partial<Distribution>) => dist && onChange({ ...doc, distribution: { ...dist, ...next } });
  return (
    <Stack spacing={2}>
      <DocSwitch
        label="app.builder.use_quotas"
        checked={dist !== undefined}
        onChange={(on) => onChange({ ...doc, distribution: on ? defaultDistribution(doc) : undefined })}
      />
      {dist && (
        <>
          <Stack direction="row" spacing={1}>
            <DocSelect label="app.builder.group_by" value={dist.groupBy} options={['department', 'team'] as const} prefix="app.builder.group_kind" width={160} onChange={(groupBy) => set({ groupBy })} />
            <DocSelect label="app.builder.quota_rounding" value={dist.rounding} options={['floor', 'halfUp', 'ceil'] as const} prefix="app.builder.quota_rounding_kind" width={200} onChange={(rounding) => set({ rounding })} />
            <DocListText label="app.builder.tie_break" value={dist.tieBreak.sections} path="distribution.tieBreak.sections" width={260} onChange={(sections) => set({ tieBreak: { sections } })} />
          </Stack>
          <Typography variant="subtitle2">{translate('app.builder.quotas')}</Typography>
          {dist.quotas.map((quota, i) => (
            <Stack direction="row" spacing={1} key={i} sx={{ alignItems: 'center' }}>
              <DocSelect label="app.builder.grade" value={quota.grade} options={gradeOptions} path={`distribution.quotas[${i}].grade`} width={150} onChange={(grade) => set({ quotas: replaceAt(dist.quotas, i, { ...quota, grade }) })} />
              <DocSelect label="app.builder.bound" value={quota.bound} options={['max', 'min'] as const} prefix="app.builder.bound_kind" width={150} onChange={(bound) => set({ quotas: replaceAt(dist.quotas, i, { ...quota, bound }) })} />
              <DocText label="app.builder.percent" value={quota.percent} path={`distribution.quotas[${i}].percent`} width={100} onChange={(percent) => set({ quotas: replaceAt(dist.quotas, i, { ...quota, percent }) })} />
              <DocSwitch label="app.builder.cumulative" checked={quota.cumulative} onChange={(cumulative) => set({ quotas: replaceAt(dist.quotas, i, { ...quota, cumulative }) })} />
              <IconButton aria-label={translate('app.builder.remove')} disabled={dist.quotas.length < 2} onClick={() => set({ quotas: removeAt(dist.quotas, i) })}>
                <DeleteIcon fontSize="small" />
              </IconButton>
            </Stack>
          ))}
          <Button
            startIcon={<AddIcon />}
            sx={{ alignSelf: 'flex-start' }}
            onClick={() => set({ quotas: [...dist.quotas, { grade: gradeOptions[0] ?? '', bound: 'max', percent: '0', cumulative: false }] })}
          >
            {translate('app.builder.add_quota')}
          </Button>
        </>
      )}
    </Stack>
  );
};
