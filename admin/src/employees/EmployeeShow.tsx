import { Grid } from '@mui/material';
import {
  BooleanField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  useRecordContext,
} from 'react-admin';
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

export const EmployeeShow = () => (
  <Show>
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 7 }}>
        <Details />
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Lines />
      </Grid>
    </Grid>
  </Show>
);
