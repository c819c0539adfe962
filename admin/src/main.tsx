import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

// A panel opened before a deploy asks for chunks that the new build no longer has: load the new
// panel instead of waiting on a screen that never comes, but only once a minute, so that a chunk
// missing for another reason does not reload the page forever.
const RELOADED_AT = "research-desk.reloaded-for-chunks";
window.addEventListener("vite:preloadError", () => {
  if (Date.now() - Number(sessionStorage.getItem(RELOADED_AT) ?? 0) < 60_000) return;
  sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  window.location.reload();
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
