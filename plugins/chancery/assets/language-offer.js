// Offers the current page in the reader's preferred language, when it exists in that language.
// It only offers: it never redirects, and it stays dismissed once the reader dismisses it.
(function () {
  "use strict";
  var DISMISSED = "chancery.language-offer.dismissed";
  var data = document.getElementById("chancery-language-offers");
  if (!data) return;
  try {
    if (window.localStorage.getItem(DISMISSED) === "1") return;
  } catch (error) {
    // Storage can be disabled; the offer then shows on every page, which is acceptable.
  }
  var offers = JSON.parse(data.textContent);
  var current = (document.documentElement.lang || "").toLowerCase().split("-")[0];
  var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  var offer = null;
  for (var i = 0; i < wanted.length; i++) {
    var code = String(wanted[i] || "").toLowerCase().split("-")[0];
    if (code === current) return; // The reader already reads a language they prefer.
    if (offers[code]) { offer = offers[code]; break; }
  }
  if (!offer) return;

  var box = document.createElement("aside");
  box.className = "chancery-offer";
  box.setAttribute("lang", offer.lang);
  box.setAttribute("dir", offer.dir);
  box.setAttribute("aria-label", offer.text);
  var text = document.createElement("p");
  text.textContent = offer.text + " ";
  var link = document.createElement("a");
  link.href = offer.url;
  link.hreflang = offer.lang;
  link.textContent = offer.open;
  text.appendChild(link);
  var close = document.createElement("button");
  close.type = "button";
  close.className = "chancery-offer__dismiss";
  close.textContent = offer.dismiss;
  close.addEventListener("click", function () {
    box.remove();
    try { window.localStorage.setItem(DISMISSED, "1"); } catch (error) { /* see above */ }
  });
  box.appendChild(text);
  box.appendChild(close);
  var main = document.querySelector("main") || document.body;
  main.insertBefore(box, main.firstChild);
})();
