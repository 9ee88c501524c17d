import { Edit } from 'react-admin';
import { EmployeeForm } from './EmployeeForm';

/**
 * Pessimistic so the version check happens before the form leaves: a CONFLICT (someone else saved
 * first) shows as a notification and the user's input stays on screen.
 */
export const EmployeeEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <EmployeeForm edit />
  </Edit>
);
