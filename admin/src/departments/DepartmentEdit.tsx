import { Edit } from 'react-admin';
import { DepartmentForm } from './DepartmentForm';

/** Pessimistic: the server checks the version first, so a CONFLICT never looks like a saved edit. */
export const DepartmentEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <DepartmentForm edit />
  </Edit>
);
