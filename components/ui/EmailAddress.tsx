import { Fragment } from "react";

/**
 * An email address that may wrap only where a reader expects it: before the "@" and after a dot,
 * never in the middle of a name (a narrow table cell would otherwise break "anna@exa|mple.com").
 */
export function EmailAddress({ address }: { address: string }) {
  const parts = address.split(/(?=@)|(?<=\.)/);
  return (
    <span className="break-words">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
