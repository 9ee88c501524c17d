import { Typography } from '@mui/material';
import {
  AutocompleteArrayInput,
  ReferenceArrayInput,
  required,
  SelectInput,
  SimpleForm,
  TextArrayInput,
  TextInput,
  Toolbar,
  SaveButton,
  regex,
  useTranslate,
} from 'react-admin';
import { useLocalizedOptionText } from '../common/localizedName';
import { CategoryInput } from './CategoryInput';
import { scoringMethodChoices, sourceChoices } from './choices';

const decimal = regex(/^-?\d+(\.\d+)?$/, 'app.validation.decimal');

const Heading = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" sx={{ mt: 2 }}>
      {translate(title)}
    </Typography>
  );
};

const Applicability = () => {
  const optionText = useLocalizedOptionText();
  return (
    <>
      <ReferenceArrayInput source="applicableDepartmentIds" reference="departments" sort={{ field: 'code', order: 'ASC' }}>
        <AutocompleteArrayInput optionText={optionText} label="resources.indicators.fields.applicableDepartments" />
      </ReferenceArrayInput>
      <ReferenceArrayInput source="applicablePositionIds" reference="positions" sort={{ field: 'code', order: 'ASC' }}>
        <AutocompleteArrayInput optionText={optionText} label="resources.indicators.fields.applicablePositions" />
      </ReferenceArrayInput>
    </>
  );
};

/** Retiring is a workflow button on the show page, so the form only saves. */
export const IndicatorForm = () => (
  <SimpleForm toolbar={<Toolbar><SaveButton /></Toolbar>}>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} />
    <TextInput source="nameZh" />
    <TextInput source="description" multiline minRows={2} fullWidth />
    <CategoryInput source="categoryId" validate={required()} />
    <Heading title="app.indicator.section_scoring" />
    <SelectInput source="scoringMethod" choices={scoringMethodChoices} validate={required()} />
    <TextInput source="minPoints" validate={decimal} />
    <TextInput source="maxPoints" validate={[required(), decimal]} />
    <SelectInput source="measurementSource" choices={sourceChoices} validate={required()} />
    <Heading title="app.indicator.section_applies" />
    <Applicability />
    <TextArrayInput source="tags" />
  </SimpleForm>
);
