import { required, SimpleForm, TextInput } from 'react-admin';
import { EditToolbar } from '../common/EditToolbar';
import { DepartmentInput } from '../common/referenceInputs';

// The API rejects a parent that would create a cycle and names the field (parentId) in its error.
export const DepartmentForm = ({ edit = false }: { edit?: boolean }) => (
  <SimpleForm toolbar={edit ? <EditToolbar /> : undefined}>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} />
    <TextInput source="nameZh" />
    <DepartmentInput source="parentId" />
  </SimpleForm>
);
