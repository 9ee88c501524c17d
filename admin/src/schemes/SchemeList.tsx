import LibraryAddIcon from '@mui/icons-material/LibraryAdd';
import { Button, CreateButton, FilterButton, Datagrid, DateField, List, NumberField, SearchInput, SelectField, SelectInput, TextField, TopToolbar } from 'react-admin';
import { Link } from 'react-router-dom';
import { useRoles } from '../auth/useRoles';
import { LocalizedNameField } from '../common/LocalizedNameField';
import { periodChoices, statusChoices } from './choices';
import { SchemeImportButton } from './SchemeImportButton';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={statusChoices} />,
  <SelectInput key="periodType" source="periodType" choices={periodChoices} />,
];

const readerFilters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="periodType" source="periodType" choices={periodChoices} />];

const HrActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <Button component={Link} to="/schemes/from-template" label="app.scheme.from_template" startIcon={<LibraryAddIcon />} />
    <SchemeImportButton />
  </TopToolbar>
);

/** HR sees every scheme with its status; everyone else the published schemes that apply to them (the API filters). */
export const SchemeList = () => {
  const { roles } = useRoles();
  const hr = roles.includes('HR');
  return (
    <List filters={hr ? filters : readerFilters} sort={{ field: 'code', order: 'ASC' }} actions={hr ? <HrActions /> : <TopToolbar><FilterButton /></TopToolbar>} exporter={false}>
      <Datagrid rowClick={hr ? 'edit' : 'show'} bulkActionButtons={false}>
        <TextField source="code" />
        <LocalizedNameField label="resources.schemes.fields.name" sortBy="name" />
        <SelectField source="periodType" choices={periodChoices} sortable={false} />
        {hr && <SelectField source="status" choices={statusChoices} sortable={false} />}
        <NumberField source="latestVersion.number" label="resources.schemes.fields.latestVersion" sortable={false} emptyText="-" />
        <DateField source="updatedAt" showTime />
      </Datagrid>
    </List>
  );
};
