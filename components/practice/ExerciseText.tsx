/** An exercise's guidance as written: paragraphs at blank lines, numbered steps kept on their own lines. */
export function ExerciseText({ body }: { body: string }) {
  return (
    <div className="flex flex-col gap-3">
      {body.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i} className="whitespace-pre-line">
          {paragraph.trim()}
        </p>
      ))}
    </div>
  );
}
