import { usePermissions } from 'react-admin';
import { isRole, type Role } from './roles';

/** The signed-in person's roles from the authProvider (empty while loading). */
export const useRoles = (): { roles: Role[]; isPending: boolean } => {
  const { permissions, isPending } = usePermissions<unknown>();
  const roles = Array.isArray(permissions) ? permissions.filter(isRole) : [];
  return { roles, isPending };
};
