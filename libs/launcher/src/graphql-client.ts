export interface GraphQLResponse<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Posts one operation to the gateway and returns the whole response, errors included. */
export async function postGraphQL<T>(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
}

/** Like postGraphQL, but any GraphQL error becomes an exception that quotes it. */
export async function graphql<T>(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { status, body } = await postGraphQL<T>(url, token, query, variables);
  if (body.errors?.length || !body.data) {
    throw new Error(`GraphQL request failed (HTTP ${status}): ${(body.errors ?? []).map((e) => e.message).join('; ') || 'no data'}`);
  }
  return body.data;
}
