/**
 * Task pane entry point: mounts the React app once Office is ready.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";

function mount(): void {
  const host = document.getElementById("container");
  if (!host) return;
  createRoot(host).render(<p>Pilot Gate</p>);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => mount());
} else {
  mount();
}
