// `chancery serve`: reload the page when the server has finished another build.
// The server adds this file to every HTML page it serves, and only in the preview.
(() => {
  "use strict";
  const script = document.currentScript;
  if (!script || !window.EventSource) return;
  const served = script.dataset.generation;
  const events = new EventSource(script.dataset.events);
  // The server sends the current build at once, then each new one: a build that ended
  // between this page's answer and the stream's start still reloads it.
  events.addEventListener("build", (event) => {
    if (event.data !== served) {
      events.close();
      window.location.reload();
    }
  });
  window.addEventListener("pagehide", () => events.close());
})();
