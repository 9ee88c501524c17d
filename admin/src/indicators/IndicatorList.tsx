import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  BooleanField,
  Button,
  CreateButton,
  FilterButton,
  Datagrid,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { LocalizedNameField } from '../common/LocalizedNameField';
import { CategoryInput } from './CategoryInput';
import { scoringMethodChoices, sourceChoices } from './choices';
import { IndicatorExportButton } from './IndicatorExportButton';
import { TagsField } from './TagsField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <CategoryInput key="categoryId" source="categoryId" alwaysOn />,
  <SelectInput key="scoringMethod" source="scoringMethod" choices={scoringMethodChoices} />,
  <SelectInput key="measurementSource" source="measurementSource" choices={sourceChoices} />,
  <TextInput key="tag" source="tag" />,
  <NullableBooleanInput key="active" source="active" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <Button component={Link} to="/indicators/import" label="app.indicator.import" startIcon={<UploadFileIcon />} />
    <IndicatorExportButton />
  </TopToolbar>
);

export const IndicatorList = () => (
  <List filters={filters} sort={{ field: 'code', order: 'ASC' }} actions={<Actions />} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <LocalizedNameField label="resources.indicators.fields.name" sortBy="name" />
      <LocalizedNameField source="category" label="resources.indicators.fields.category" sortBy="category" />
      <SelectField source="scoringMethod" choices={scoringMethodChoices} sortable={false} />
      <TextField source="maxPoints" sortable={false} />
      <SelectField source="measurementSource" choices={sourceChoices} sortable={false} />
      <TagsField label="resources.indicators.fields.tags" sortable={false} />
      <BooleanField source="active" sortable={false} />
    </Datagrid>
  </List>
);
