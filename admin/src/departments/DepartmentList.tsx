import { List } from 'react-admin';
import { DepartmentTree } from './DepartmentTree';

/** All departments at once (an organization has tens, not thousands), shown as a tree. */
export const DepartmentList = () => (
  <List perPage={500} pagination={false} sort={{ field: 'code', order: 'ASC' }} exporter={false}>
    <DepartmentTree />
  </List>
);
