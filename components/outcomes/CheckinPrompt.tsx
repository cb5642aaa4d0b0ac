import { ButtonLink } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { nextCheckinKind } from "@/lib/outcomes/queries";

/**
 * On the dashboard: a calm invitation when a baseline (the first sign-in, or the coach asked for
 * a new one) or a follow-up is waiting. Not a wall: the rest of the dashboard stays as it is.
 */
export async function CheckinPrompt({ userId }: { userId: string }) {
  const { kind } = await nextCheckinKind(userId, new Date());
  if (kind === "weekly") return null;
  return (
    <Card aria-labelledby="checkin-einladung" className="bg-accent-soft">
      <h2 id="checkin-einladung" className="mb-2 text-xl">
        {kind === "baseline" ? "Wo stehst du gerade?" : "Wie geht es dir inzwischen?"}
      </h2>
      <p className="mb-4">
        {kind === "baseline"
          ? "Ein kurzer Check-in hält fest, wie es dir jetzt geht. So siehst du später, was sich verändert hat. Acht Fragen, keine Minute."
          : "Ein kurzer Check-in nach deinem Coaching: acht Fragen, keine Minute."}
      </p>
      <ButtonLink href="/dashboard/fortschritt">Zum Check-in</ButtonLink>
    </Card>
  );
}
