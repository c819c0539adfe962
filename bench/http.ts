import type { BenchRequest } from "./workloads";

export interface Answer {
  status: number;
  /** Statements the server ran for this request (x-sql-statements), if it said. */
  statements: number | null;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** One request from the harness itself (checks, samples, sign-in), never under load. */
export async function send(origin: string, request: BenchRequest): Promise<Answer> {
  const response = await fetch(origin + request.path, { method: request.method, headers: request.headers, body: request.body });
  const text = await response.text();
  let body: Answer["body"];
  try {
    body = JSON.parse(text) as Answer["body"];
  } catch {
    throw new Error(`${request.method} ${request.path.slice(0, 80)} answered ${response.status} with non-JSON: ${text.slice(0, 300)}`);
  }
  const statements = response.headers.get("x-sql-statements");
  return { status: response.status, statements: statements === null ? null : Number(statements), body };
}

/** The data of an answer that must have succeeded; anything else aborts the bench with the server's words. */
export function dataOf(answer: Answer, what: string): Record<string, unknown> {
  if (answer.status !== 200 || answer.body.errors?.length || !answer.body.data) {
    throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`);
  }
  return answer.body.data;
}
