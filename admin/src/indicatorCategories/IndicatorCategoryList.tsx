import { BooleanField, Datagrid, List, SearchInput, TextField } from 'react-admin';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export const IndicatorCategoryList = () => (
  <List filters={filters} exporter={false}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="code" sortable={false} />
      <TextField source="name" sortable={false} />
      <TextField source="nameZh" sortable={false} emptyText="-" />
      <BooleanField source="active" sortable={false} />
    </Datagrid>
  </List>
);
