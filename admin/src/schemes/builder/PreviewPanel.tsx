import { Alert, Box, Card, CardContent, CardHeader, Chip, Divider, LinearProgress, List, ListItem, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { SchemePayLine, SchemePreview } from '../../dataProvider';
import { localText } from '../choices';
import type { SchemeDocument } from '../document';
import { useDescribeIssue } from './issues';
import { useOtherPreviewIssues } from './previewIssues';
import type { Samples } from './sampleInput';
import { SampleInputs } from './SampleInputs';
import type { PreviewState } from './usePreview';

/** The name of a pay line's component ("plus / minus" for money adjustments). */
export const usePayComponentName = (doc: SchemeDocument): ((id: string) => string) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (id) => (id === 'adjustments' ? translate('app.builder.preview_adjustment_money') : localText(doc.pay.find((p) => p.id === id)?.name, locale) || id);
};

/** Pay lines: what each component pays and, below it, how it was computed in words. */
export const PayLines = ({ lines, doc, testId }: { lines: readonly SchemePayLine[]; doc: SchemeDocument; testId?: string }) => {
  const [locale] = useLocaleState();
  const nameOf = usePayComponentName(doc);
  return (
    <Stack spacing={0.75} data-testid={testId}>
      {lines.map((line, i) => (
        <Box key={`${line.component}-${i}`}>
          <Typography variant="body2" sx={{ fontWeight: 500 }}>{`${nameOf(line.component)}: ${line.amount}`}</Typography>
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
            {`= ${localText(line.explanation, locale)}`}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
};

const Result = ({ preview, doc }: { preview: SchemePreview; doc: SchemeDocument }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const sectionName = (id: string) => localText(doc.sections.find((s) => s.id === id)?.name, locale) || id;
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
          <Chip key={s.id} size="small" label={`${sectionName(s.id)}: ${s.score}${s.weight ? ` × ${s.weight}%` : ''}`} />
        ))}
        {preview.weighted && <Chip size="small" color="primary" variant="outlined" label={`${translate('app.builder.preview_weighted')}: ${preview.weighted}`} />}
        {preview.adjustmentPoints && <Chip size="small" color="secondary" variant="outlined" label={`${translate('app.builder.preview_adjustments')}: ${preview.adjustmentPoints}`} />}
      </Stack>
      {preview.pay.length > 0 && (
        <Stack spacing={0.5}>
          <Typography variant="subtitle2">{translate('app.builder.preview_pay')}</Typography>
          <PayLines lines={preview.pay} doc={doc} testId="preview-pay" />
        </Stack>
      )}
      {preview.total !== null && (
        <>
          <Divider />
          <Typography variant="subtitle2">{translate('app.builder.preview_explanation')}</Typography>
          <List dense disablePadding data-testid="preview-explanation">
            {preview.explanation.map((line, i) => (
              <ListItem key={i} disableGutters sx={{ py: 0 }}>
                <Typography variant="body2">{line}</Typography>
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
};

/** Preview issues no sample input supplies (the document's own, or pay that needs the group), in words. */
const OtherIssues = ({ preview }: { preview: SchemePreview }) => {
  const translate = useTranslate();
  const describe = useDescribeIssue();
  const other = useOtherPreviewIssues();
  if (preview.valid) return null;
  return (
    <Alert severity="warning" data-testid="preview-issues">
      {other.length === 0 ? translate('app.builder.preview_fix_inputs') : other.map((i) => describe(i)).join(' ')}
    </Alert>
  );
};

/** HR types sample scores and pay inputs and sees total, grade, pay and the explanation of the unsaved document. */
export const PreviewPanel = ({ doc, samples, onSamplesChange, state }: { doc: SchemeDocument; samples: Samples; onSamplesChange: (s: Samples) => void; state: PreviewState }) => {
  const translate = useTranslate();
  const { preview, error, loading } = state;
  return (
    <Card variant="outlined" data-testid="preview-panel">
      <CardHeader title={translate('app.builder.preview')} subheader={translate('app.builder.preview_hint')} />
      {loading ? <LinearProgress /> : <Box sx={{ height: 4 }} />}
      <CardContent>
        <Stack spacing={2}>
          {error && <Alert severity="error">{translate(error, { _: error })}</Alert>}
          {preview && <OtherIssues preview={preview} />}
          {preview && preview.total !== null && <Result preview={preview} doc={doc} />}
          <Divider />
          <SampleInputs doc={doc} samples={samples} onChange={onSamplesChange} />
        </Stack>
      </CardContent>
    </Card>
  );
};
