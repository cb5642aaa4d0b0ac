"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { SignOutForm } from "./SignOutForm";

export type Section = { href: string; label: string };

/**
 * The sections of a signed-in area (the client's or the coach's). The current one is marked
 * (aria-current, underlined, bold); the first path is the area's start page and is current only
 * there. On a phone the list is one row that scrolls sideways, with the current section in view,
 * and ends with "Abmelden" (which the header shows from the small breakpoint up).
 */
export function SectionNav({ label, sections }: { label: string; sections: readonly Section[] }) {
  const pathname = usePathname();
  const root = sections[0]?.href;
  const current = sections
    .filter((s) => (s.href === root ? pathname === root : pathname === s.href || pathname.startsWith(`${s.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const currentRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    currentRef.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [current]);
  return (
    <nav aria-label={label} className="mb-8 border-b border-line">
      <ul className="-mx-4 flex gap-5 overflow-x-auto px-4 pb-3 whitespace-nowrap sm:mx-0 sm:flex-wrap sm:overflow-visible sm:px-0">
        {sections.map((s) => {
          const isCurrent = s.href === current;
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                ref={isCurrent ? currentRef : undefined}
                aria-current={isCurrent ? "page" : undefined}
                className={isCurrent ? "font-semibold text-ink underline decoration-2 underline-offset-8" : "no-underline hover:underline"}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
        <li className="sm:hidden">
          <SignOutForm className="cursor-pointer text-muted hover:text-ink hover:underline" />
        </li>
      </ul>
    </nav>
  );
}
