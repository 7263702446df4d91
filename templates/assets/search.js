/* Gugus site search: loads /search-index.json once and matches every word of the query
   as a prefix of the indexed words, ignoring case and diacritics. No dependencies. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-index]");
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !list || !status) return;
  var index = null;
  var loading = null;
  var timer = 0;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function tokens(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (word) { return word.length > 0; });
  }
  function load() {
    if (!loading) {
      status.textContent = status.getAttribute("data-loading");
      loading = fetch(form.getAttribute("data-index"))
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (data) { index = data; return data; });
    }
    return loading;
  }
  /* The documents whose indexed words start with `prefix`. */
  function lookup(prefix) {
    var words = index.words;
    var low = 0, high = words.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (words[middle] < prefix) low = middle + 1; else high = middle;
    }
    var found = new Set();
    for (var i = low; i < words.length && words[i].lastIndexOf(prefix, 0) === 0; i++) {
      var gaps = index.postings[i], doc = 0;
      for (var j = 0; j < gaps.length; j++) { doc += gaps[j]; found.add(doc); }
    }
    return found;
  }
  function search(query) {
    var terms = tokens(query);
    if (terms.length === 0) return [];
    var matches = null;
    terms.forEach(function (term) {
      var docs = lookup(term);
      matches = matches === null ? docs : new Set(Array.from(matches).filter(function (doc) { return docs.has(doc); }));
    });
    return Array.from(matches).map(function (doc) {
      var title = fold(index.docs[doc][0]);
      var score = 0;
      terms.forEach(function (term) { if (title.indexOf(term) >= 0) score += 10; });
      return { doc: doc, score: score };
    }).sort(function (a, b) { return b.score - a.score || a.doc - b.doc; }).slice(0, 50);
  }
  function show(query) {
    var results = search(query);
    list.textContent = "";
    results.forEach(function (result) {
      var doc = index.docs[result.doc];
      var item = document.createElement("li");
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = doc[1];
      link.textContent = doc[0];
      heading.appendChild(link);
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = (index.kinds[doc[2]] || doc[2]) + (doc[3] ? " · " + doc[3] : "");
      item.appendChild(heading);
      item.appendChild(meta);
      if (doc[4]) {
        var snippet = document.createElement("p");
        snippet.textContent = doc[4];
        item.appendChild(snippet);
      }
      list.appendChild(item);
    });
    var template = results.length ? status.getAttribute("data-found") : status.getAttribute("data-none");
    status.textContent = query.trim() ? template.replace("{n}", String(results.length)).replace("{q}", query.trim()) : "";
  }
  function run() {
    var query = input.value;
    load().then(function () { show(query); }, function () { status.textContent = status.getAttribute("data-failed"); });
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (window.history && history.replaceState) history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run();
  });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run();
  }
})();
