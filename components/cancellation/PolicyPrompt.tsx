import { Card } from "@/components/ui/Card";
import { policyToAccept } from "@/lib/cancellation-policy/policy";
import { AcceptPolicyForm } from "./AcceptPolicyForm";

/**
 * On the dashboard, at the top: the practice's cancellation policy while the client has not
 * agreed to its current version (after the invitation, or after the coach changed it). A calm
 * card, not a wall: everything else works without it; only a fee needs the agreement.
 */
export async function PolicyPrompt({ userId }: { userId: string }) {
  const policy = await policyToAccept(userId);
  if (!policy) return null;
  return (
    <Card aria-labelledby="absageregel-titel" className="bg-accent-soft">
      <h2 id="absageregel-titel" className="mb-2 text-xl">
        Meine Absageregel
      </h2>
      <p className="mb-2">Damit wir beide wissen, woran wir sind, wenn ein Termin einmal nicht klappt:</p>
      <blockquote className="mb-4 border-l-4 border-accent pl-3 whitespace-pre-line">{policy.text}</blockquote>
      <AcceptPolicyForm policyId={policy.id} />
    </Card>
  );
}
