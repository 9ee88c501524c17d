/** A GraphQL response as the tests read it. */
export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string; details?: Array<{ field: string; rule: string; message: string }>; params?: Record<string, number | string | boolean | null> } }>;
}

/** Posts one operation over HTTP, exactly as a browser or reporting tool would. */
export async function gql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GqlResult<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GqlResult<T>;
}

export const DEMO_PASSWORD = 'demo1234';
export const demo = {
  hr: 'hr@demo.local',
  admin: 'admin@demo.local',
  committee: 'committee@demo.local',
  supervisor: 'supervisor@demo.local',
  employee: 'employee@demo.local',
} as const;

export async function login(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const result = await gql<{ login: { token: string } }>(
    baseUrl,
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email, password },
  );
  const token = result.data?.login.token;
  if (!token) throw new Error(`login as ${email} failed: ${JSON.stringify(result.errors)}`);
  return token;
}

/** The error codes of a result, in order. */
export const codes = (result: GqlResult<unknown>): Array<string | undefined> => (result.errors ?? []).map((e) => e.extensions?.code);
