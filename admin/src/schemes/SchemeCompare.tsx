import { Alert, Card, CardContent, FormControlLabel, LinearProgress, MenuItem, Stack, Switch, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useMemo, useState } from 'react';
import { Title, useGetOne, useLocaleState, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { compareDocuments } from './compareRows';
import { asSchemeDocument, type SchemeDocument } from './document';
import type { SchemeRecord } from './types';

const DRAFT = 'draft';

/** Every document of the scheme that can be compared: the draft and each published version. */
const documentsOf = (record: SchemeRecord | undefined): Map<string, SchemeDocument> => {
  const docs = new Map<string, SchemeDocument>();
  const draft = asSchemeDocument(record?.draft?.json);
  if (draft) docs.set(DRAFT, draft);
  for (const v of record?.versions ?? []) {
    const doc = asSchemeDocument(v.document?.json);
    if (doc) docs.set(String(v.number), doc);
  }
  return docs;
};

const Picker = ({ label, value, options, onChange, testId }: { label: string; value: string; options: string[]; onChange: (v: string) => void; testId: string }) => {
  const translate = useTranslate();
  return (
    <TextField select size="small" label={translate(label)} value={value} onChange={(e) => onChange(e.target.value)} sx={{ width: 200 }} slotProps={{ htmlInput: { 'data-testid': testId } }}>
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {o === DRAFT ? translate('app.scheme.draft') : translate('app.scheme.version_n', { number: o })}
        </MenuItem>
      ))}
    </TextField>
  );
};

/** Two versions (or a version and the draft) side by side, differing lines highlighted. */
export const SchemeCompare = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: record, isPending } = useGetOne<SchemeRecord>('schemes', { id });
  const docs = useMemo(() => documentsOf(record), [record]);
  const keys = [...docs.keys()];
  const [left, setLeft] = useState<string | null>(null);
  const [right, setRight] = useState<string | null>(null);
  const [onlyDiff, setOnlyDiff] = useState(false);
  const l = left ?? keys[1] ?? keys[0] ?? '';
  const r = right ?? keys[0] ?? '';
  const lines = useMemo(() => {
    const a = docs.get(l);
    const b = docs.get(r);
    return a && b ? compareDocuments(a, b, { translate, lang: locale === 'zh' ? 'zh' : 'en' }) : [];
  }, [docs, l, r, translate, locale]);
  if (isPending) return <LinearProgress sx={{ mt: 2 }} />;
  const shown = onlyDiff ? lines.filter((x) => x.differs) : lines;
  const changed = lines.filter((x) => x.differs).length;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.scheme.compare_title', { code: record?.code ?? '' })} />
      <CardContent>
        <Stack spacing={2}>
          {keys.length < 2 && <Alert severity="info">{translate('app.scheme.compare_needs_two')}</Alert>}
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Picker label="app.scheme.compare_left" value={l} options={keys} onChange={setLeft} testId="compare-left" />
            <Picker label="app.scheme.compare_right" value={r} options={keys} onChange={setRight} testId="compare-right" />
            <FormControlLabel control={<Switch checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)} />} label={translate('app.scheme.only_differences')} />
            <Alert severity={changed > 0 ? 'warning' : 'success'} sx={{ py: 0 }} data-testid="compare-count">
              {translate('app.scheme.differences', { smart_count: changed })}
            </Alert>
          </Stack>
          <Table size="small" data-testid="compare-table">
            <TableHead>
              <TableRow>
                <TableCell />
                <TableCell>{l === DRAFT ? translate('app.scheme.draft') : translate('app.scheme.version_n', { number: l })}</TableCell>
                <TableCell>{r === DRAFT ? translate('app.scheme.draft') : translate('app.scheme.version_n', { number: r })}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((line) => (
                <TableRow key={line.key} data-differs={line.differs} sx={line.differs ? { bgcolor: 'warning.light' } : undefined}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{line.label}</TableCell>
                  <TableCell sx={{ width: '42%' }}>{line.formula && line.left ? <code>{line.left}</code> : (line.left ?? '—')}</TableCell>
                  <TableCell sx={{ width: '42%' }}>{line.formula && line.right ? <code>{line.right}</code> : (line.right ?? '—')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Stack>
      </CardContent>
    </Card>
  );
};
