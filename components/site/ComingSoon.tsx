import { getPracticeSettings } from "@/lib/settings/queries";

/** An honest placeholder for a part of the site that is being built, with a way to reach the practice now. */
export async function ComingSoon({ title, what }: { title: string; what: string }) {
  const s = await getPracticeSettings();
  return (
    <div className="flex max-w-prose flex-col gap-4">
      <h1>{title}</h1>
      <p>{what} entsteht gerade und ist bald hier zu finden.</p>
      {s.email && (
        <p>
          Bis dahin erreichst du uns per E-Mail: <a href={`mailto:${s.email}`}>{s.email}</a>
        </p>
      )}
    </div>
  );
}
