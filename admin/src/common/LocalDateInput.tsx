import { FieldTitle, InputHelperText, useInput, type InputProps, type Validator } from 'react-admin';
import { isIsoDate, LocalDateField } from './LocalDateField';

/**
 * The form value as the field shows it: YYYY-MM-DD, '' for none (a stored date may carry a time part), or the
 * text typed in Chinese when it is not a real date (kept so that validation refuses it instead of saving none).
 */
const asFieldValue = (value: unknown): string => {
  if (typeof value !== 'string') return '';
  return isIsoDate(value.slice(0, 10)) ? value.slice(0, 10) : value;
};

/** Refuses a typed text that is not a real date (the form would otherwise save it as no date, or fail on the server). */
const realDate: Validator = (value: unknown) =>
  typeof value === 'string' && value !== '' && !isIsoDate(value.slice(0, 10)) ? 'app.date_field.invalid' : undefined;

const withRealDate = (validate: InputProps['validate']): Validator[] => [realDate, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];

/**
 * react-admin's DateInput in the console's language (see LocalDateField): a form input with the same `source`,
 * label, validation and helper text, whose value is YYYY-MM-DD or '' (what DateInput stores for an emptied date).
 */
export const LocalDateInput = ({ label, helperText, ...props }: InputProps & { helperText?: string | false }) => {
  const { field, fieldState, id, isRequired } = useInput({ ...props, validate: withRealDate(props.validate), format: asFieldValue });
  const { error, invalid } = fieldState;
  return (
    <LocalDateField
      id={id}
      name={field.name}
      inputRef={field.ref}
      value={asFieldValue(field.value)}
      onChange={field.onChange}
      onInvalidText={field.onChange}
      onBlur={field.onBlur}
      disabled={props.disabled || props.readOnly}
      size="small"
      className={`ra-input ra-input-${props.source}`}
      error={invalid}
      helperText={helperText !== false || invalid ? <InputHelperText error={error?.message} helperText={helperText} /> : null}
      label={label !== '' && label !== false ? <FieldTitle label={label} source={props.source} resource={props.resource} isRequired={isRequired} /> : null}
    />
  );
};
