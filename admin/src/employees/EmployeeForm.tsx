import {
  BooleanInput,
  email,
  FormDataConsumer,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Typography } from '@mui/material';
import { canSeePay } from '../auth/session';
import { statusChoices } from '../common/choices';
import { LocalDateInput } from '../common/LocalDateInput';
import { EditToolbar } from '../common/EditToolbar';
import { DepartmentInput, EmployeeInput, PositionInput } from '../common/referenceInputs';
import { money } from '../common/validators';

const Section = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" sx={{ mt: 2 }}>
      {translate(title)}
    </Typography>
  );
};

/** Positions narrowed to the department chosen above. */
const DepartmentPositionInput = () => (
  <FormDataConsumer<{ departmentId?: string | null }>>
    {({ formData }) => <PositionInput source="positionId" departmentId={formData.departmentId} validate={required()} />}
  </FormDataConsumer>
);

/** Only rendered for people the API lets read and write pay bases, so the form never sends them otherwise. */
const PayInputs = () => {
  const record = useRecordContext();
  if (!canSeePay(record ? String(record.id) : undefined)) return null;
  return (
    <>
      <Section title="app.employee.section_pay" />
      <TextInput source="performancePayBase" validate={money} />
      <TextInput source="floatingPayBase" validate={money} />
    </>
  );
};

export const EmployeeForm = ({ edit = false }: { edit?: boolean }) => (
  <SimpleForm toolbar={edit ? <EditToolbar /> : undefined}>
    <TextInput source="employeeNumber" validate={required()} />
    <TextInput source="name" validate={required()} />
    <TextInput source="email" type="email" validate={email()} />
    <Section title="app.employee.section_job" />
    <DepartmentInput source="departmentId" validate={required()} />
    <DepartmentPositionInput />
    <EmployeeInput source="supervisorId" />
    <TextInput source="category" />
    <Section title="app.employee.section_dates" />
    <LocalDateInput source="hireDate" validate={required()} />
    <LocalDateInput source="probationEndDate" />
    <SelectInput source="employmentStatus" choices={statusChoices} validate={required()} />
    <PayInputs />
    <Section title="app.employee.section_discipline" />
    <BooleanInput source="disciplinaryFlag" />
    <TextInput source="disciplinaryReference" />
  </SimpleForm>
);
