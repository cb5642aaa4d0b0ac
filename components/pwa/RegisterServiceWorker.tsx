"use client";

import { useEffect } from "react";

/** Registers public/sw.js for the client area only: public pages and the coach's portal never get it. */
export function RegisterServiceWorker() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/dashboard/" }).catch(() => {});
  }, []);
  return null;
}
