import { Create } from 'react-admin';
import { EmployeeForm } from './EmployeeForm';

export const EmployeeCreate = () => (
  <Create redirect="show" record={{ employmentStatus: 'PROBATION', disciplinaryFlag: false }}>
    <EmployeeForm />
  </Create>
);
