import type { SchemeDefinition } from '@appraisal/domain';
import { selfReviewForm, type SelfReviewField } from '@appraisal/domain/cycles/forms';
import SaveIcon from '@mui/icons-material/Save';
import SendIcon from '@mui/icons-material/Send';
import { Alert, Box, Button, Card, CardContent, Chip, LinearProgress, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { Confirm, Title, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { localizedName } from '../common/localizedName';
import { LoadErrorState } from '../common/LoadError';
import { useSubmit } from '../common/useSubmit';
import type { ItemValue, RatingPreview, SelfReviewInput } from '../dataProvider/cycleApi';
import { Day, StateChip } from './common';
import { filled, ItemInputs } from './RatingFormPage';
import { localText, useCycleApi, useLoad, useLocale } from './useCycleApi';

type Items = Record<string, ItemValue>;

/** The self-review window's close (the SELF_REVIEW phase). */
const selfReviewDeadline = (phases: { phase: string; closes: string }[]): string | undefined => phases.find((p) => p.phase === 'SELF_REVIEW')?.closes;

/**
 * The employee's self-review (Part 5): achievements, problems and next-period plans as text, and the self-scores of
 * every section the scheme has rated by SELF (the same inputs as the rating form, with the live section score).
 * Save a draft or submit inside the self-review window; once submitted it is read-only.
 */
export const SelfReviewPage = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const locale = useLocale();
  const api = useCycleApi();
  const loaded = useLoad((a) => a.selfReviewAppraisal(id), [id]);
  const appraisal = loaded.data;
  const [version, setVersion] = useState<number | null>(null);
  const [state, setState] = useState<string | null>(null);
  const [submittedAt, setSubmittedAt] = useState<string | null>(null);
  const [texts, setTexts] = useState<Record<SelfReviewField, string>>({ achievements: '', problems: '', plans: '' });
  const [scores, setScores] = useState<Record<string, Items>>({});
  const [previews, setPreviews] = useState<Record<string, RatingPreview>>({});
  const { busy, submit: send } = useSubmit();
  const [confirming, setConfirming] = useState(false);

  const scheme = appraisal?.cycle.schemeVersion.document.json as SchemeDefinition | undefined;
  const form = useMemo(() => (scheme ? selfReviewForm(scheme) : undefined), [scheme]);
  const selfRatings = useMemo(() => new Map((appraisal?.ratings ?? []).filter((r) => r.role === 'SELF' && r.state !== 'REASSIGNED').map((r) => [r.section, r])), [appraisal]);

  useEffect(() => {
    if (!appraisal) return;
    setVersion(appraisal.version);
    setState(appraisal.state);
    setSubmittedAt(appraisal.selfReviewSubmittedAt);
    setTexts({ achievements: appraisal.selfReview?.achievements ?? '', problems: appraisal.selfReview?.problems ?? '', plans: appraisal.selfReview?.plans ?? '' });
    setScores(Object.fromEntries([...selfRatings.values()].map((r) => [r.section, r.items ?? {}])));
  }, [appraisal, selfRatings]);

  // The live section score of each self-scored section, a moment after the employee stops typing.
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      for (const [section, rating] of selfRatings)
        api.previewRating(rating.id, filled(scores[section] ?? {})).then(
          (p) => live && setPreviews((all) => ({ ...all, [section]: p })),
          () => undefined,
        );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, selfRatings, scores]);

  if (loaded.error) return <LoadErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!appraisal || !form || version === null) return <LinearProgress sx={{ mt: 2 }} />;
  const editable = submittedAt === null && ['PENDING', 'SELF_REVIEW', 'RATING'].includes(state ?? '');
  const input: SelfReviewInput = {
    ...texts,
    scores: form.scored.filter((f) => selfRatings.has(f.section.id)).map((f) => ({ section: f.section.id, items: filled(scores[f.section.id] ?? {}) })),
  };
  const write = async (submit: boolean) => {
    await send(() => api.saveSelfReview(appraisal.id, version, input, submit), submit ? 'app.self_review.submitted' : 'app.self_review.saved', (saved) => {
      setVersion(saved.version);
      setState(saved.state);
      setSubmittedAt(saved.selfReviewSubmittedAt);
    });
    setConfirming(false);
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.self_review.title')} />
      <CardContent>
        <Stack spacing={3}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="h5" component="h1">
              {localizedName(appraisal.cycle, locale)}
            </Typography>
            <StateChip state={state ?? appraisal.state} group="appraisal" />
            <Typography color="text.secondary">
              {translate('app.self_review.deadline')}: <Day value={selfReviewDeadline(appraisal.cycle.phases)} />
            </Typography>
          </Stack>
          {!editable && (
            <Alert severity="info" data-testid="self-review-locked">
              {translate('app.self_review.locked')}
            </Alert>
          )}
          {form.textFields.map(({ field, maxLength }) => (
            <TextField
              key={field}
              multiline
              minRows={3}
              label={translate(`app.self_review.${field}`)}
              helperText={translate(`app.self_review.${field}_help`)}
              value={texts[field]}
              disabled={!editable}
              onChange={(e) => setTexts((t) => ({ ...t, [field]: e.target.value }))}
              slotProps={{ htmlInput: { maxLength, 'data-testid': `self-${field}` } }}
            />
          ))}
          {form.scored
            .filter((f) => selfRatings.has(f.section.id))
            .map((f) => {
              const preview = previews[f.section.id];
              return (
                <Paper key={f.section.id} variant="outlined" sx={{ p: 2 }} data-testid={`self-section-${f.section.id}`}>
                  <Stack spacing={2}>
                    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                      <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
                        {translate('app.self_review.scores', { section: localText(f.section.name, locale) })}
                      </Typography>
                      <Typography data-testid={`self-score-${f.section.id}`}>
                        {translate('app.rating.section_score')}: {preview?.sectionScore ?? '—'} / {f.section.fullMarks}
                      </Typography>
                    </Stack>
                    {f.items.map((item) => (
                      <Stack key={item.id} spacing={1}>
                        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                          <Typography sx={{ fontWeight: 600, flex: 1 }}>{localText(item.name, locale)}</Typography>
                          <Typography variant="body2" color="text.secondary">
                            {translate('app.rating.max_points', { points: item.maxPoints })}
                          </Typography>
                          {preview?.items[item.id]?.points !== undefined && <Chip size="small" color="primary" label={translate('app.rating.item_points', { points: preview.items[item.id]?.points })} />}
                        </Stack>
                        <ItemInputs
                          item={item}
                          value={scores[f.section.id]?.[item.id] ?? {}}
                          disabled={!editable}
                          onChange={(v) => setScores((all) => ({ ...all, [f.section.id]: { ...all[f.section.id], [item.id]: v } }))}
                        />
                      </Stack>
                    ))}
                  </Stack>
                </Paper>
              );
            })}
          <Stack direction="row" spacing={2}>
            {editable && (
              <>
                <Button variant="outlined" startIcon={<SaveIcon />} disabled={busy} onClick={() => void write(false)} data-testid="self-save">
                  {translate('app.self_review.save')}
                </Button>
                <Button variant="contained" startIcon={<SendIcon />} disabled={busy} onClick={() => setConfirming(true)} data-testid="self-submit">
                  {translate('app.self_review.submit')}
                </Button>
              </>
            )}
            <Box sx={{ flex: 1 }} />
            <Button component={Link} to="/my-appraisals">
              {translate('app.self_review.back')}
            </Button>
          </Stack>
          <Confirm isOpen={confirming} title="app.self_review.submit_title" content="app.self_review.submit_confirm" onConfirm={() => void write(true)} onClose={() => setConfirming(false)} loading={busy} />
        </Stack>
      </CardContent>
    </Card>
  );
};
