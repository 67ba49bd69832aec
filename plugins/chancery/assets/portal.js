/*
 * Chancery portal: the travel-advice finder's search field (chancery/partials/portal.html).
 * Without this script the finder is a list of links to every country's advice, which works
 * as it is. With it, a search field appears above the list and narrows it as the reader
 * types, ignoring case and accents ("egypte" finds "Égypte"); Enter opens the only match.
 */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase();
  }

  document.querySelectorAll("[data-chancery-finder]").forEach(function (finder) {
    var search = finder.querySelector(".chancery-finder__search");
    var input = finder.querySelector("input[type=search]");
    var status = finder.querySelector(".chancery-finder__status");
    var folded = finder.querySelector("details");
    var items = Array.prototype.slice.call(finder.querySelectorAll("[data-chancery-country]"));
    if (!search || !input || !status) {
      return;
    }
    var names = items.map(function (item) {
      return fold(item.getAttribute("data-chancery-country") || "");
    });
    search.hidden = false;

    function matches() {
      var query = fold(input.value.trim());
      var shown = [];
      items.forEach(function (item, index) {
        var match = !query || names[index].indexOf(query) !== -1;
        item.hidden = !match;
        if (match) {
          shown.push(item);
        }
      });
      if (folded && query) {
        folded.open = true;
      }
      status.textContent = query && shown.length === 0 ? status.getAttribute("data-none") : "";
      return shown;
    }

    input.addEventListener("input", matches);
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") {
        return;
      }
      var shown = matches();
      if (shown.length === 1) {
        event.preventDefault();
        shown[0].querySelector("a").click();
      }
    });
  });
})();
