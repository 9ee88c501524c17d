import { regex } from 'react-admin';

/** Money is an exact decimal string with up to two places, as the API's Money scalar expects. */
export const money = regex(/^\d{1,12}(\.\d{1,2})?$/, 'app.validation.money');
