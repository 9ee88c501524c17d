import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { RATER_ROLES, type MissingRaterPolicy, type RaterRole, type SchemeSection } from '../document';
import { DocSelect, DocText, removeAt, replaceAt } from './inputs';
import { WeightSum } from './WeightSum';

const POLICIES = ['renormalise', 'fail', 'fixed'] as const;

const policyOf = (policy: MissingRaterPolicy['policy'], current: MissingRaterPolicy): MissingRaterPolicy =>
  policy === 'fixed' ? { policy, value: current.policy === 'fixed' ? current.value : '0' } : { policy };

/** Who rates a section, each role's weight (with the live sum) and what a missing rater means. */
export const RatersEditor = ({ section, path, onChange }: { section: SchemeSection; path: string; onChange: (s: SchemeSection) => void }) => {
  const translate = useTranslate();
  const unused = RATER_ROLES.find((r) => !section.raters.some((x) => x.role === r));
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2">{translate('app.builder.raters')}</Typography>
      {section.raters.map((rater, i) => (
        <Stack direction="row" spacing={1} key={`${rater.role}-${i}`} sx={{ alignItems: 'flex-start' }}>
          <DocSelect<RaterRole>
            label="app.builder.role"
            value={rater.role}
            options={RATER_ROLES}
            prefix="app.scheme.role"
            path={`${path}.raters[${i}].role`}
            width={230}
            onChange={(role) => onChange({ ...section, raters: replaceAt(section.raters, i, { ...rater, role }) })}
          />
          <DocText
            label="app.builder.weight"
            value={rater.weight}
            path={`${path}.raters[${i}].weight`}
            width={100}
            onChange={(weight) => onChange({ ...section, raters: replaceAt(section.raters, i, { ...rater, weight }) })}
          />
          <IconButton aria-label={translate('app.builder.remove')} disabled={section.raters.length < 2} onClick={() => onChange({ ...section, raters: removeAt(section.raters, i) })}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        {unused && (
          <Button size="small" startIcon={<AddIcon />} onClick={() => onChange({ ...section, raters: [...section.raters, { role: unused, weight: '0' }] })}>
            {translate('app.builder.add_rater')}
          </Button>
        )}
        <WeightSum weights={section.raters.map((r) => r.weight)} wrongKey="app.builder.rater_sum_wrong" okKey="app.builder.rater_sum_ok" testId={`${path}-rater-sum`} />
      </Stack>
      <Stack direction="row" spacing={1}>
        <DocSelect
          label="app.builder.missing_rater"
          value={section.missingRater.policy}
          options={POLICIES}
          prefix="app.builder.policy"
          width={300}
          path={`${path}.missingRater`}
          onChange={(policy) => onChange({ ...section, missingRater: policyOf(policy, section.missingRater) })}
        />
        {section.missingRater.policy === 'fixed' && (
          <DocText
            label="app.builder.fixed_value"
            value={section.missingRater.value}
            path={`${path}.missingRater.value`}
            width={110}
            onChange={(value) => onChange({ ...section, missingRater: { policy: 'fixed', value } })}
          />
        )}
      </Stack>
    </Stack>
  );
};
