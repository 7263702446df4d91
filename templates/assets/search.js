/* Gugus site search. Reads the small manifest /search-index.json, then fetches only the
   shards that hold the words typed and the details of the results shown. Words were
   stemmed when the site was built: a word of the site leads to its stem, and the stem to
   every page with a word of the same stem (perdagangan, diperdagangkan, berdagang). The
   last word also matches as the start of longer words while it is being typed.
   Case and diacritics are ignored. No dependencies. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-index]");
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  var filterBox = document.getElementById("search-filters");
  if (!form || !input || !list || !status) return;
  var selects = { jenis: "search-kind", wilayah: "search-region", tahun: "search-year" };
  Object.keys(selects).forEach(function (name) { selects[name] = document.getElementById(selects[name]); });
  var indexAddress = form.getAttribute("data-index");
  var folder = indexAddress.replace(/\.json$/, "/");
  var pageSize = 10;
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var DIGIT_VALUES = new Int8Array(128);
  for (var d = 0; d < DIGITS.length; d++) DIGIT_VALUES[DIGITS.charCodeAt(d)] = d;
  var manifest = null;
  var files = {};
  var generation = 0;
  var current = null;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (word) { return word.length > 1 && word.length <= 32; });
  }
  function json(response) {
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response.json();
  }
  function loadManifest() {
    if (!manifest) {
      manifest = fetch(indexAddress, { cache: "no-cache" }).then(json);
      manifest.catch(function () { manifest = null; });
    }
    return manifest;
  }
  /* A file of the index, fetched once; its address carries the build's stamp. */
  function file(index, name) {
    if (!files[name]) {
      files[name] = fetch(folder + name + "?v=" + encodeURIComponent(index.build)).then(json);
      files[name].catch(function () { delete files[name]; });
    }
    return files[name];
  }
  /* The first position in a sorted list whose value is not below `word`. */
  function lowerBound(sorted, word) {
    var low = 0, high = sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (sorted[middle] < word) low = middle + 1; else high = middle;
    }
    return low;
  }
  function shardNumber(index, word) {
    var position = lowerBound(index.shards, word);
    if (position < index.shards.length && index.shards[position] === word) return position;
    return Math.max(0, position - 1);
  }
  function shardName(number) { return "s" + number + ".json"; }
  /* The entry of a word: a string names its stem; an array is a stem's pages and forms. */
  function entryOf(index, word) {
    if (!index.shards.length) return Promise.resolve(undefined);
    return file(index, shardName(shardNumber(index, word))).then(function (shard) {
      var position = lowerBound(shard[0], word);
      return shard[0][position] === word ? shard[1][position] : undefined;
    });
  }
  /* Words of the index that start with `prefix`, from its shard and at most the next one. */
  function completions(index, prefix) {
    var number = shardNumber(index, prefix);
    var found = [];
    function scan(shard, from) {
      for (var i = from; i < shard[0].length && found.length < 40; i++) {
        var key = shard[0][i];
        if (key.lastIndexOf(prefix, 0) !== 0) return false;
        if (key !== prefix) found.push([key, shard[1][i]]);
      }
      return found.length < 40;
    }
    return file(index, shardName(number)).then(function (shard) {
      var more = scan(shard, lowerBound(shard[0], prefix));
      var next = number + 1;
      if (!more || next >= index.shards.length || index.shards[next].lastIndexOf(prefix, 0) !== 0) return found;
      return file(index, shardName(next)).then(function (second) { scan(second, 0); return found; });
    });
  }
  /* The pages matching one word: each page's score by page number (0: no match), and the folded words
     to mark in the results. */
  function match(index, word, asPrefix) {
    var stems = [];
    function add(stem, weight) {
      for (var i = 0; i < stems.length; i++) if (stems[i][0] === stem) return;
      stems.push([stem, weight]);
    }
    function addEntry(key, entry, weight) {
      if (typeof entry === "string") add(entry, weight);
      else if (entry) { add(key, weight); if (entry.length > 3) add(entry[3], weight); }
    }
    return Promise.all([entryOf(index, word), asPrefix ? completions(index, word) : []]).then(function (both) {
      addEntry(word, both[0], 1);
      var found = both[1];
      found.sort(function (a, b) { return a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1); });
      found.forEach(function (pair) { addEntry(pair[0], pair[1], 0.5); });
    }).then(function () {
      /* Every stem of the exact word; of the completions, those in shards already here and,
         once the word has four letters, in at most two more, shortest words first: a word
         typed letter by letter does not fetch a shard for every letter. */
      var extra = 0, allowed = word.length >= 4 ? 2 : 0;
      var wanted = stems.filter(function (pair) {
        var name = shardName(shardNumber(index, pair[0]));
        if (pair[1] === 1 || files[name]) return true;
        if (extra >= allowed) return false;
        extra += 1;
        file(index, name);
        return true;
      });
      return Promise.all(wanted.map(function (pair) {
        return entryOf(index, pair[0]).then(function (entry) { return [pair, entry]; });
      }));
    }).then(function (resolved) {
      /* Each page's best score for this word (0: no match), by page number. */
      var scores = new Float64Array(index.documents);
      var forms = new Set([word]);
      resolved.forEach(function (item) {
        var weight = item[0][1], entry = item[1];
        if (!Array.isArray(entry)) return;
        forms.add(item[0][0]);
        entry[2].forEach(function (form) { forms.add(form); });
        /* One number a page: the gap from the previous page times 8 plus the page's level. */
        var postings = entry[0], rarity = entry[1], doc = 0, value = 0;
        for (var i = 0; i < postings.length; i++) {
          var digit = DIGIT_VALUES[postings.charCodeAt(i) & 127];
          value = value * 32 + (digit & 31);
          if (digit >= 32) continue;
          doc += value >> 3;
          var score = rarity * ((value & 7) + 0.5) * weight;
          if (doc < scores.length && scores[doc] < score) scores[doc] = score;
          value = 0;
        }
      });
      return { scores: scores, forms: forms, prefix: asPrefix ? word : null };
    });
  }
  function filtersWanted() {
    var wanted = {};
    Object.keys(selects).forEach(function (name) {
      if (selects[name] && selects[name].value) wanted[name] = selects[name].value;
    });
    return wanted;
  }
  /* Keeps the pages of the chosen type, region and year. */
  /* The page numbers ranked [from, to): best score first, the newest (lowest number) on ties.
     The first page of results is picked in one pass; the whole order is sorted only when
     more is asked for. */
  function ranked(results, from, to) {
    var docs = results.docs, scores = results.scores;
    function before(a, b) { return scores[a] > scores[b] || (scores[a] === scores[b] && docs[a] < docs[b]); }
    if (!results.order && to <= pageSize) {
      var best = [];
      for (var i = 0; i < docs.length; i++) {
        if (best.length === to && !before(i, best[to - 1])) continue;
        var at = best.length === to ? to - 1 : best.length;
        while (at > 0 && before(i, best[at - 1])) { best[at] = best[at - 1]; at--; }
        best[at] = i;
        if (best.length > to) best.length = to;
      }
      return best.slice(from).map(function (i) { return docs[i]; });
    }
    if (!results.order) {
      results.order = docs.map(function (_, i) { return i; });
      results.order.sort(function (a, b) { return before(a, b) ? -1 : before(b, a) ? 1 : 0; });
    }
    return results.order.slice(from, to).map(function (i) { return docs[i]; });
  }
  function filter(index, docs, wanted) {
    var keep = [];
    if (wanted.tahun) {
      var range = index.years.filter(function (year) { return year[0] === wanted.tahun; })[0] || ["", 0, 0];
      keep.push(function (doc) { return doc >= range[1] && doc < range[2]; });
    }
    var needsFile = wanted.jenis || wanted.wilayah;
    var ready = needsFile ? file(index, "filters.json") : Promise.resolve(null);
    return ready.then(function (values) {
      if (wanted.jenis) {
        var kind = index.kinds.map(function (pair) { return pair[0]; }).indexOf(wanted.jenis);
        keep.push(function (doc) { return values.kind[doc] === kind; });
      }
      if (wanted.wilayah) {
        var region = index.regions.map(function (pair) { return pair[0]; }).indexOf(wanted.wilayah) + 1;
        keep.push(function (doc) { return region > 0 && values.region[doc] === region; });
      }
      if (!keep.length) return docs;
      var kept = { docs: [], scores: [], order: null };
      docs.docs.forEach(function (doc, position) {
        if (keep.every(function (test) { return test(doc); })) { kept.docs.push(doc); kept.scores.push(docs.scores[position]); }
      });
      return kept;
    });
  }
  function search(index, query, wanted) {
    var stop = new Set(index.stopWords);
    var terms = words(query).filter(function (word) { return !stop.has(word); });
    var typing = /[\p{L}\p{N}]$/u.test(query);
    if (!terms.length) return Promise.resolve({ results: { docs: [], scores: [], order: null }, forms: new Set(), prefixes: [] });
    return Promise.all(terms.map(function (term, position) {
      return match(index, term, typing && position === terms.length - 1);
    })).then(function (matches) {
      /* Pages that match every word, with the sum of their scores. */
      var docs = [], scores = [];
      for (var doc = 0; doc < index.documents; doc++) {
        var sum = 0;
        for (var m = 0; m < matches.length && sum >= 0; m++) {
          var score = matches[m].scores[doc];
          sum = score > 0 ? sum + score : -1;
        }
        if (sum > 0) { docs.push(doc); scores.push(sum); }
      }
      var results = { docs: docs, scores: scores, order: null };
      var forms = new Set(), prefixes = [];
      matches.forEach(function (found) {
        found.forms.forEach(function (form) { forms.add(form); });
        if (found.prefix) prefixes.push(found.prefix);
      });
      return filter(index, results, wanted).then(function (kept) {
        return { results: kept, forms: forms, prefixes: prefixes };
      });
    });
  }
  /* Text with the matched words in <mark>, built as nodes: nothing in it becomes markup. */
  function marked(parent, text, found) {
    text.split(/([\p{L}\p{N}\u0300-\u036f]+)/u).forEach(function (part, position) {
      if (!part) return;
      var folded = fold(part);
      var hit = position % 2 === 1 && (found.forms.has(folded) || found.prefixes.some(function (prefix) {
        return folded.lastIndexOf(prefix, 0) === 0;
      }));
      if (hit) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(part));
      }
    });
  }
  function label(pairs, code) {
    for (var i = 0; i < pairs.length; i++) if (pairs[i][0] === code) return pairs[i][1];
    return code;
  }
  /* Draws results [from, from + pageSize) in order, each as soon as its details and those
     of the results above it are here. */
  function draw(index, found, from, mine) {
    var slice = ranked(found.results, from, from + pageSize);
    var per = index.documentsPerChunk;
    var details = new Array(slice.length);
    var next = 0;
    function show(doc) {
      var item = document.createElement("li");
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = doc[1];
      marked(link, doc[0], found);
      heading.appendChild(link);
      item.appendChild(heading);
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = [label(index.kinds, doc[2]), doc[3], doc[4] ? label(index.regions, doc[4]) : ""]
        .filter(Boolean).join(" · ");
      item.appendChild(meta);
      if (doc[5]) {
        var snippet = document.createElement("p");
        marked(snippet, doc[5], found);
        item.appendChild(snippet);
      }
      list.appendChild(item);
    }
    return Promise.all(slice.map(function (doc, position) {
      return file(index, "d" + Math.floor(doc / per) + ".json").then(function (chunk) {
        details[position] = chunk[doc % per] || null;
        if (mine !== generation) return;
        while (next < slice.length && details[next] !== undefined) {
          if (details[next]) show(details[next]);
          next += 1;
        }
      });
    })).then(function () {
      if (mine === generation && more) more.hidden = from + pageSize >= found.results.docs.length;
    });
  }
  function announce(query, count) {
    var template = count ? status.getAttribute("data-found") : status.getAttribute("data-none");
    status.textContent = query.trim() ? template.replace("{n}", String(count)).replace("{q}", query.trim()) : "";
  }
  function remember(query, wanted) {
    if (!window.history || !history.replaceState) return;
    var params = new URLSearchParams();
    if (query.trim()) params.set("q", query.trim());
    Object.keys(wanted).forEach(function (name) { params.set(name, wanted[name]); });
    var text = params.toString();
    history.replaceState(null, "", text ? "?" + text : location.pathname);
  }
  function run() {
    var mine = ++generation;
    var query = input.value;
    var wanted = filtersWanted();
    remember(query, wanted);
    var slow = setTimeout(function () { if (mine === generation) status.textContent = status.getAttribute("data-loading"); }, 300);
    loadManifest()
      .then(function (index) {
        return search(index, query, wanted).then(function (found) {
          if (mine !== generation) return;
          current = { index: index, found: found, shown: 0 };
          list.textContent = "";
          if (more) more.hidden = true;
          return draw(index, found, 0, mine).then(function () {
            if (mine !== generation) return;
            current.shown = pageSize;
            announce(query, found.results.docs.length);
          });
        });
      })
      .catch(function () {
        if (mine === generation) status.textContent = status.getAttribute("data-failed");
      })
      .then(function () { clearTimeout(slow); });
  }
  input.addEventListener("input", run);
  Object.keys(selects).forEach(function (name) {
    if (selects[name]) selects[name].addEventListener("change", run);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  if (more) {
    more.addEventListener("click", function () {
      if (!current) return;
      var from = current.shown;
      var first = list.children.length;
      more.disabled = true;
      draw(current.index, current.found, from, generation).then(function () {
        more.disabled = false;
        current.shown = from + pageSize;
        /* Keyboard users continue at the first new result. */
        var next = list.children[first];
        var link = next && next.querySelector("a");
        if (link) link.focus();
      });
    });
  }
  if (filterBox) filterBox.hidden = false;
  var params = new URLSearchParams(window.location.search);
  Object.keys(selects).forEach(function (name) {
    var value = params.get(name);
    if (value && selects[name]) selects[name].value = value;
  });
  var initial = params.get("q");
  if (initial) input.value = initial;
  if (initial || Object.keys(filtersWanted()).length) run();
  /* The manifest is small (a few KB): fetched now, the first query waits for one round trip fewer. */
  else loadManifest().catch(function () {});
})();
