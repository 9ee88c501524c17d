import { DeleteButton, SaveButton, Toolbar } from 'react-admin';

/** Save, and deactivate (react-admin's delete) after a confirmation; both wait for the server. */
export const EditToolbar = () => (
  <Toolbar sx={{ justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton
      label="app.action.deactivate"
      mutationMode="pessimistic"
      confirmTitle="app.action.deactivate_title"
      confirmContent="app.action.deactivate_content"
    />
  </Toolbar>
);
