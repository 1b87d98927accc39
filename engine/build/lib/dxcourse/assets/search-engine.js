/*
 * The site search's engine (issue 7; issue 14: loaded on first use). assets/search.js builds
 * the header box on every page and adds this script the first time the box is used (focus,
 * "/" or typing), then search/dx-index.js, which hooks/search_index.py writes at build time.
 * What was typed before they arrive stays in the box and is searched once they are there.
 *
 * - Matching is a substring scan over text normalised as in sitesearch/normalize.py, so
 *   compounds (健康保険), parts of words (カード in マイナンバーカード) and full-width input
 *   (ＲＰＡ) are found. Every space-separated term must match.
 * - Text from the index reaches the page only through textContent and <mark> elements.
 */
(function () {
  "use strict";

  var INDEX_GLOBAL = "DX_SEARCH_INDEX";
  var INDEX_VERSION = 2;
  var PAGE_SIZE = 20;
  var SNIPPET_BEFORE = 30;
  var SNIPPET_LENGTH = 110;
  var SCORE = {
    heading: 10, // the term is in the section's heading
    headingIsTerm: 5, // ...and the heading is nothing but the term
    titleOnIntro: 8, // in the page title, for the page's first section
    titleOnSection: 3, // in the page title, for its other sections
  };
  // Hits in the body score as in BM25 (k1, b): more hits count for less each, and a hit in a
  // short section counts for more than one in a long section. At most about 2.2 a term.
  var BODY_K1 = 1.2;
  var BODY_B = 0.75;
  var BODY_HITS = 5;
  // Among the first TOP_PLACES results, at most PER_PAGE_ON_TOP sections of one page: one long
  // page must not push every other page out of sight.
  var TOP_PLACES = 5;
  var PER_PAGE_ON_TOP = 2;

  // ---------------------------------------------------------------- normalisation
  // The same rules as sitesearch/normalize.py; tests/search_normalize_cases.yml runs both.

  var DROPPED = /[\s\-\u2010-\u2015\u2212\u30fc\u30fb]/g;
  var JOINING = /^[\p{M}\uff9e\uff9f\u3099\u309a]$/u;

  // Characters that NFKC and lower-casing leave as they are: skip normalize() for speed.
  function isStable(code) {
    return (
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x3041 && code <= 0x3096) ||
      (code >= 0x30a1 && code <= 0x30fa) ||
      (code >= 0x4e00 && code <= 0x9fff)
    );
  }

  /*
   * Normalises text one unit at a time (a character with the combining marks after it)
   * and remembers, for each output character, the span of the input it came from.
   */
  function normalizeWithMap(text) {
    var out = [];
    var starts = [];
    var ends = [];
    var i = 0;
    while (i < text.length) {
      var start = i;
      var code = text.codePointAt(i);
      i += code > 0xffff ? 2 : 1;
      while (i < text.length) {
        var next = text.codePointAt(i);
        // No combining mark comes before U+0300: most characters skip the regular expression.
        if (next < 0x300 || !JOINING.test(String.fromCodePoint(next))) break;
        i += next > 0xffff ? 2 : 1;
      }
      var unit = text.slice(start, i);
      var normal =
        i - start === 1 && isStable(code) ? unit : unit.normalize("NFKC").toLowerCase().replace(DROPPED, "");
      for (var k = 0; k < normal.length; k++) {
        out.push(normal[k]);
        starts.push(start);
        ends.push(i);
      }
    }
    return { text: out.join(""), starts: starts, ends: ends };
  }

  function normalize(text) {
    return normalizeWithMap(text).text;
  }

  function queryTerms(query) {
    var terms = [];
    var parts = query.normalize("NFKC").split(/\s+/);
    for (var i = 0; i < parts.length; i++) {
      var term = normalize(parts[i]);
      if (term && terms.indexOf(term) === -1) terms.push(term);
    }
    return terms;
  }

  // ---------------------------------------------------------------- matching and ranking

  function countUpTo(haystack, needle, from, limit) {
    var count = 0;
    while (from !== -1 && count < limit) {
      count++;
      from = haystack.indexOf(needle, from + needle.length);
    }
    return count;
  }

  function averageBodyLength(index) {
    if (!index.averageBodyLength) {
      var total = 0;
      for (var s = 0; s < index.sections.length; s++) total += index.sections[s][5].length;
      index.averageBodyLength = Math.max(1, total / Math.max(1, index.sections.length));
    }
    return index.averageBodyLength;
  }

  /*
   * Every section that holds every term (in its page title, heading or text), best first:
   * hits in headings and titles rank above hits in the body; ties keep the site's order.
   */
  function search(index, query) {
    var terms = queryTerms(query);
    var hits = [];
    if (!terms.length) return { terms: terms, hits: hits };
    var pages = index.pages;
    var sections = index.sections;
    var averageLength = averageBodyLength(index);
    for (var s = 0; s < sections.length; s++) {
      var row = sections[s];
      var isIntro = row[1] === "";
      var title = pages[row[0]][2];
      var heading = row[4];
      var body = row[5];
      var score = 0;
      for (var t = 0; t < terms.length; t++) {
        var term = terms[t];
        var inHeading = heading.indexOf(term) !== -1;
        var inTitle = title.indexOf(term) !== -1;
        var at = body.indexOf(term);
        if (!inHeading && !inTitle && at === -1) {
          score = -1;
          break;
        }
        if (inHeading) score += SCORE.heading + (heading === term ? SCORE.headingIsTerm : 0);
        if (inTitle) score += isIntro ? SCORE.titleOnIntro : SCORE.titleOnSection;
        if (at !== -1) {
          var times = countUpTo(body, term, at, BODY_HITS);
          var lengthRatio = body.length / averageLength;
          score += (times * (BODY_K1 + 1)) / (times + BODY_K1 * (1 - BODY_B + BODY_B * lengthRatio));
        }
      }
      if (score >= 0) hits.push({ section: s, score: score });
    }
    hits.sort(function (a, b) {
      return b.score - a.score || a.section - b.section;
    });
    return { terms: terms, hits: diversify(hits, sections) };
  }

  /* The best hits, with a page's third and later sections moved below the top places. */
  function diversify(hits, sections) {
    var top = [];
    var rest = [];
    var perPage = Object.create(null);
    for (var i = 0; i < hits.length; i++) {
      var page = sections[hits[i].section][0];
      var count = perPage[page] || 0;
      if (top.length < TOP_PLACES && count < PER_PAGE_ON_TOP) {
        top.push(hits[i]);
        perPage[page] = count + 1;
      } else {
        rest.push(hits[i]);
      }
    }
    return top.concat(rest);
  }

  /* For a query with no hit: a broader one that has hits. Fewer words first (dropping the
     word that leaves the most hits); for one word, the longest part of it that is found. */
  function broaderQuery(index, query) {
    // The words as typed (not normalised), so that the suggestion reads as the user wrote it.
    var terms = query.trim().split(/[\s\u3000]+/).filter(function (word) {
      return normalize(word) !== "";
    });
    var best = null;
    function consider(candidate) {
      var count = search(index, candidate).hits.length;
      if (count && (!best || count > best.count)) best = { query: candidate, count: count };
    }
    if (terms.length > 1) {
      for (var i = 0; i < terms.length; i++) consider(terms.slice(0, i).concat(terms.slice(i + 1)).join(" "));
      return best;
    }
    var term = terms[0] || "";
    var chars = Array.from(term);
    for (var length = chars.length - 1; length >= 2 && !best; length--) {
      for (var start = 0; start + length <= chars.length; start++) consider(chars.slice(start, start + length).join(""));
    }
    return best;
  }

  // ---------------------------------------------------------------- highlighting

  // Spans [start, end) of the original text where any term occurs, merged and in order.
  function matchSpans(text, terms) {
    var mapped = normalizeWithMap(text);
    var spans = [];
    for (var t = 0; t < terms.length; t++) {
      var at = mapped.text.indexOf(terms[t]);
      while (at !== -1) {
        spans.push([mapped.starts[at], mapped.ends[at + terms[t].length - 1]]);
        at = mapped.text.indexOf(terms[t], at + terms[t].length);
      }
    }
    spans.sort(function (a, b) {
      return a[0] - b[0];
    });
    var merged = [];
    for (var i = 0; i < spans.length; i++) {
      var last = merged[merged.length - 1];
      if (last && spans[i][0] <= last[1]) last[1] = Math.max(last[1], spans[i][1]);
      else merged.push(spans[i].slice());
    }
    return merged;
  }

  function appendHighlighted(parent, text, spans, from, to) {
    var at = from;
    for (var i = 0; i < spans.length; i++) {
      var start = Math.max(spans[i][0], from);
      var end = Math.min(spans[i][1], to);
      if (end <= start) continue;
      if (start > at) parent.appendChild(document.createTextNode(text.slice(at, start)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      parent.appendChild(mark);
      at = end;
    }
    if (at < to) parent.appendChild(document.createTextNode(text.slice(at, to)));
  }

  // A window of the section's text around its first hit, with every hit marked.
  function appendSnippet(parent, text, terms) {
    var spans = matchSpans(text, terms);
    var from = spans.length ? Math.max(0, spans[0][0] - SNIPPET_BEFORE) : 0;
    var to = Math.min(text.length, from + SNIPPET_LENGTH);
    if (from > 0) parent.appendChild(document.createTextNode("…"));
    appendHighlighted(parent, text, spans, from, to);
    if (to < text.length) parent.appendChild(document.createTextNode("…"));
  }


  // ---------------------------------------------------------------- the index script

  var box = window.DXSearch.box; // what assets/search.js built: ui, run, siteRoot, …
  var siteRoot = box.siteRoot;
  var index = null;
  var indexState = "idle"; // idle, loading, ready, failed
  var whenLoaded = [];

  function loadIndex(then) {
    if (then) whenLoaded.push(then);
    if (indexState === "ready") return flush();
    if (indexState === "loading") return;
    // idle, or failed before: (try again to) load it.
    indexState = "loading";
    box.addScript("search/dx-index.js", "dx-search-version", function (ok) {
      var data = window[INDEX_GLOBAL];
      var usable = ok && data && data.version === INDEX_VERSION;
      index = usable ? data : null;
      indexState = usable ? "ready" : "failed";
      flush();
    });
  }

  function flush() {
    var waiting = whenLoaded;
    whenLoaded = [];
    for (var i = 0; i < waiting.length; i++) waiting[i]();
  }

  // ---------------------------------------------------------------- searching and showing

  var TEXT = {
    more: "さらに表示",
    failed: "検索の索引を読み込めませんでした。ページを再読み込みしてください。",
    none: "見つかりませんでした。言葉を短くするか、別の言い方を試してください。",
    suggest: "次も試せます:",
    broader: function (query, count) {
      return "「" + query + "」で探す(" + count + "件)";
    },
    glossary: "用語集で言葉を調べる",
    faq: "よくある質問の一覧を見る",
    found: function (count) {
      return count + "件見つかりました";
    },
  };

  function element(tag, className, attributes) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    for (var name in attributes || {}) el.setAttribute(name, attributes[name]);
    return el;
  }

  var ui = box.ui;
  var current = { query: null, terms: [], hits: [], shown: 0 };

  /* The query in the box (not empty), searched and shown; returns the number of hits. */
  function show() {
    if (indexState !== "ready") {
      if (indexState !== "failed") ui.status.textContent = box.TEXT.loading;
      loadIndex(function () {
        if (indexState === "failed") ui.status.textContent = TEXT.failed;
        else box.run();
      });
      return 0;
    }
    var query = ui.input.value;
    if (query === current.query) return current.hits.length;
    var found = search(index, query);
    current = { query: query, terms: found.terms, hits: found.hits, shown: 0 };
    box.clearResults();
    ui.scrollwrap.scrollTop = 0;
    ui.status.textContent = found.hits.length ? TEXT.found(found.hits.length) : TEXT.none;
    if (!found.hits.length) showSuggestions(query);
    showMore();
    return found.hits.length;
  }

  /* Where to go when nothing was found: a broader query, the glossary, the FAQ index. */
  function showSuggestions(query) {
    var intro = element("p");
    intro.textContent = TEXT.suggest;
    var list = element("ul");
    var broader = broaderQuery(index, query);
    if (broader) {
      var button = element("button", "dx-search-broader", { type: "button" });
      button.textContent = TEXT.broader(broader.query, broader.count);
      button.addEventListener("click", function () {
        ui.input.value = broader.query;
        box.run();
        ui.input.focus();
      });
      var item = element("li");
      item.appendChild(button);
      list.appendChild(item);
    }
    [
      [TEXT.glossary, /^glossary(\/|\.html)$/],
      [TEXT.faq, /^faq(\/|\/index\.html)$/],
    ].forEach(function (target) {
      for (var i = 0; i < index.pages.length; i++) {
        if (!target[1].test(index.pages[i][0])) continue;
        var link = element("a", "", { href: new URL(index.pages[i][0], siteRoot).href });
        link.textContent = target[0];
        var li = element("li");
        li.appendChild(link);
        list.appendChild(li);
        return;
      }
    });
    ui.suggest.appendChild(intro);
    ui.suggest.appendChild(list);
    ui.suggest.hidden = false;
  }

  function showMore() {
    var more = ui.list.querySelector(".dx-search-more");
    if (more) ui.list.removeChild(more);
    var until = Math.min(current.hits.length, current.shown + PAGE_SIZE);
    var firstNew = null;
    for (var i = current.shown; i < until; i++) {
      var item = resultItem(index.sections[current.hits[i].section], current.terms);
      firstNew = firstNew || item;
      ui.list.appendChild(item);
    }
    current.shown = until;
    if (until < current.hits.length) {
      var li = element("li", "md-search-result__item dx-search-more");
      var button = element("button", "md-button", { type: "button" });
      button.textContent = TEXT.more + "(残り" + (current.hits.length - until) + "件)";
      button.addEventListener("click", function () {
        var next = showMore();
        if (next) next.querySelector("a").focus();
      });
      li.appendChild(button);
      ui.list.appendChild(li);
    }
    return firstNew;
  }

  function resultItem(row, terms) {
    var page = index.pages[row[0]];
    var item = element("li", "md-search-result__item");
    var link = element("a", "md-search-result__link", {
      href: new URL(page[0] + (row[1] ? "#" + row[1] : ""), siteRoot).href,
    });
    var article = element("article", "md-search-result__article md-typeset");
    var heading = element("p", "dx-search-result__heading");
    appendHighlighted(heading, row[2], matchSpans(row[2], terms), 0, row[2].length);
    article.appendChild(heading);
    // The kind of page (ステップ, よくある質問, …), and the page's title when it is not the heading.
    var where = element("p", "dx-search-result__page");
    if (page[3]) {
      var kind = element("span", "dx-search-result__kind");
      kind.textContent = page[3];
      where.appendChild(kind);
    }
    if (row[1] !== "" || page[1] !== row[2]) where.appendChild(document.createTextNode(page[1]));
    if (where.firstChild) article.appendChild(where);
    if (row[3]) {
      var teaser = element("p", "md-search-result__teaser");
      appendSnippet(teaser, row[3], terms);
      article.appendChild(teaser);
    }
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  // For assets/search.js, tests and the bench: the same functions the box uses.
  var api = window.DXSearch;
  api.engine = {
    show: show,
    loadIndex: loadIndex,
    reset: function () {
      current = { query: "", terms: [], hits: [], shown: 0 };
    },
  };
  api.normalize = normalize;
  api.queryTerms = queryTerms;
  api.search = function (query) {
    return index ? search(index, query) : null;
  };
  api.locations = function (query) {
    if (!index) return null;
    return search(index, query).hits.map(function (hit) {
      var row = index.sections[hit.section];
      return index.pages[row[0]][0] + (row[1] ? "#" + row[1] : "");
    });
  };
})();
