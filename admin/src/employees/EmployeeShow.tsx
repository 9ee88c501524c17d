import { Grid, LinearProgress } from '@mui/material';
import { Suspense } from 'react';
import {
  BooleanField,
  SelectField,
  Show,
  SimpleShowLayout,
  TabbedShowLayout,
  TextField,
  useRecordContext,
} from 'react-admin';
import { ArchiveTab } from '../archives';
import { isOrgManager } from '../auth/roles';
import { readSession } from '../auth/session';
import { useRoles } from '../auth/useRoles';
import { statusChoices } from '../common/choices';
import { DateField, MoneyField } from '../common/fields';
import { LocalizedNameField } from '../common/LocalizedNameField';
import { DirectReports, ReportingLine } from './ReportingLine';

/** Pay is in the record only when the API answered it (HR, or the employee themself). */
const hasPay = (record: Record<string, unknown> | undefined): boolean =>
  record !== undefined && 'performancePayBase' in record;

const Details = () => {
  const record = useRecordContext();
  return (
    <SimpleShowLayout>
      <TextField source="employeeNumber" />
      <TextField source="name" />
      <TextField source="email" emptyText="-" />
      <LocalizedNameField source="department" label="resources.employees.fields.department" />
      <LocalizedNameField source="position" label="resources.employees.fields.position" />
      <TextField source="category" emptyText="-" />
      <SelectField source="employmentStatus" choices={statusChoices} />
      <DateField source="hireDate" />
      <DateField source="probationEndDate" emptyText="-" />
      {hasPay(record) && <MoneyField source="performancePayBase" emptyText="-" />}
      {hasPay(record) && <MoneyField source="floatingPayBase" emptyText="-" />}
      <BooleanField source="disciplinaryFlag" />
      <TextField source="disciplinaryReference" emptyText="-" />
      <BooleanField source="active" />
    </SimpleShowLayout>
  );
};

const Lines = () => (
  <SimpleShowLayout>
    <ReportingLine label="app.employee.reporting_line" />
    <DirectReports label="app.employee.direct_reports" />
  </SimpleShowLayout>
);

/** The archive tab's contents (its chunk loads when the tab opens). */
const Archive = () => {
  const record = useRecordContext();
  if (!record?.id) return null;
  return (
    <Suspense fallback={<LinearProgress />}>
      <ArchiveTab employeeId={String(record.id)} />
    </Suspense>
  );
};

/** Details and reporting line; the Archive tab for HR (anyone's) and for the person themself (the API refuses others). */
const Tabs = () => {
  const record = useRecordContext();
  const { roles } = useRoles();
  const archive = isOrgManager(roles) || (record?.id !== undefined && readSession()?.user.employeeId === record.id);
  return (
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="app.employee.details_tab">
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 7 }}>
            <Details />
          </Grid>
          <Grid size={{ xs: 12, md: 5 }}>
            <Lines />
          </Grid>
        </Grid>
      </TabbedShowLayout.Tab>
      {archive && (
        <TabbedShowLayout.Tab label="app.archive.tab" path="archive" data-testid="archive-tab-link">
          <Archive />
        </TabbedShowLayout.Tab>
      )}
    </TabbedShowLayout>
  );
};

export const EmployeeShow = () => (
  <Show>
    <Tabs />
  </Show>
);
