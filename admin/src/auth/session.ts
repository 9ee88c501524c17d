import { isRole, type Role } from './roles';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  employeeId: string | null;
  locale: string;
}

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

const KEY = 'appraisal.session';

const isSession = (value: unknown): value is Session => {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Session>;
  return (
    typeof v.token === 'string' &&
    typeof v.expiresAt === 'string' &&
    typeof v.user === 'object' &&
    v.user !== null &&
    Array.isArray(v.user.roles) &&
    v.user.roles.every(isRole)
  );
};

export const readSession = (): Session | null => {
  const raw = localStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
};

export const writeSession = (session: Session): void => {
  localStorage.setItem(KEY, JSON.stringify(session));
};

export const clearSession = (): void => {
  localStorage.removeItem(KEY);
};

export const isExpired = (session: Session, now = Date.now()): boolean =>
  Number.isNaN(Date.parse(session.expiresAt)) ? false : Date.parse(session.expiresAt) <= now;

/** The roles of whoever is signed in, empty when nobody is. */
export const currentRoles = (): Role[] => readSession()?.user.roles ?? [];

/** Pay bases are readable by HR and by the employee themself, nobody else (the API enforces it too). */
export const canSeePay = (employeeId: string | undefined): boolean => {
  const user = readSession()?.user;
  if (!user) return false;
  if (user.roles.includes('HR')) return true;
  // "Themself" counts for accounts acting as an employee or supervisor, as in the API's policy.
  const actsAsEmployee = user.roles.includes('EMPLOYEE') || user.roles.includes('SUPERVISOR');
  return actsAsEmployee && employeeId !== undefined && user.employeeId === employeeId;
};
