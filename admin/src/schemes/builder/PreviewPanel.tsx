import { Alert, Box, Card, CardContent, CardHeader, Chip, Divider, LinearProgress, List, ListItem, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { SchemePreview } from '../../dataProvider';
import { localText } from '../choices';
import type { SchemeDocument } from '../document';
import type { Samples } from './sampleInput';
import { SampleInputs } from './SampleInputs';
import { usePreview } from './usePreview';

const Result = ({ preview }: { preview: SchemePreview }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={3} sx={{ alignItems: 'baseline' }}>
        <Box>
          <Typography variant="caption" color="text.secondary">
            {translate('app.builder.preview_total')}
          </Typography>
          <Typography variant="h4" data-testid="preview-total">
            {preview.total ?? '-'}
          </Typography>
        </Box>
        <Box>
          <Typography variant="caption" color="text.secondary">
            {translate('app.builder.preview_grade')}
          </Typography>
          <Typography variant="h5" data-testid="preview-grade">
            {preview.gradeLabel ? localText(preview.gradeLabel, locale) : (preview.grade ?? '-')}
          </Typography>
        </Box>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        {preview.sections.map((s) => (
          <Chip key={s.id} size="small" label={`${s.id}: ${s.score}${s.weight ? ` × ${s.weight}%` : ''}`} />
        ))}
        {preview.weighted && <Chip size="small" color="primary" variant="outlined" label={`${translate('app.builder.preview_weighted')}: ${preview.weighted}`} />}
        {preview.adjustmentPoints && <Chip size="small" color="secondary" variant="outlined" label={`${translate('app.builder.preview_adjustments')}: ${preview.adjustmentPoints}`} />}
      </Stack>
      {preview.pay.length > 0 && (
        <Stack spacing={0.5} data-testid="preview-pay">
          <Typography variant="subtitle2">{translate('app.builder.preview_pay')}</Typography>
          {preview.pay.map((line) => (
            <Typography key={line.component} variant="body2">
              {`${line.component}: ${line.amount} — ${line.detail}`}
            </Typography>
          ))}
        </Stack>
      )}
      <Divider />
      <Typography variant="subtitle2">{translate('app.builder.preview_explanation')}</Typography>
      <List dense disablePadding data-testid="preview-explanation">
        {preview.explanation.map((line, i) => (
          <ListItem key={i} disableGutters sx={{ py: 0 }}>
            <Typography variant="body2">{line}</Typography>
          </ListItem>
        ))}
      </List>
    </Stack>
  );
};

/** HR types sample scores and sees total, grade, pay and the explanation of the unsaved document. */
export const PreviewPanel = ({ doc, samples, onSamplesChange }: { doc: SchemeDocument; samples: Samples; onSamplesChange: (s: Samples) => void }) => {
  const translate = useTranslate();
  const { preview, error, loading } = usePreview(doc, samples);
  return (
    <Card variant="outlined" data-testid="preview-panel">
      <CardHeader title={translate('app.builder.preview')} subheader={translate('app.builder.preview_hint')} />
      {loading ? <LinearProgress /> : <Box sx={{ height: 4 }} />}
      <CardContent>
        <Stack spacing={2}>
          {error && <Alert severity="error">{translate(error, { _: error })}</Alert>}
          {preview && !preview.valid && (
            <Alert severity="warning" data-testid="preview-issues">
              {preview.issues.map((i) => `${i.path}: ${i.message}`).join('; ') || translate('app.builder.preview_invalid')}
            </Alert>
          )}
          {preview?.valid && <Result preview={preview} />}
          <Divider />
          <SampleInputs doc={doc} samples={samples} onChange={onSamplesChange} />
        </Stack>
      </CardContent>
    </Card>
  );
};
