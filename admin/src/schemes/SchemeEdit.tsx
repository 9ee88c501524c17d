import { Alert, Badge, Box, Card, CardContent, Grid, LinearProgress, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { useNavigate, useParams } from 'react-router-dom';
import { AdjustmentsEditor } from './builder/AdjustmentsEditor';
import { BuilderToolbar } from './builder/BuilderToolbar';
import { FormulasEditor } from './builder/FormulasEditor';
import { GeneralEditor } from './builder/GeneralEditor';
import { GradesEditor } from './builder/GradesEditor';
import { IssuesProvider } from './builder/issues';
import { IssuesSummary } from './builder/IssuesSummary';
import { PayEditor } from './builder/PayEditor';
import { GroupPanel } from './builder/GroupPanel';
import { PreviewIssuesProvider } from './builder/previewIssues';
import { PreviewPanel } from './builder/PreviewPanel';
import { QuotasEditor } from './builder/QuotasEditor';
import { emptySamples, type Samples } from './builder/sampleInput';
import { SectionsEditor } from './builder/SectionsEditor';
import { usePreview } from './builder/usePreview';
import { useSchemeBuilder } from './builder/useSchemeBuilder';
import { localText } from './choices';
import type { SchemeDocument } from './document';
import type { SchemeIssue } from '../dataProvider';

type Editor = (props: { doc: SchemeDocument; onChange: (d: SchemeDocument) => void }) => React.ReactElement;

/** Tabs of the builder and the document paths whose issues each one shows. */
const TABS: { key: string; editor: Editor; paths: RegExp }[] = [
  { key: 'sections', editor: SectionsEditor, paths: /^(sections|sectionWeighting)/ },
  { key: 'adjustments', editor: AdjustmentsEditor, paths: /^adjustments/ },
  { key: 'grades', editor: GradesEditor, paths: /^grades/ },
  { key: 'quotas', editor: QuotasEditor, paths: /^distribution/ },
  { key: 'pay', editor: PayEditor, paths: /^pay/ },
  { key: 'formulas', editor: FormulasEditor, paths: /^(finalFormula|rollups)/ },
  { key: 'general', editor: GeneralEditor, paths: /^(code|name|period|total|rounding|notes|formatVersion|description|eligibility)/ },
];

const countFor = (issues: readonly SchemeIssue[], paths: RegExp): number => issues.filter((i) => paths.test(i.path)).length;

/** The tab whose editor shows an issue's field. */
const tabOf = (issue: SchemeIssue): number => Math.max(0, TABS.findIndex((t) => t.paths.test(issue.path)));

/** The editor, the preview and the sample group of a loaded document. */
const BuilderBody = ({ doc, onChange, issues, tab, onTab }: { doc: SchemeDocument; onChange: (d: SchemeDocument) => void; issues: readonly SchemeIssue[]; tab: number; onTab: (t: number) => void }) => {
  const translate = useTranslate();
  const [samples, setSamples] = useState<Samples>(emptySamples);
  const preview = usePreview(doc, samples);
  const Editor = TABS[tab]!.editor;
  return (
    <PreviewIssuesProvider issues={preview.preview?.issues ?? []} doc={doc} samples={samples}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Card>
            <Tabs value={tab} onChange={(_e, value: number) => onTab(value)} variant="scrollable" scrollButtons="auto" data-testid="builder-tabs">
              {TABS.map((t) => {
                const count = countFor(issues, t.paths);
                return (
                  <Tab
                    key={t.key}
                    data-testid={`tab-${t.key}`}
                    // Compact tabs: seven of them fit the editor column at 1440 px without scroll arrows, in both languages.
                    sx={{ minWidth: 0, px: 1.5 }}
                    label={
                      <Badge color="error" badgeContent={count} invisible={count === 0}>
                        <Box sx={{ pr: count > 0 ? 1.5 : 0 }}>{translate(`app.builder.tab.${t.key}`)}</Box>
                      </Badge>
                    }
                  />
                );
              })}
            </Tabs>
            <CardContent>
              <Editor doc={doc} onChange={onChange} />
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Box sx={{ position: { lg: 'sticky' }, top: { lg: 64 }, maxHeight: { lg: 'calc(100vh - 80px)' }, overflowY: { lg: 'auto' } }}>
            <PreviewPanel doc={doc} samples={samples} onSamplesChange={setSamples} state={preview} />
          </Box>
        </Grid>
        <Grid size={12}>
          <GroupPanel doc={doc} samples={samples} onSamplesChange={setSamples} state={preview} />
        </Grid>
      </Grid>
    </PreviewIssuesProvider>
  );
};

/**
 * The scheme builder: a form over the scheme's JSON document held in React state. Sections, raters,
 * items, adjustments, bands, quotas, pay and formulas are small editors; live sums are computed here,
 * the server's validateScheme issues (debounced) appear beside the fields by path, in words, and the
 * preview scores sample inputs (alone or with a sample group) against the unsaved document.
 */
export const SchemeEdit = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const navigate = useNavigate();
  const [locale] = useLocaleState();
  const builder = useSchemeBuilder(id);
  const [tab, setTab] = useState(0);
  const { record, doc } = builder;

  if (builder.error) return <Alert severity="error">{translate('ra.notification.item_doesnt_exist')}</Alert>;
  if (builder.isPending) return <LinearProgress sx={{ mt: 2 }} />;
  if (!record) return <Alert severity="error">{translate('ra.notification.item_doesnt_exist')}</Alert>;
  if (!doc) return <Alert severity="error">{translate('app.builder.no_document')}</Alert>;

  const publish = async () => {
    const number = await builder.publish();
    if (number !== null) navigate(`/schemes/${encodeURIComponent(id)}/show`);
  };
  return (
    <IssuesProvider issues={builder.issues} names={doc}>
      <Title title={translate('app.builder.title', { name: localText(doc.name, locale) || record.code })} />
      <Stack spacing={2} sx={{ mt: 2 }}>
        <Card>
          <CardContent>
            <Stack spacing={1.5}>
              <Typography variant="h5" component="h1" data-testid="builder-title">
                {`${record.code} · ${localText(doc.name, locale)}`}
              </Typography>
              {!builder.hasDraft && record.latestVersion && (
                <Alert severity="info" data-testid="new-draft-banner">
                  {translate('app.builder.new_draft', { number: record.latestVersion.number })}
                </Alert>
              )}
              <BuilderToolbar
                id={id}
                doc={doc}
                dirty={builder.dirty}
                hasDraft={builder.hasDraft}
                busy={builder.busy}
                issueCount={builder.issues.length}
                onSave={() => void builder.save()}
                onPublish={() => void publish()}
                onDiscard={() => void builder.discard()}
                onReplace={builder.replace}
              />
              <IssuesSummary issues={builder.issues} checking={builder.checking} onOpen={(issue) => setTab(tabOf(issue))} />
            </Stack>
          </CardContent>
        </Card>
        <BuilderBody doc={doc} onChange={builder.change} issues={builder.issues} tab={tab} onTab={setTab} />
      </Stack>
    </IssuesProvider>
  );
};
