export { ImportPage } from './ImportPage';
export { ExportButton } from './ExportButton';
