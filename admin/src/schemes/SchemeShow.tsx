import BuildIcon from '@mui/icons-material/Build';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import DownloadIcon from '@mui/icons-material/Download';
import { Card, CardContent, CardHeader, Grid, Typography } from '@mui/material';
import {
  ArrayField,
  Button,
  ChipField,
  DateField,
  SelectField,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { useRoles } from '../auth/useRoles';
import { LocalizedNameField } from '../common/LocalizedNameField';
import { periodChoices, statusChoices } from './choices';
import { SchemePolicy } from '../governance/SchemePolicy';
import { SchemeStructure } from './SchemeStructure';
import { SchemeVersions, useSchemeExport } from './SchemeVersions';
import { isTypedDocument, type SchemeRecord } from './types';

const HrActions = () => {
  const record = useRecordContext<SchemeRecord>();
  const exportScheme = useSchemeExport(String(record?.id ?? ''));
  if (!record) return null;
  const id = encodeURIComponent(String(record.id));
  return (
    <TopToolbar>
      <Button component={Link} to={`/schemes/${id}`} label="app.scheme.open_builder" startIcon={<BuildIcon />} />
      <Button component={Link} to={`/schemes/${id}/compare`} label="app.scheme.compare" startIcon={<CompareArrowsIcon />} />
      <Button label="app.scheme.export_json" startIcon={<DownloadIcon />} onClick={() => void exportScheme(record.latestVersion?.number)} />
    </TopToolbar>
  );
};

const Metadata = ({ hr }: { hr: boolean }) => (
  <>
  <SimpleShowLayout>
    <TextField source="code" />
    <LocalizedNameField label="resources.schemes.fields.name" />
    <SelectField source="periodType" choices={periodChoices} />
    {hr && <SelectField source="status" choices={statusChoices} />}
    <TextField source="owner" emptyText="-" />
    <TextField source="templateKey" emptyText="-" />
    <ArrayField source="applicableDepartments">
      <SingleFieldList linkType={false} empty={<span>{'-'}</span>}>
        <ChipField source="name" size="small" />
      </SingleFieldList>
    </ArrayField>
    <ArrayField source="applicablePositions">
      <SingleFieldList linkType={false} empty={<span>{'-'}</span>}>
        <ChipField source="name" size="small" />
      </SingleFieldList>
    </ArrayField>
    <DateField source="updatedAt" showTime />
  </SimpleShowLayout>
  <GoverningPolicy hr={hr} />
  </>
);

/** The regulation the scheme follows (issue 11): linked to its policy page; HR changes the link. */
const GoverningPolicy = ({ hr }: { hr: boolean }) => {
  const record = useRecordContext<SchemeRecord>();
  return record ? <SchemePolicy schemeId={String(record.id)} hr={hr} /> : null;
};

/** The structure shown: HR sees the draft when there is one; everyone else only the latest published version. */
const Structure = ({ hr }: { hr: boolean }) => {
  const translate = useTranslate();
  const record = useRecordContext<SchemeRecord>();
  if (!record) return null;
  const draft = hr && isTypedDocument(record.draft) ? record.draft : null;
  const published = isTypedDocument(record.latestVersion?.document) ? record.latestVersion.document : null;
  const doc = draft ?? published;
  const title = draft
    ? translate('app.scheme.structure_draft')
    : record.latestVersion
      ? translate('app.scheme.structure_version', { number: record.latestVersion.number })
      : translate('app.scheme.structure');
  return (
    <Card variant="outlined">
      <CardHeader title={title} />
      <CardContent>{doc ? <SchemeStructure doc={doc} /> : <Typography>{translate('app.scheme.no_versions')}</Typography>}</CardContent>
    </Card>
  );
};

const Versions = ({ hr }: { hr: boolean }) => {
  const translate = useTranslate();
  const record = useRecordContext<SchemeRecord>();
  if (!record) return null;
  return (
    <Card variant="outlined">
      <CardHeader title={translate('app.scheme.versions')} />
      <CardContent>
        <SchemeVersions id={String(record.id)} versions={record.versions ?? []} canExport={hr} />
      </CardContent>
    </Card>
  );
};

/** Metadata, versions and the typed structure; read-only for everyone (HR edits in the builder). */
export const SchemeShow = () => {
  const { roles } = useRoles();
  const hr = roles.includes('HR');
  return (
    <Show actions={hr ? <HrActions /> : false}>
      <Grid container spacing={2} sx={{ p: 2 }}>
        <Grid size={{ xs: 12, md: 4 }}>
          <Metadata hr={hr} />
          <Versions hr={hr} />
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <Structure hr={hr} />
        </Grid>
      </Grid>
    </Show>
  );
};
