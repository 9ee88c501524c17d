import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import { isHundred, sumDecimals } from '../decimal';

interface WeightSumProps {
  weights: readonly (string | undefined)[];
  /** i18n key of the "adds up to %{sum}, not 100" message */
  wrongKey: string;
  okKey: string;
  testId: string;
}

/** The live sum of weights, computed in the browser on every keystroke (the server's check follows debounced). */
export const WeightSum = ({ weights, wrongKey, okKey, testId }: WeightSumProps) => {
  const translate = useTranslate();
  const { sum } = sumDecimals(weights);
  const ok = isHundred(sum);
  return (
    <Alert severity={ok ? 'success' : 'error'} data-testid={testId} sx={{ py: 0 }}>
      {translate(ok ? okKey : wrongKey, { sum })}
    </Alert>
  );
};
