// Chancery's search page: Pagefind's UI over the index of this page's language (<html lang>).
// No inline script: the bundle's address comes from a data attribute, and Pagefind's UI is
// loaded from it here (same origin, so the site's CSP allows it).
(function () {
  "use strict";
  var element = document.getElementById("chancery-search");
  if (!element) {
    return;
  }
  var bundle = new URL(element.getAttribute("data-bundle"), location.href);
  // The bundle's path from the site root (<search_page>/pagefind/): what is left is the root.
  var bundlePath = element.getAttribute("data-bundle-path") || "";
  var siteRoot = bundle.pathname.slice(0, bundle.pathname.length - bundlePath.length);

  function start() {
    var ui = new PagefindUI({
      element: "#chancery-search",
      bundlePath: bundle.pathname,
      // Result URLs are site paths.
      baseUrl: siteRoot,
      showImages: false,
      resetStyles: false,
      autofocus: true,
    });
    labelInput();
    var query = new URLSearchParams(location.search).get("q");
    if (query) {
      ui.triggerSearch(query);
    }
  }

  // Pagefind's input carries a placeholder only: give it a real, translated label.
  function labelInput() {
    var field = element.querySelector("input[type=text], input[type=search]");
    if (!field || field.id) return;
    field.id = "chancery-search-input";
    var label = document.createElement("label");
    label.className = "chancery-visually-hidden";
    label.htmlFor = field.id;
    label.textContent = element.getAttribute("data-label");
    field.parentNode.insertBefore(label, field);
  }

  var script = document.createElement("script");
  script.src = bundle.pathname + "pagefind-ui.js";
  script.addEventListener("load", start);
  document.head.appendChild(script);
})();
