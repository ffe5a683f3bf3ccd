import { Response } from 'supertest';

/** Asserts an RFC 9457 problem answer and returns its body for further checks. */
export function expectProblem(
  response: Response,
  status: number,
): Record<string, unknown> & {
  errors?: { field: string; message: string }[];
} {
  expect({ status: response.status, body: response.body }).toMatchObject({ status });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({
    type: expect.stringMatching(/^urn:servertree:problem:/),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  return response.body;
}
