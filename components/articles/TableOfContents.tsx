import type { TocEntry } from "@/lib/articles/markdown";

export function TableOfContents({ toc }: { toc: TocEntry[] }) {
  if (toc.length < 2) return null;
  return (
    <nav aria-labelledby="toc-title" className="rounded-2xl border border-line bg-surface p-5">
      <h2 id="toc-title" className="mb-2 font-sans text-base font-semibold">
        Inhalt
      </h2>
      <ol className="flex flex-col gap-1 text-base">
        {toc.map((entry) => (
          <li key={entry.id} className={entry.depth === 3 ? "pl-4" : ""}>
            <a href={`#${entry.id}`}>{entry.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
