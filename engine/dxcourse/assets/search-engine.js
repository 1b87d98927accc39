/*
 * The site search's engine (issue 7; issue 14: loaded on first use). assets/search.js builds
 * the header box on every page and adds this script the first time the box is used (focus,
 * "/" or typing), then search/dx-index.js, which build/search_index.py writes at build time.
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
  var INDEX_VERSION = 3;
  var PAGE_SIZE = 20;
  var SNIPPET_BEFORE = 30;
  var SNIPPET_LENGTH = 110;
  var SCORE = {
    heading: 10, // the term is in the section's heading
    headingIsTerm: 5, // ...and the heading is nothing but the term
    titleOnIntro: 8, // in the page title, for the page's first section
    titleOnSection: 3, // in the page title, for its other sections
    keyword: 10, // in the page's keywords (front matter search.keywords), for its first section
  };
  var OTHER_KIND = "ページ"; // sitesearch/kinds.py's kind for a page it does not know
  var HINTS = 3; // words offered when nothing is found
  var VOCABULARY_MAX = 24; // characters: longer titles and headings are sentences, not words
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
  // One joining mark on its own (the class lists marks on purpose, none combines with another).
  // eslint-disable-next-line no-misleading-character-class
  var JOINING = /^[\p{M}\uff9e\uff9f\u3099\u309a]$/u;
  var LONG_VOWEL = /[\u30fc\uff70]/; // ー and half-width ｰ, before normalisation drops them

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
    text = typeof text === "string" ? text : "";
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

  // ---------------------------------------------------------------- hiragana and katakana

  /* Hiragana (ぁ-ゖ, ゝゞ) as katakana; everything else as it is. Same length, character for
     character, so a match can still be mapped back onto the text. */
  function toKatakana(text) {
    return String(text).replace(/[\u3041-\u3096\u309d\u309e]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) + 0x60);
    });
  }

  /* Katakana (ァ-ヶ, ヽヾ) as hiragana; ヷ-ヺ, which hiragana lacks, stay. */
  function toHiragana(text) {
    return String(text).replace(/[\u30a1-\u30f6\u30fd\u30fe]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0x60);
    });
  }

  /*
   * The forms a typed word is looked for in: as typed, in katakana, in hiragana (each
   * normalised; the same form once). びじょん finds ビジョン, ウレシサ finds うれしさ.
   * A word written with the long-vowel mark ー is not looked for in hiragana: normalisation
   * drops ー, and カード would otherwise match かど in every 「…かどうか」.
   */
  function variants(word) {
    var term = normalize(word);
    if (!term) return [];
    var out = [term];
    function add(form) {
      if (form && out.indexOf(form) === -1) out.push(form);
    }
    add(toKatakana(term));
    if (!LONG_VOWEL.test(word)) add(toHiragana(term));
    return out;
  }

  function words(query) {
    return String(query || "")
      .normalize("NFKC")
      .split(/\s+/)
      .filter(function (word) {
        return normalize(word) !== "";
      });
  }

  /* The query's terms, normalised, each once (as typed: variants() adds the other script). */
  function queryTerms(query) {
    var terms = [];
    words(query).forEach(function (word) {
      var term = normalize(word);
      if (terms.indexOf(term) === -1) terms.push(term);
    });
    return terms;
  }

  /* For each term of the query, the forms it is looked for in. */
  function queryForms(query) {
    var seen = [];
    var forms = [];
    words(query).forEach(function (word) {
      var term = normalize(word);
      if (seen.indexOf(term) !== -1) return;
      seen.push(term);
      forms.push(variants(word));
    });
    return forms;
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

  /* The first of `forms` found in `text`: { form, at }, or null. */
  function firstFound(text, forms) {
    for (var i = 0; i < forms.length; i++) {
      var at = text.indexOf(forms[i]);
      if (at !== -1) return { form: forms[i], at: at };
    }
    return null;
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
   * Every section that holds every term (in its page title, heading, text, or for the
   * page's first section its keywords), best first: hits in headings, titles and keywords
   * rank above hits in the body; ties keep the site's order.
   * Returns { terms: every form looked for (to highlight), hits: [{ section, score }] }.
   */
  function search(index, query) {
    var forms = queryForms(query);
    var needles = [];
    forms.forEach(function (list) {
      list.forEach(function (form) {
        if (needles.indexOf(form) === -1) needles.push(form);
      });
    });
    var hits = [];
    if (!forms.length || !index || !index.sections) return { terms: needles, hits: hits };
    var pages = index.pages;
    var sections = index.sections;
    var averageLength = averageBodyLength(index);
    for (var s = 0; s < sections.length; s++) {
      var row = sections[s];
      var isIntro = row[1] === "";
      var page = pages[row[0]];
      var title = page[2];
      var keywords = isIntro ? page[5] || "" : "";
      var heading = row[4];
      var body = row[5];
      var score = 0;
      for (var t = 0; t < forms.length; t++) {
        var inHeading = firstFound(heading, forms[t]);
        var inTitle = firstFound(title, forms[t]);
        var inKeywords = keywords ? firstFound(keywords, forms[t]) : null;
        var inBody = firstFound(body, forms[t]);
        if (!inHeading && !inTitle && !inKeywords && !inBody) {
          score = -1;
          break;
        }
        if (inHeading) score += SCORE.heading + (heading === inHeading.form ? SCORE.headingIsTerm : 0);
        if (inTitle) score += isIntro ? SCORE.titleOnIntro : SCORE.titleOnSection;
        if (inKeywords) score += SCORE.keyword;
        if (inBody) {
          var times = countUpTo(body, inBody.form, inBody.at, BODY_HITS);
          var lengthRatio = body.length / averageLength;
          score += (times * (BODY_K1 + 1)) / (times + BODY_K1 * (1 - BODY_B + BODY_B * lengthRatio));
        }
      }
      if (score >= 0) hits.push({ section: s, score: score });
    }
    hits.sort(function (a, b) {
      return b.score - a.score || a.section - b.section;
    });
    return { terms: needles, hits: diversify(hits, sections) };
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

  // ---------------------------------------------------------------- narrowing by kind

  /* The kinds of page among the hits, with their counts, in the site's order (the order the
     kinds first appear in the index, which is the navigation's): [{ kind, count }]. A page
     without a kind counts as ページ. */
  function kindCounts(index, hits) {
    var counts = Object.create(null);
    (hits || []).forEach(function (hit) {
      var kind = kindOf(index, hit);
      counts[kind] = (counts[kind] || 0) + 1;
    });
    var out = [];
    index.pages.forEach(function (page) {
      var kind = page[3] || OTHER_KIND;
      if (counts[kind]) {
        out.push({ kind: kind, count: counts[kind] });
        delete counts[kind];
      }
    });
    return out;
  }

  function kindOf(index, hit) {
    return index.pages[index.sections[hit.section][0]][3] || OTHER_KIND;
  }

  /* The hits on pages of one kind, in their order; all of them for no kind (""). */
  function hitsOfKind(index, hits, kind) {
    if (!kind) return (hits || []).slice();
    return (hits || []).filter(function (hit) {
      return kindOf(index, hit) === kind;
    });
  }

  // ---------------------------------------------------------------- when nothing is found

  /*
   * The index's own words: page titles, section headings (a glossary term is one) and the
   * pages' keywords, each once, as written, with its normalised form: [{ word, normal }].
   * Long headings (a question, a sentence) are left out: a hint is a word to search for.
   */
  function vocabulary(index) {
    if (index.vocabulary) return index.vocabulary;
    var seen = Object.create(null);
    var out = [];
    function add(word) {
      word = String(word || "").trim();
      if (!word || Array.from(word).length > VOCABULARY_MAX) return;
      var normal = normalize(word);
      if (!normal || seen[normal]) return;
      seen[normal] = true;
      out.push({ word: word, normal: normal });
    }
    (index.pages || []).forEach(function (page) {
      add(page[1]);
      String(page[4] || "")
        .split("\n")
        .forEach(add);
    });
    (index.sections || []).forEach(function (row) {
      add(row[2]);
    });
    index.vocabulary = out;
    return out;
  }

  /*
   * For a word with no hit: words of the index that share the longest part of it (at least
   * a third of it, and at least 2 characters, 3 for letters and digits), in either kana
   * script; shorter words first,
   * then those with more hits. Up to HINTS of them: [{ query, count }].
   */
  function similarWords(index, word) {
    var forms = variants(word);
    if (!forms.length) return [];
    var chars = Array.from(forms[0]);
    // ASCII only (the whole range from U+0000 on purpose): Latin words need longer hints.
    // eslint-disable-next-line no-control-regex
    var shortest = Math.max(/^[\x00-\x7f]*$/.test(forms[0]) ? 3 : 2, Math.ceil(chars.length / 3));
    var words = vocabulary(index);
    for (var length = chars.length; length >= shortest; length--) {
      var found = [];
      for (var start = 0; start + length <= chars.length; start++) {
        var parts = variants(chars.slice(start, start + length).join(""));
        words.forEach(function (entry) {
          if (found.indexOf(entry) !== -1) return;
          for (var p = 0; p < parts.length; p++) {
            if (entry.normal.indexOf(parts[p]) !== -1) {
              found.push(entry);
              return;
            }
          }
        });
      }
      var counted = found
        .map(function (entry) {
          return { query: entry.word, count: search(index, entry.word).hits.length };
        })
        .filter(function (hint) {
          return hint.count > 0;
        });
      if (counted.length) {
        counted.sort(function (a, b) {
          return Array.from(a.query).length - Array.from(b.query).length || b.count - a.count;
        });
        return counted.slice(0, HINTS);
      }
    }
    return [];
  }

  /* For a query with no hit, what to search for instead: [{ query, count }], best first.
     Fewer words first (what the user typed, without the word that found nothing); for one
     word, or when no shorter query finds anything, words of the index like the longest one. */
  function suggestions(index, query) {
    var typed = String(query || "").trim().split(/[\s\u3000]+/).filter(function (word) {
      return normalize(word) !== "";
    });
    if (!typed.length) return [];
    if (typed.length > 1) {
      var best = null;
      for (var i = 0; i < typed.length; i++) {
        var candidate = typed.slice(0, i).concat(typed.slice(i + 1)).join(" ");
        var count = search(index, candidate).hits.length;
        if (count && (!best || count > best.count)) best = { query: candidate, count: count };
      }
      if (best) return [best];
    }
    var longest = typed.slice().sort(function (a, b) {
      return Array.from(b).length - Array.from(a).length;
    })[0];
    return similarWords(index, longest);
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

  /* The window [from, to) of a section's text shown under a result: around its first hit. */
  function snippetWindow(text, spans) {
    var from = spans.length ? Math.max(0, spans[0][0] - SNIPPET_BEFORE) : 0;
    return { from: from, to: Math.min(text.length, from + SNIPPET_LENGTH) };
  }

  // A window of the section's text around its first hit, with every hit marked.
  function appendSnippet(parent, text, terms) {
    var spans = matchSpans(text, terms);
    var window_ = snippetWindow(text, spans);
    var from = window_.from;
    var to = window_.to;
    if (from > 0) parent.appendChild(document.createTextNode("…"));
    appendHighlighted(parent, text, spans, from, to);
    if (to < text.length) parent.appendChild(document.createTextNode("…"));
  }


  // ---------------------------------------------------------------- the page (browser only)

  function startInBrowser() {
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

    var TEXT = {
      more: "さらに表示",
      failed: "検索の索引を読み込めませんでした。ページを再読み込みしてください。",
      none: "見つかりませんでした。言葉を短くするか、別の言い方を試してください。",
      suggest: "次の言葉で探せます:",
      noSuggestion: "このサイトには、近い言葉も見つかりませんでした。次から探せます:",
      hint: function (query, count) {
        return "「" + query + "」で探す(" + count + "件)";
      },
      glossary: "用語集で言葉を調べる",
      faq: "よくある質問の一覧を見る",
      found: function (count) {
        return count + "件見つかりました";
      },
      foundOfKind: function (count, kind, shown) {
        return count + "件見つかりました。「" + kind + "」の" + shown + "件を表示しています";
      },
      kinds: "ページの種類で絞り込む",
      all: "すべて",
    };

    function element(tag, className, attributes) {
      var el = document.createElement(tag);
      if (className) el.className = className;
      for (var name in attributes || {}) el.setAttribute(name, attributes[name]);
      return el;
    }

    var ui = box.ui;
    // The kind chosen stays chosen while the query changes, as long as it has hits.
    var current = { query: null, terms: [], all: [], hits: [], shown: 0, kind: "" };

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
      if (query === current.query) return current.all.length;
      var found = search(index, query);
      var kind = current.kind;
      if (kind && !hitsOfKind(index, found.hits, kind).length) kind = "";
      current = { query: query, terms: found.terms, all: found.hits, hits: hitsOfKind(index, found.hits, kind), shown: 0, kind: kind };
      box.clearResults();
      ui.scrollwrap.scrollTop = 0;
      showStatus();
      if (!found.hits.length) showSuggestions(query);
      else showKinds();
      showMore();
      return found.hits.length;
    }

    function showStatus() {
      if (!current.all.length) ui.status.textContent = TEXT.none;
      else if (current.kind) ui.status.textContent = TEXT.foundOfKind(current.all.length, current.kind, current.hits.length);
      else ui.status.textContent = TEXT.found(current.all.length);
    }

    /* Buttons that narrow the results to one kind of page, when they are on more than one. */
    function showKinds() {
      var holder = ui.kinds;
      if (!holder) return;
      holder.textContent = "";
      var counts = kindCounts(index, current.all);
      if (counts.length < 2) {
        holder.hidden = true;
        return;
      }
      var label = element("span", "dx-search-kinds__label", { id: "dx-search-kinds-label" });
      label.textContent = TEXT.kinds;
      holder.appendChild(label);
      [{ kind: "", count: current.all.length }].concat(counts).forEach(function (entry) {
        var button = element("button", "dx-search-kind", { type: "button", "aria-pressed": String(entry.kind === current.kind) });
        button.textContent = (entry.kind || TEXT.all) + "(" + entry.count + ")";
        button.addEventListener("click", function () {
          narrow(entry.kind);
        });
        holder.appendChild(button);
      });
      holder.hidden = false;
    }

    function narrow(kind) {
      current.kind = kind;
      current.hits = hitsOfKind(index, current.all, kind);
      current.shown = 0;
      while (ui.list.firstChild) ui.list.removeChild(ui.list.firstChild);
      var buttons = ui.kinds.querySelectorAll("button");
      for (var i = 0; i < buttons.length; i++) {
        var pressed = buttons[i].textContent.indexOf((kind || TEXT.all) + "(") === 0;
        buttons[i].setAttribute("aria-pressed", String(pressed));
      }
      showStatus();
      showMore();
    }

    /* Where to go when nothing was found: words of the index, the glossary, the FAQ index. */
    function showSuggestions(query) {
      var hints = suggestions(index, query);
      var intro = element("p");
      intro.textContent = hints.length ? TEXT.suggest : TEXT.noSuggestion;
      var list = element("ul");
      hints.forEach(function (hint) {
        var button = element("button", "dx-search-broader", { type: "button" });
        button.textContent = TEXT.hint(hint.query, hint.count);
        button.addEventListener("click", function () {
          ui.input.value = hint.query;
          box.run();
          ui.input.focus();
        });
        var item = element("li");
        item.appendChild(button);
        list.appendChild(item);
      });
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
        current = { query: "", terms: [], all: [], hits: [], shown: 0, kind: current.kind };
      },
    };
    api.normalize = normalize;
    api.queryTerms = queryTerms;
    api.search = function (query) {
      return index ? search(index, query) : null;
    };
    api.suggestions = function (query) {
      return index ? suggestions(index, query) : null;
    };
    api.locations = function (query) {
      if (!index) return null;
      return search(index, query).hits.map(function (hit) {
        var row = index.sections[hit.section];
        return index.pages[row[0]][0] + (row[1] ? "#" + row[1] : "");
      });
    };
  }

  if (typeof window === "object" && window.DXSearch && window.DXSearch.box) startInBrowser();

  // For Node's tests (tests/js/search-engine.test.js): the pure functions, on data.
  if (typeof module === "object" && module.exports) {
    module.exports = {
      INDEX_VERSION: INDEX_VERSION,
      SCORE: SCORE,
      normalize: normalize,
      normalizeWithMap: normalizeWithMap,
      toKatakana: toKatakana,
      toHiragana: toHiragana,
      variants: variants,
      queryTerms: queryTerms,
      queryForms: queryForms,
      search: search,
      kindCounts: kindCounts,
      hitsOfKind: hitsOfKind,
      vocabulary: vocabulary,
      suggestions: suggestions,
      matchSpans: matchSpans,
      snippetWindow: snippetWindow,
    };
  }
})();
