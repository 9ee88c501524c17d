import { Typography } from '@mui/material';
import { type FieldProps, useFieldValue, useLocaleState, useTranslate } from 'react-admin';
import { formatDate, formatDateTime, formatMoney, formatNumber } from './format';

type Formatter = (value: string, locale: string) => string;

const FormattedField = ({ format, ...props }: FieldProps & { format: Formatter }) => {
  const value: unknown = useFieldValue(props);
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const text =
    value === null || value === undefined || value === ''
      ? props.emptyText
        ? translate(props.emptyText, { _: props.emptyText })
        : ''
      : format(String(value), locale);
  return (
    <Typography component="span" variant="body2" className={props.className}>
      {text}
    </Typography>
  );
};

/** A calendar date in the console language: 2026年11月26日 / Nov 26, 2026. */
export const DateField = (props: FieldProps) => <FormattedField {...props} format={formatDate} />;

/** An instant in the console language: 2026-11-26 22:34 / Nov 26, 2026, 10:34 PM. */
export const DateTimeField = (props: FieldProps) => <FormattedField {...props} format={formatDateTime} />;

/** An amount of money (a decimal string) with the yuan sign and two decimals. */
export const MoneyField = (props: FieldProps) => <FormattedField {...props} format={formatMoney} />;

/** A count or measure with the console language's grouping. */
export const NumberField = (props: FieldProps) => <FormattedField {...props} format={formatNumber} />;
