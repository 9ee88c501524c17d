import type { AuthProvider } from 'react-admin';
import { isRole } from './auth/roles';
import { clearSession, isExpired, readSession, writeSession, type Session } from './auth/session';
import { graphqlRequest } from './dataProvider/http';
import { ERROR_CODES, errorCode } from './dataProvider/graphqlErrors';

const LOGIN = /* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      expiresAt
      user { id email displayName roles locale employee { id } }
    }
  }
`;

interface LoginResult {
  login: {
    token: string;
    expiresAt: string;
    user: { id: string; email: string; displayName: string; roles: string[]; locale: string; employee: { id: string } | null };
  };
}

interface Credentials {
  username: string;
  password: string;
}

const toSession = ({ login }: LoginResult): Session => ({
  token: login.token,
  expiresAt: login.expiresAt,
  user: {
    id: login.user.id,
    email: login.user.email,
    displayName: login.user.displayName,
    roles: login.user.roles.filter(isRole),
    employeeId: login.user.employee?.id ?? null,
    locale: login.user.locale,
  },
});

const activeSession = (): Session | null => {
  const session = readSession();
  if (!session || isExpired(session)) return null;
  return session;
};

export const authProvider: AuthProvider = {
  async login({ username, password }: Credentials) {
    clearSession();
    let result: LoginResult;
    try {
      result = await graphqlRequest<LoginResult>(LOGIN, { email: username.trim(), password });
    } catch (error) {
      // The API answers a wrong password and an unknown e-mail alike (UNAUTHENTICATED); so does the console.
      if (errorCode(error) === ERROR_CODES.unauthenticated) throw new Error('app.auth.wrong_credentials');
      throw error;
    }
    writeSession(toSession(result));
  },
  async logout() {
    clearSession();
  },
  async checkAuth() {
    if (!activeSession()) {
      clearSession();
      throw new Error('app.error.session_expired');
    }
  },
  async checkError(error: unknown) {
    const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
    if (errorCode(error) === ERROR_CODES.unauthenticated || status === 401) {
      clearSession();
      throw new Error('app.error.session_expired');
    }
  },
  async getPermissions() {
    return activeSession()?.user.roles ?? [];
  },
  async getIdentity() {
    const session = activeSession();
    if (!session) throw new Error('app.error.session_expired');
    return { id: session.user.id, fullName: session.user.displayName, email: session.user.email };
  },
};
