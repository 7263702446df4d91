/// The script the dev server adds to every page: it reloads the page after a successful
/// build and shows the errors of a failed one over the page until they are fixed.
enum LiveReloadScript {
    static let path = "/__gugus/live.js"
    static let eventsPath = "/__gugus/events"
    static let tag = "<script src=\"\(path)\" defer></script>"

    static let source = #"""
    (function () {
      "use strict";
      var shown = null;
      var seen = null;
      function overlay(errors) {
        if (!shown) {
          shown = document.createElement("div");
          shown.id = "gugus-errors";
          shown.setAttribute("role", "alert");
          shown.style.cssText = "position:fixed;inset:0;z-index:99999;overflow:auto;background:rgba(20,20,20,.94);color:#fff;" +
            "font:15px/1.5 ui-monospace,monospace;padding:1.5rem;white-space:pre-wrap";
          document.body.appendChild(shown);
        }
        shown.textContent = "";
        var title = document.createElement("h2");
        title.style.cssText = "color:#ffb4b4;font:bold 1.2rem system-ui,sans-serif;margin:0 0 1rem";
        title.textContent = "Gugus: the site has errors (Situs berisi kesalahan) - fix them and save; this page updates by itself.";
        shown.appendChild(title);
        errors.forEach(function (line) {
          var item = document.createElement("p");
          item.style.margin = "0 0 .8rem";
          item.textContent = line;
          shown.appendChild(item);
        });
      }
      var source = new EventSource("\#(eventsPath)");
      source.addEventListener("reload", function (event) {
        var status = JSON.parse(event.data);
        if (shown || (seen !== null && status.generation !== seen)) { location.reload(); return; }
        seen = status.generation;
      });
      source.addEventListener("failed", function (event) {
        var status = JSON.parse(event.data);
        seen = status.generation;
        overlay(status.errors);
      });
    })();
    """#
}
