import type { RaterRole, SchemeDefinition } from '@appraisal/domain';
import { ratingForm, type FormItem } from '@appraisal/domain/cycles/forms';
import { describeIssue } from '@appraisal/domain/messages';
import SaveIcon from '@mui/icons-material/Save';
import SendIcon from '@mui/icons-material/Send';
import { Alert, Box, Button, Card, CardContent, Chip, LinearProgress, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { Confirm, Title, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { localizedName } from '../common/localizedName';
import { LoadErrorState } from '../common/LoadError';
import { useSubmit } from '../common/useSubmit';
import type { ItemValue, RatingPreview, RatingRecord } from '../dataProvider/cycleApi';
import { Day, StateChip } from './common';
import { localText, ratingDeadline, useCycleApi, useLoad, useLocale } from './useCycleApi';

type Items = Record<string, ItemValue>;

/** Only what the rater filled: empty fields are left out, so the preview lists them as missing. */
export const filled = (items: Items): Items => {
  const out: Items = {};
  for (const [id, v] of Object.entries(items)) {
    const value: ItemValue = {};
    if (v.points !== undefined && v.points.trim() !== '') value.points = v.points.trim();
    if (v.level) value.level = v.level;
    if (v.passed !== undefined) value.passed = v.passed;
    const occurrences = Object.entries(v.occurrences ?? {}).filter(([, n]) => Number.isFinite(n));
    if (occurrences.length > 0) value.occurrences = Object.fromEntries(occurrences);
    const values = Object.entries(v.values ?? {}).filter(([, x]) => x.trim() !== '');
    if (values.length > 0) value.values = Object.fromEntries(values.map(([k, x]) => [k, x.trim()]));
    if (Object.keys(value).length > 0) out[id] = value;
  }
  return out;
};

/** The input of one item, by its scoring method: a number in range, a rubric level, deduction occurrences, formula values or pass/fail. */
export const ItemInputs = ({ item, value, onChange, disabled }: { item: FormItem; value: ItemValue; onChange: (v: ItemValue) => void; disabled: boolean }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const input = item.input;
  const testId = `item-${item.id}`;
  switch (input.kind) {
    case 'range':
      return (
        <TextField
          size="small"
          label={translate('app.rating.points')}
          value={value.points ?? ''}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, points: e.target.value })}
          helperText={translate('app.rating.range', { min: input.min, max: input.max })}
          slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': testId } }}
        />
      );
    case 'rubric':
      return (
        <TextField select size="small" label={translate('app.rating.level')} value={value.level ?? ''} disabled={disabled} onChange={(e) => onChange({ ...value, level: e.target.value })} sx={{ minWidth: 260 }} slotProps={{ htmlInput: { 'data-testid': testId } }}>
          {input.levels.map((l) => (
            <MenuItem key={l.code} value={l.code}>
              {translate('app.rating.level_option', { level: localText(l.label, locale), points: l.points })}
            </MenuItem>
          ))}
        </TextField>
      );
    case 'deduction':
      return (
        <Stack spacing={1}>
          <Typography variant="body2" color="text.secondary">
            {translate('app.rating.deduction_help', { start: input.startsAt, floor: input.floor })}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
            {input.rules.map((r) => (
              <TextField
                key={r.id}
                size="small"
                type="number"
                label={localText(r.name, locale)}
                value={value.occurrences?.[r.id] ?? ''}
                disabled={disabled}
                onChange={(e) => {
                  const occurrences = { ...value.occurrences };
                  if (e.target.value === '') delete occurrences[r.id];
                  else occurrences[r.id] = Number(e.target.value);
                  onChange({ ...value, occurrences });
                }}
                helperText={translate('app.rating.per_occurrence', { points: r.points })}
                slotProps={{ htmlInput: { min: 0, step: 1, 'data-testid': `${testId}-${r.id}` } }}
                sx={{ width: 200 }}
              />
            ))}
          </Stack>
        </Stack>
      );
    case 'formula':
      return (
        <Stack spacing={1}>
          <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
            {input.expression}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
            {input.inputs.map((name) => (
              <TextField
                key={name}
                size="small"
                label={name}
                value={value.values?.[name] ?? ''}
                disabled={disabled}
                onChange={(e) => onChange({ ...value, values: { ...value.values, [name]: e.target.value } })}
                slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': `${testId}-${name}` } }}
                sx={{ width: 180 }}
              />
            ))}
          </Stack>
        </Stack>
      );
    case 'passFail':
      return (
        <TextField
          select
          size="small"
          label={translate('app.rating.pass_fail')}
          value={value.passed === undefined ? '' : value.passed ? 'pass' : 'fail'}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, passed: e.target.value === 'pass' })}
          sx={{ minWidth: 220 }}
          slotProps={{ htmlInput: { 'data-testid': testId } }}
        >
          <MenuItem value="pass">{translate('app.rating.pass', { points: input.passPoints })}</MenuItem>
          <MenuItem value="fail">{translate('app.rating.fail', { points: input.failPoints })}</MenuItem>
        </TextField>
      );
  }
};

/**
 * The rating form generated from the pinned scheme version (domain `ratingForm`): one input per item by its method,
 * comments, and the live section score from previewRating as the rater types; save a draft or submit.
 */
export const RatingFormPage = () => {
  const { appraisalId = '', ratingId = '' } = useParams();
  const translate = useTranslate();
  const locale = useLocale();
  const api = useCycleApi();
  const loaded = useLoad((a) => a.ratingAppraisal(appraisalId), [appraisalId]);
  const appraisal = loaded.data;
  const [rating, setRating] = useState<RatingRecord | null>(null);
  const [items, setItems] = useState<Items>({});
  const [comment, setComment] = useState('');
  const [itemComments, setItemComments] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<RatingPreview | null>(null);
  const { busy, submit } = useSubmit();
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    const found = appraisal?.ratings.find((r) => r.id === ratingId) ?? null;
    setRating(found);
    if (found) {
      setItems(found.items ?? {});
      setComment(found.comment ?? '');
      setItemComments(found.itemComments ?? {});
    }
  }, [appraisal, ratingId]);

  const scheme = appraisal?.cycle.schemeVersion.document.json as SchemeDefinition | undefined;
  const form = useMemo(() => (scheme && rating ? ratingForm(scheme, rating.section, rating.role as RaterRole) : undefined), [scheme, rating]);

  // The live total: the engine scores what is filled, a moment after the rater stops typing.
  useEffect(() => {
    if (!rating) return;
    let live = true;
    const timer = setTimeout(() => {
      api.previewRating(rating.id, filled(items)).then(
        (p) => live && setPreview(p),
        () => undefined,
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, rating, items]);

  if (loaded.error) return <LoadErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!appraisal) return <LinearProgress sx={{ mt: 2 }} />;
  if (!rating || !form?.ok) return <LoadErrorState error={new Error('not found')} onRetry={loaded.reload} />;
  const readOnly = rating.state === 'SUBMITTED' || rating.state === 'REASSIGNED';
  const values = { items: filled(items), comment: comment.trim() || null, itemComments: Object.keys(itemComments).length > 0 ? itemComments : null };

  const write = async (mode: 'save' | 'submit') => {
    await submit(() => (mode === 'save' ? api.saveRating(rating.id, rating.version, values) : api.submitRating(rating.id, rating.version, values)), mode === 'save' ? 'app.rating.saved' : 'app.rating.submitted', setRating);
    setConfirming(false);
  };

  const section = form.value.section;
  const describe = (issue: { code: string; message?: string; params?: Record<string, unknown> | null }) => describeIssue(issue, locale, scheme);
  const person = `${appraisal.employee.name} (${appraisal.employee.employeeNumber})`;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.rating.title', { name: appraisal.employee.name })} />
      <CardContent>
        <Stack spacing={3}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="h5" component="h1">
              {person}
            </Typography>
            <StateChip state={rating.state} group="rating" />
            <Typography color="text.secondary">
              {localizedName(appraisal.cycle, locale)} · {localText(section.name, locale)} · {translate('app.rating.deadline')}: <Day value={ratingDeadline(appraisal.cycle)} />
            </Typography>
          </Stack>
          {rating.returnReason && <Alert severity="warning">{translate('app.rating.returned', { reason: rating.returnReason })}</Alert>}
          <Paper variant="outlined" sx={{ p: 2, position: 'sticky', top: 8, zIndex: 2 }} data-testid="live-panel">
            <Stack direction="row" spacing={3} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="h6">
                {translate('app.rating.section_score')}: <span data-testid="live-total">{preview?.sectionScore ?? '—'}</span> / {section.fullMarks}
              </Typography>
              <Typography color="text.secondary" data-testid="live-missing">
                {translate('app.rating.missing', { smart_count: preview?.missing.length ?? form.value.items.length })}
              </Typography>
            </Stack>
            {(preview?.issues ?? []).map((issue, i) => (
              <Alert key={i} severity="error" sx={{ mt: 1 }} data-testid="live-issue">
                {describe(issue)}
              </Alert>
            ))}
          </Paper>
          {form.value.items.map((item) => {
            const points = preview?.items[item.id]?.points;
            const failed = preview?.items[item.id]?.failed;
            return (
              <Paper key={item.id} variant="outlined" sx={{ p: 2 }} data-testid={`form-item-${item.id}`}>
                <Stack spacing={1.5}>
                  <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                    <Typography variant="subtitle1" sx={{ fontWeight: 600, flex: 1 }}>
                      {localText(item.name, locale)}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                      {translate('app.rating.max_points', { points: item.maxPoints })}
                    </Typography>
                    {points !== undefined && <Chip size="small" color={failed ? 'error' : 'primary'} label={translate('app.rating.item_points', { points })} data-testid={`points-${item.id}`} />}
                  </Stack>
                  <ItemInputs item={item} value={items[item.id] ?? {}} disabled={readOnly} onChange={(v) => setItems((all) => ({ ...all, [item.id]: v }))} />
                  <TextField
                    size="small"
                    label={translate('app.rating.item_comment')}
                    value={itemComments[item.id] ?? ''}
                    disabled={readOnly}
                    onChange={(e) =>
                      setItemComments((all) => {
                        const next = { ...all };
                        if (e.target.value === '') delete next[item.id];
                        else next[item.id] = e.target.value;
                        return next;
                      })
                    }
                    slotProps={{ htmlInput: { maxLength: form.value.itemCommentMaxLength } }}
                  />
                </Stack>
              </Paper>
            );
          })}
          <TextField multiline minRows={3} label={translate('app.rating.comment')} value={comment} disabled={readOnly} onChange={(e) => setComment(e.target.value)} slotProps={{ htmlInput: { maxLength: form.value.commentMaxLength, 'data-testid': 'rating-comment' } }} />
          <Stack direction="row" spacing={2}>
            {!readOnly && (
              <>
                <Button variant="outlined" startIcon={<SaveIcon />} disabled={busy} onClick={() => void write('save')} data-testid="rating-save">
                  {translate('app.rating.save_draft')}
                </Button>
                <Button variant="contained" startIcon={<SendIcon />} disabled={busy} onClick={() => setConfirming(true)} data-testid="rating-submit">
                  {translate('app.rating.submit')}
                </Button>
              </>
            )}
            <Box sx={{ flex: 1 }} />
            <Button component={Link} to="/to-rate">
              {translate('app.rating.back')}
            </Button>
          </Stack>
          <Confirm
            isOpen={confirming}
            title="app.rating.submit_title"
            content="app.rating.submit_confirm"
            translateOptions={{ name: appraisal.employee.name }}
            onConfirm={() => void write('submit')}
            onClose={() => setConfirming(false)}
            loading={busy}
          />
        </Stack>
      </CardContent>
    </Card>
  );
};
