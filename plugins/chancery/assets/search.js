// Chancery's search page: Pagefind's UI over the index of this page's language (<html lang>).
// The page arrives with a plain, labelled form; Pagefind's files load only when the reader
// turns to it (focuses or submits the form) or when the address carries a query (`?q=`),
// and Pagefind's UI then takes the form's place, with what the reader typed and the focus.
// No inline script: the bundle's address comes from a data attribute, and Pagefind's UI is
// loaded from it here (same origin, so the site's CSP allows it).
(function () {
  "use strict";
  var element = document.getElementById("chancery-search");
  if (!element) {
    return;
  }
  var form = element.querySelector("form");
  var field = form && form.querySelector("input");
  var mount = document.getElementById("chancery-search-ui");
  var bundle = new URL(element.getAttribute("data-bundle"), location.href);
  // The bundle's path from the site root (<search_page>/pagefind/): what is left is the root.
  var bundlePath = element.getAttribute("data-bundle-path") || "";
  var siteRoot = bundle.pathname.slice(0, bundle.pathname.length - bundlePath.length);
  var started = false;

  // Pagefind's input carries a placeholder only: give it a real, translated label.
  function labelInput() {
    var input = mount.querySelector("input[type=text], input[type=search]");
    if (!input || input.id) return input;
    input.id = "chancery-search-input";
    var label = document.createElement("label");
    label.className = "chancery-visually-hidden";
    label.htmlFor = input.id;
    label.textContent = element.getAttribute("data-label");
    input.parentNode.insertBefore(label, input);
    return input;
  }

  function run() {
    var ui = new PagefindUI({
      element: "#chancery-search-ui",
      bundlePath: bundle.pathname,
      // Result URLs are site paths.
      baseUrl: siteRoot,
      showImages: false,
      resetStyles: false,
    });
    var input = labelInput();
    var query = field ? field.value : "";
    var hadFocus = document.activeElement === field;
    if (form) form.hidden = true;
    if (input) {
      input.value = query;
      if (hadFocus || query) input.focus();
    }
    if (query) ui.triggerSearch(query);
  }

  function start() {
    if (started) return;
    started = true;
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = bundle.pathname + "pagefind-ui.css";
    document.head.appendChild(style);
    var script = document.createElement("script");
    script.src = bundle.pathname + "pagefind-ui.js";
    script.addEventListener("load", run);
    document.head.appendChild(script);
  }

  if (!form || !field || !mount) return;
  var query = new URLSearchParams(location.search).get("q");
  if (query) {
    field.value = query;
    start();
  }
  field.addEventListener("focus", start);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    start();
  });
})();
