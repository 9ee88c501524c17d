import { required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { levelChoices } from '../common/choices';
import { EditToolbar } from '../common/EditToolbar';
import { DepartmentInput } from '../common/referenceInputs';

export const PositionForm = ({ edit = false }: { edit?: boolean }) => (
  <SimpleForm toolbar={edit ? <EditToolbar /> : undefined}>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} />
    <TextInput source="nameZh" />
    <DepartmentInput source="departmentId" validate={required()} />
    <SelectInput source="level" choices={levelChoices} validate={required()} />
  </SimpleForm>
);
