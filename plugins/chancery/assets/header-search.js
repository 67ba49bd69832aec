// Chancery's header search. Without this script the header's search control is a link to the
// language's search page. With it, the link opens Pagefind's UI over this language's index in
// a panel under the header; Pagefind's script and stylesheet load only when the reader first
// opens it. Escape, or the control again, closes the panel and gives focus back.
(function () {
  "use strict";
  var link = document.querySelector("[data-chancery-search-panel]");
  var panel = link && document.getElementById(link.getAttribute("data-chancery-search-panel"));
  if (!panel) return;
  var bundle = new URL(panel.getAttribute("data-bundle"), location.href);
  var bundlePath = panel.getAttribute("data-bundle-path") || "";
  // The bundle's path from the site root (<search_page>/pagefind/): what is left is the root.
  var siteRoot = bundle.pathname.slice(0, bundle.pathname.length - bundlePath.length);
  var started = false;
  // On the search page the control leads to the page's own search box: one search at a time.
  var pageSearch = document.getElementById("chancery-search");

  if (!pageSearch) {
    link.setAttribute("role", "button");
    link.setAttribute("aria-expanded", "false");
    link.setAttribute("aria-controls", panel.id);
  }

  function input() {
    return panel.querySelector("input[type=text], input[type=search]");
  }

  function label() {
    // Pagefind's input carries a placeholder only: give it a real label.
    var field = input();
    if (!field || field.id) return;
    field.id = panel.id + "-input";
    var text = document.createElement("label");
    text.className = "chancery-visually-hidden";
    text.htmlFor = field.id;
    text.textContent = panel.getAttribute("data-label");
    field.parentNode.insertBefore(text, field);
  }

  function start() {
    started = true;
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = bundle.pathname + "pagefind-ui.css";
    document.head.appendChild(style);
    var script = document.createElement("script");
    script.src = bundle.pathname + "pagefind-ui.js";
    script.addEventListener("load", function () {
      new PagefindUI({
        element: "#" + panel.id,
        bundlePath: bundle.pathname,
        baseUrl: siteRoot,
        showImages: false,
        resetStyles: false,
        autofocus: true,
      });
      label();
      var field = input();
      if (field) field.focus();
    });
    document.head.appendChild(script);
  }

  function open() {
    panel.hidden = false;
    link.setAttribute("aria-expanded", "true");
    if (!started) {
      start();
    } else if (input()) {
      input().focus();
    }
  }

  function close() {
    panel.hidden = true;
    link.setAttribute("aria-expanded", "false");
    link.focus();
  }

  link.addEventListener("click", function (event) {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (pageSearch) {
      // Pagefind's box once it has taken the form's place, else the form's.
      var field = pageSearch.querySelector(".pagefind-ui input") || pageSearch.querySelector("input");
      if (field) field.focus();
      return;
    }
    if (panel.hidden) open();
    else close();
  });
  // A link is pressed with Enter only; as a button it answers Space too.
  link.addEventListener("keydown", function (event) {
    if (event.key === " " && !pageSearch) {
      event.preventDefault();
      link.click();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) close();
  });
})();
