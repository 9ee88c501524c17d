import { localStorageStore } from 'react-admin';

// Keeps the chosen language (and react-admin's list preferences) across visits, as <Admin> does.
export const store = localStorageStore();
