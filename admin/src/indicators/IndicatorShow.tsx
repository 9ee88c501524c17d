import {
  ArrayField,
  BooleanField,
  ChipField,
  EditButton,
  SelectField,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
  TopToolbar,
} from 'react-admin';
import { DateTimeField, NumberField } from '../common/fields';
import { LocalizedNameField } from '../common/LocalizedNameField';
import { scoringMethodChoices, sourceChoices } from './choices';
import { RetireButton } from './RetireButton';
import { TagsField } from './TagsField';

const Actions = () => (
  <TopToolbar>
    <EditButton />
    <RetireButton />
  </TopToolbar>
);

export const IndicatorShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="nameZh" emptyText="-" />
      <TextField source="description" emptyText="-" />
      <LocalizedNameField source="category" label="resources.indicators.fields.category" />
      <SelectField source="scoringMethod" choices={scoringMethodChoices} />
      <NumberField source="minPoints" emptyText="-" />
      <NumberField source="maxPoints" />
      <SelectField source="measurementSource" choices={sourceChoices} />
      <ArrayField source="applicableDepartments">
        <SingleFieldList linkType={false} empty={<span>-</span>}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ArrayField>
      <ArrayField source="applicablePositions">
        <SingleFieldList linkType={false} empty={<span>-</span>}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ArrayField>
      <TagsField label="resources.indicators.fields.tags" />
      <BooleanField source="active" />
      <NumberField source="usedBySchemes" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
