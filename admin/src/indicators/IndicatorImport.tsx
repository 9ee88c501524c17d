import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { ImportPanel } from '../import/ImportPage';

/** Excel import of the library: dry run with the row report, then all-or-nothing apply. */
export const IndicatorImport = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return (
    <ImportPanel
      title="app.indicator.import_title"
      intro="app.indicator.import_intro"
      runImport={(input) => dataProvider.importIndicators(input)}
      exportFile={() => dataProvider.exportIndicators()}
    />
  );
};
