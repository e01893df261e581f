/** The browser side of the Advisor's decisions API. */
import { callApi } from '@/lib/http/api-client';
import { z } from '@/lib/validation/zod';
import { decisionSchema, type AdvisorDecision, type DecisionInput } from './decisions';

const PATH = '/api/advisor/decisions';

export function listDecisions(): Promise<AdvisorDecision[]> {
  return callApi(PATH, { method: 'GET' }, z.object({ decisions: z.array(decisionSchema) })).then((answer) => answer.decisions);
}

export function putDecision(input: DecisionInput): Promise<AdvisorDecision> {
  return callApi(PATH, { method: 'POST', body: JSON.stringify(input) }, decisionSchema);
}

export async function removeDecision(findingId: string): Promise<void> {
  await callApi(`${PATH}?finding=${encodeURIComponent(findingId)}`, { method: 'DELETE' });
}
