// Loaded before Material's bundle. Material fetches "sitemap.xml" relative to every
// <link rel="alternate"> of the page, to map pages across languages. Relative to an alternate
// such as /fr/about/ that address does not exist (a 404 on every page), and relative to an
// absolute hreflang link it is a request to the production host from any preview or mirror.
// Chancery's language selector already links each language's version of the page, so we send
// those requests to the site's own sitemap.xml instead: one cached file on this origin.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.XMLHttpRequest) return;
  var siteSitemap = new URL("../../sitemap.xml", script.src).href; // assets/chancery/ -> site root
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    try {
      var target = new URL(String(url), document.baseURI);
      if (/\/sitemap\.xml$/.test(target.pathname) && target.href !== siteSitemap) {
        args[1] = siteSitemap;
      }
    } catch (error) {
      // Not a URL we can read: leave the request as it is.
    }
    return open.apply(this, args);
  };
})();
