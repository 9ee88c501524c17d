import { Alert, Button, Card, CardActionArea, CardContent, Grid, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { AppDataProvider, SchemeTemplate } from '../dataProvider';
import { localText } from './choices';

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

const TemplateCard = ({ template, selected, onSelect }: { template: SchemeTemplate; selected: boolean; onSelect: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Card variant="outlined" sx={{ borderColor: selected ? 'primary.main' : undefined, borderWidth: selected ? 2 : 1 }}>
      <CardActionArea onClick={onSelect} data-testid={`template-${template.key}`}>
        <CardContent>
          <Typography variant="h6">{localText(template.name, locale)}</Typography>
          <Typography variant="body2" color="text.secondary">
            {template.key} · {translate(`app.scheme.period.${template.period}`, { _: template.period })}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

/** "Create a scheme from template": the five seed programs; the new scheme opens in the builder as a draft. */
export const SchemeFromTemplate = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [templates, setTemplates] = useState<SchemeTemplate[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    dataProvider
      .schemeTemplates()
      .then(setTemplates)
      .catch((e: unknown) => {
        setTemplates([]);
        notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' });
      });
  }, [dataProvider, notify]);
  const create = async () => {
    if (!selected) return;
    setBusy(true);
    try {
      const scheme = await dataProvider.createSchemeFromTemplate(selected, code, name.trim() || undefined);
      notify('app.scheme.created', { type: 'success' });
      navigate(`/schemes/${encodeURIComponent(scheme.id)}`);
    } catch (e) {
      notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const codeValid = IDENTIFIER.test(code);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.scheme.from_template" />
      <CardContent>
        <Stack spacing={2}>
          <Typography>{translate('app.scheme.from_template_intro')}</Typography>
          {templates === null && <LinearProgress />}
          {templates?.length === 0 && <Alert severity="info">{translate('app.scheme.no_templates')}</Alert>}
          <Grid container spacing={2}>
            {templates?.map((t) => (
              <Grid key={t.key} size={{ xs: 12, md: 6, lg: 4 }}>
                <TemplateCard
                  template={t}
                  selected={selected === t.key}
                  onSelect={() => {
                    setSelected(t.key);
                    if (!code) setCode(`${t.key}${new Date().getFullYear()}`);
                  }}
                />
              </Grid>
            ))}
          </Grid>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
            <TextField
              size="small"
              label={translate('resources.schemes.fields.code')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={code !== '' && !codeValid}
              helperText={translate('app.scheme.code_hint')}
              slotProps={{ htmlInput: { 'data-testid': 'template-code' } }}
            />
            <TextField
              size="small"
              label={translate('resources.schemes.fields.name')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              helperText={translate('app.scheme.name_hint')}
              slotProps={{ htmlInput: { 'data-testid': 'template-name' } }}
            />
            <Button variant="contained" disabled={!selected || !codeValid || busy} onClick={() => void create()} data-testid="template-create">
              {translate('app.scheme.create_from_template')}
            </Button>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
};
