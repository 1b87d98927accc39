// The site search's pure functions (engine/dxcourse/assets/search-engine.js) on small indexes made
// here, in the index's own format (sitesearch/index.py, version 3).
"use strict";

const test = require("node:test");
const assert = require("node:assert");
const path = require("node:path");

const engine = require(path.join(__dirname, "../../engine/dxcourse/assets/search-engine.js"));
const { normalize } = engine;

/* An index of pages [url, title, kind, keywords[], sections [[anchor, heading, text]]]. */
function makeIndex(pages) {
  const index = { version: engine.INDEX_VERSION, pages: [], sections: [] };
  pages.forEach(([url, title, kind, keywords, sections], number) => {
    index.pages.push([url, title, normalize(title), kind, keywords.join("\n"), keywords.map(normalize).join("\n")]);
    sections.forEach(([anchor, heading, text]) => {
      index.sections.push([number, anchor, heading, text, normalize(heading), normalize(text)]);
    });
  });
  return index;
}

function locations(index, query) {
  return engine.search(index, query).hits.map((hit) => {
    const row = index.sections[hit.section];
    return index.pages[row[0]][0] + (row[1] ? "#" + row[1] : "");
  });
}

const SITE = makeIndex([
  ["", "トップ", "トップ", [], [["", "トップ", "自治体DXの自習ガイドです。かどうかを確かめます。"]]],
  [
    "steps/",
    "ステップ",
    "ステップ",
    [],
    [
      ["", "ステップ", "国民健康保険などの17業務。"],
      ["vision", "ビジョンを描く", "うれしさから始めます。"],
    ],
  ],
  ["faq/card/", "マイナンバーカードの交付", "よくある質問", [], [["", "マイナンバーカードの交付", "窓口の混雑。"]]],
  ["glossary/", "用語集", "用語集", [], [["", "用語集", "言葉の説明"], ["pmo", "PMO", "調整の役割"], ["change", "チェンジマネジメント", "変化を支える。"]]],
  ["progress/", "わたしの進捗", "わたしの進捗", ["バックアップ", "記録の書き出し"], [["", "わたしの進捗", "進み具合を書き出します。"]]],
  ["hr/", "人事部門の方へ", "人事部門向け", ["職員名簿"], [["", "人事部門の方へ", "人事の流れ。"], ["list", "名簿を用意する", "職員番号の列。"]]],
  ["curriculum/", "研修カリキュラム", "研修", [], [["", "研修カリキュラム", "人事部門と学ぶ順。"]]],
  ["new/", "新しいページ", "", [], [["", "新しいページ", "人事の話もある。"]]],
]);

// ---------------------------------------------------------------- normalisation

test("normalize folds width, case, long vowels, dashes, dots and spaces", () => {
  assert.strictEqual(normalize("ＲＰＡ"), "rpa");
  assert.strictEqual(normalize("ＡＩ－ＯＣＲ"), "aiocr");
  assert.strictEqual(normalize("ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ"), "マイナンバカド");
  assert.strictEqual(normalize("ビジネス・アーキテクト"), "ビジネスアキテクト");
  assert.strictEqual(normalize("推進\n計画"), "推進計画");
  assert.strictEqual(normalize("か\u3099"), "が");
  assert.strictEqual(normalize(""), "");
});

test("normalize takes anything that is not a string as empty", () => {
  for (const bad of [undefined, null, 17, {}, []]) assert.strictEqual(normalize(bad), "");
});

test("normalizeWithMap maps every normalised character back to its source", () => {
  const mapped = engine.normalizeWithMap("ＲＰＡ ｶﾞ");
  assert.strictEqual(mapped.text, "rpaガ");
  assert.deepStrictEqual(mapped.starts, [0, 1, 2, 4]);
  assert.deepStrictEqual(mapped.ends, [1, 2, 3, 6]); // ｶﾞ is two characters of the source
});

test("normalisation leaves characters outside the basic plane whole", () => {
  assert.strictEqual(normalize("𠮷野家"), "𠮷野家");
  assert.deepStrictEqual(engine.normalizeWithMap("𠮷a").starts, [0, 0, 2]);
});

// ---------------------------------------------------------------- kana folding

test("hiragana and katakana convert character for character", () => {
  assert.strictEqual(engine.toKatakana("びじょん ゝ abc 漢字"), "ビジョン ヽ abc 漢字");
  assert.strictEqual(engine.toHiragana("ウレシサ ヴ ヵヶ ヷ"), "うれしさ ゔ ゕゖ ヷ"); // ヷ has no hiragana
  assert.strictEqual(engine.toKatakana(engine.toHiragana("ァヶ")), "ァヶ");
});

test("a word is looked for as typed and in the other kana script", () => {
  assert.deepStrictEqual(engine.variants("びじょん"), ["びじょん", "ビジョン"]);
  assert.deepStrictEqual(engine.variants("ウレシサ"), ["ウレシサ", "うれしさ"]);
  assert.deepStrictEqual(engine.variants("RPA"), ["rpa"]);
  assert.deepStrictEqual(engine.variants("ー"), []);
});

test("a word with the long-vowel mark is not looked for in hiragana", () => {
  // カード normalises to カド; as かど it would match every 「かどうか」.
  assert.deepStrictEqual(engine.variants("カード"), ["カド"]);
  assert.deepStrictEqual(engine.variants("ｶｰﾄﾞ"), ["カド"]);
  assert.deepStrictEqual(engine.variants("たうんみーてぃんぐ"), ["たうんみてぃんぐ", "タウンミティング"]);
});

test("hiragana finds katakana and katakana finds hiragana, with the same results", () => {
  assert.deepStrictEqual(locations(SITE, "びじょん"), locations(SITE, "ビジョン"));
  assert.deepStrictEqual(locations(SITE, "びじょん"), ["steps/#vision"]);
  assert.deepStrictEqual(locations(SITE, "ウレシサ"), ["steps/#vision"]);
  assert.deepStrictEqual(locations(SITE, "ちぇんじまねーじめんと"), ["glossary/#change"]);
});

test("カード does not find かどうか", () => {
  assert.deepStrictEqual(locations(SITE, "カード"), ["faq/card/"]);
});

// ---------------------------------------------------------------- terms and matching

test("queryTerms splits on any space, normalises, and keeps each term once", () => {
  assert.deepStrictEqual(engine.queryTerms("標準化　ＲＰＡ rpa"), ["標準化", "rpa"]);
  assert.deepStrictEqual(engine.queryTerms("  ー ・ "), []);
  assert.deepStrictEqual(engine.queryTerms(undefined), []);
});

test("every term must match; an empty query finds nothing", () => {
  assert.deepStrictEqual(locations(SITE, "人事 職員番号"), ["hr/#list"]);
  assert.deepStrictEqual(locations(SITE, "人事 存在しない"), []);
  assert.deepStrictEqual(locations(SITE, ""), []);
  assert.deepStrictEqual(locations(SITE, "   "), []);
});

test("compounds and parts of words are found", () => {
  assert.deepStrictEqual(locations(SITE, "健康保険"), ["steps/"]);
  assert.deepStrictEqual(locations(SITE, "カード"), ["faq/card/"]);
  assert.deepStrictEqual(locations(SITE, "１７業務"), ["steps/"]);
  assert.deepStrictEqual(locations(SITE, "pmo"), ["glossary/#pmo"]);
});

test("a heading hit ranks above body hits, and a heading that is the term above that", () => {
  const index = makeIndex([
    ["a/", "A", "", [], [["", "A", "人材 人材 人材 人材"]]],
    ["b/", "B", "", [], [["", "B", "x"], ["h", "人材の育成", "y"]]],
    ["c/", "C", "", [], [["", "C", "x"], ["t", "人材", "y"]]],
  ]);
  assert.deepStrictEqual(locations(index, "人材"), ["c/#t", "b/#h", "a/"]);
});

test("a page's keywords find its first section only, and score like a heading", () => {
  assert.deepStrictEqual(locations(SITE, "バックアップ"), ["progress/"]);
  const hits = engine.search(SITE, "バックアップ").hits;
  assert.strictEqual(hits[0].score, engine.SCORE.keyword);
  // 名簿 is in one of the page's keywords (職員名簿) and in a heading.
  assert.deepStrictEqual(locations(SITE, "名簿"), ["hr/", "hr/#list"]);
});

test("a term never matches across two keywords", () => {
  assert.deepStrictEqual(locations(SITE, "バックアップ記録"), []);
});

test("ties keep the site's order, and one page takes at most two of the first five places", () => {
  const many = [];
  for (let p = 0; p < 3; p++) {
    const sections = [];
    for (let s = 0; s < 4; s++) sections.push([s ? "s" + s : "", "題" + s, "同じ語"]);
    many.push(["p" + p + "/", "P" + p, "", [], sections]);
  }
  const found = locations(makeIndex(many), "同じ語");
  assert.strictEqual(found.length, 12);
  const top = found.slice(0, 5).map((l) => l.split("#")[0]);
  for (const page of ["p0/", "p1/", "p2/"]) assert.ok(top.filter((p) => p === page).length <= 2, top);
  assert.deepStrictEqual(top, ["p0/", "p0/", "p1/", "p1/", "p2/"]);
});

test("search survives a missing or empty index", () => {
  assert.deepStrictEqual(engine.search(null, "人事").hits, []);
  assert.deepStrictEqual(engine.search({ pages: [], sections: [] }, "人事").hits, []);
});

// ---------------------------------------------------------------- narrowing by kind

test("kinds are counted in the site's order, a page without a kind as ページ", () => {
  const hits = engine.search(SITE, "人事").hits;
  assert.deepStrictEqual(engine.kindCounts(SITE, hits), [
    { kind: "人事部門向け", count: 2 },
    { kind: "研修", count: 1 },
    { kind: "ページ", count: 1 },
  ]);
  assert.deepStrictEqual(engine.kindCounts(SITE, []), []);
});

test("hitsOfKind keeps the order; no kind keeps them all", () => {
  const hits = engine.search(SITE, "人事").hits;
  assert.deepStrictEqual(engine.hitsOfKind(SITE, hits, ""), hits);
  assert.deepStrictEqual(engine.hitsOfKind(SITE, hits, "人事部門向け").map((h) => SITE.sections[h.section][0]), [5, 5]);
  assert.deepStrictEqual(engine.hitsOfKind(SITE, hits, "ページ").length, 1);
  assert.deepStrictEqual(engine.hitsOfKind(SITE, hits, "ない種類"), []);
});

// ---------------------------------------------------------------- when nothing is found

test("the vocabulary is titles, headings and keywords, each once, without sentences", () => {
  const index = makeIndex([
    ["a/", "人事部門の方へ", "", ["職員名簿"], [["", "人事部門の方へ", "x"], ["q", "これはとても長い見出しで質問の形をした一つの文になっています", "y"]]],
    ["b/", "ＰＭＯ", "", [], [["", "PMO", "z"]]],
  ]);
  const words = engine.vocabulary(index).map((entry) => entry.word);
  assert.deepStrictEqual(words, ["人事部門の方へ", "職員名簿", "ＰＭＯ"]);
});

test("no-hit hints are words of the index, never fragments of the query", () => {
  const vocabulary = engine.vocabulary(SITE).map((entry) => entry.word);
  for (const query of ["カードリーダー", "ビジョン作成の手順", "職員番号一覧表", "バックアップの方法", "kintone", "びじょんづくり"]) {
    assert.deepStrictEqual(locations(SITE, query), [], query);
    for (const hint of engine.suggestions(SITE, query)) {
      assert.ok(vocabulary.includes(hint.query), `${query} → ${hint.query}`);
      assert.ok(hint.count > 0);
    }
  }
  assert.deepStrictEqual(engine.suggestions(SITE, "ビジョン作成の手順"), [{ query: "ビジョンを描く", count: 1 }]);
  assert.deepStrictEqual(engine.suggestions(SITE, "びじょんづくり"), [{ query: "ビジョンを描く", count: 1 }]);
  assert.deepStrictEqual(engine.suggestions(SITE, "バックアップの方法"), [{ query: "バックアップ", count: 1 }]);
});

test("nothing alike is better than a two-letter fragment", () => {
  assert.deepStrictEqual(engine.suggestions(SITE, "kintone"), []);
  // カードリ shares カド (two of its three characters) with a title: the title is offered.
  assert.deepStrictEqual(engine.suggestions(SITE, "カードリ"), [{ query: "マイナンバーカードの交付", count: 1 }]);
  assert.deepStrictEqual(engine.suggestions(SITE, "ドリル"), []); // nothing shares two characters
  assert.deepStrictEqual(engine.suggestions(SITE, "ー"), []);
  assert.deepStrictEqual(engine.suggestions(SITE, ""), []);
});

test("for several words, the query without the word that found nothing comes first", () => {
  assert.deepStrictEqual(engine.suggestions(SITE, "人事 ほげほげ"), [{ query: "人事", count: 4 }]);
  // Neither word alone finds anything: words like the longest one.
  assert.deepStrictEqual(engine.suggestions(SITE, "ほげ ビジョン作成"), [{ query: "ビジョンを描く", count: 1 }]);
});

test("hints prefer shorter words, then more hits, and stop at three", () => {
  const index = makeIndex([
    ["a/", "データ連携の進め方", "", [], [["", "データ連携の進め方", "データ"]]],
    ["b/", "データ", "", [], [["", "データ", "データ"]]],
    ["c/", "データ活用", "", [], [["", "データ活用", "データ"]]],
    ["d/", "データ標準", "", [], [["", "データ標準", "データ データ"]]],
  ]);
  const hints = engine.suggestions(index, "データ分析基盤").map((h) => h.query);
  assert.deepStrictEqual(hints, ["データ", "データ活用", "データ標準"]);
});

// ---------------------------------------------------------------- highlighting

test("matchSpans marks every hit in the source text, merged", () => {
  assert.deepStrictEqual(engine.matchSpans("ＲＰＡとrpa", ["rpa"]), [[0, 3], [4, 7]]);
  assert.deepStrictEqual(engine.matchSpans("マイナンバーカード", ["カド"]), [[6, 9]]);
  assert.deepStrictEqual(engine.matchSpans("abcd", ["ab", "bc"]), [[0, 3]]);
  assert.deepStrictEqual(engine.matchSpans("なし", ["rpa"]), []);
});

test("the snippet window starts a little before the first hit", () => {
  const text = "あ".repeat(100) + "目印" + "い".repeat(200);
  const window_ = engine.snippetWindow(text, engine.matchSpans(text, ["目印"]));
  assert.strictEqual(window_.from, 70);
  assert.strictEqual(window_.to, 180);
  assert.deepStrictEqual(engine.snippetWindow("短い", []), { from: 0, to: 2 });
});
