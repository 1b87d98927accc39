/*
 * 研修カリキュラム: what the curriculum pages share besides the completion rule
 * (completion.js): the assignment code, dates, the catalog and small helpers. Used by
 * my-learning.js, role-path.js, assign.js and aggregate.js.
 *
 * Assignment code: Crockford base-32 (0-9 and A-Z without I L O U), grouped by four with
 * hyphens. Bits: version (3) | due date as days since 2020-01-01 (16) | one bit per module
 * number (bit n-1 for number n), zero-padded to whole characters, trailing zero characters
 * dropped; then one Luhn mod-32 check character, which catches every single mistyped
 * character and every swap of two neighbours except 0 and Z (values 0 and 31, which Luhn
 * mod 32 cannot tell apart; the assignment link carries no such risk). Input is forgiving: full-width characters,
 * lower case, spaces and hyphens are accepted, and O/I/L are read as 0/1/1.
 */
(function () {
  "use strict";

  var ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  var CODE_VERSION = 1;
  var EPOCH = Date.UTC(2020, 0, 1);
  var DAY = 86400000;
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

  /* 職員番号: NFKC, trimmed, 1-20 of [0-9A-Za-z-]; always a string (leading zeros matter).
     Returns { value } or { error } in plain Japanese. */
  function staffId(text) {
    var s = String(text === undefined || text === null ? "" : text);
    if (s.normalize) s = s.normalize("NFKC");
    s = s.trim();
    if (!s) return { error: "職員番号を入力してください。" };
    if (s.length > 20) return { error: "職員番号は20文字までです。人事部門から知らされた番号を入力してください。" };
    if (!/^[0-9A-Za-z-]+$/.test(s)) return { error: "職員番号に使えるのは数字・英字・ハイフンだけです。空白や記号を除いて入力してください。" };
    return { value: s };
  }

  /* --- dates ------------------------------------------------------------------------ */

  function parseDate(text) {
    var m = ISO_DATE.exec(String(text || ""));
    if (!m) return null;
    var y = +m[1], mo = +m[2], d = +m[3];
    var date = new Date(y, mo - 1, d);
    if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
    return date;
  }

  function isoDate(date) {
    var pad = function (n) {
      return (n < 10 ? "0" : "") + n;
    };
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  function today() {
    return isoDate(new Date());
  }

  function wareki(text) {
    var date = parseDate(text);
    return date ? DX.formatDate(date) : "";
  }

  /* "未完了" until the due day ends; "期限超過" after it. */
  function state(complete, due, asOf) {
    if (complete) return "完了";
    return due && asOf && asOf > due ? "期限超過" : "未完了";
  }

  /* --- assignment code --------------------------------------------------------------- */

  function luhnSum(chars, startFactor) {
    var factor = startFactor;
    var sum = 0;
    for (var i = chars.length - 1; i >= 0; i--) {
      var addend = factor * ALPHABET.indexOf(chars[i]);
      factor = factor === 2 ? 1 : 2;
      sum += Math.floor(addend / 32) + (addend % 32);
    }
    return sum % 32;
  }

  function checkChar(chars) {
    return ALPHABET[(32 - luhnSum(chars, 2)) % 32];
  }

  function group(chars) {
    return chars.match(/.{1,4}/g).join("-");
  }

  /* modules: [{id, number}] chosen; due: "YYYY-MM-DD". Returns "XXXX-XXX". */
  function encode(numbers, due) {
    var date = parseDate(due);
    if (!date) throw new Error("bad due date");
    var days = Math.round((Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) - EPOCH) / DAY);
    if (days < 0 || days >= 65536) throw new Error("due date out of range");
    var bits = [];
    var push = function (value, width) {
      for (var i = width - 1; i >= 0; i--) bits.push((value >> i) & 1);
    };
    push(CODE_VERSION, 3);
    push(days, 16);
    var max = Math.max.apply(null, numbers);
    for (var n = 1; n <= max; n++) bits.push(numbers.indexOf(n) >= 0 ? 1 : 0);
    while (bits.length % 5) bits.push(0);
    var chars = "";
    for (var j = 0; j < bits.length; j += 5) {
      var v = 0;
      for (var k = 0; k < 5; k++) v = (v << 1) | bits[j + k];
      chars += ALPHABET[v];
    }
    while (chars.length > 4 && chars[chars.length - 1] === "0") chars = chars.slice(0, -1);
    return group(chars + checkChar(chars));
  }

  function normalize(text) {
    var s = String(text || "");
    if (s.normalize) s = s.normalize("NFKC");
    return s
      .toUpperCase()
      .replace(/[\s\-_‐‑‒–—―ー−]/g, "")
      .replace(/O/g, "0")
      .replace(/[IL]/g, "1");
  }

  /* Returns { code, due, numbers } or { error } in plain Japanese. */
  function decode(text) {
    var chars = normalize(text);
    if (!chars) return { error: "コードを入力してください。" };
    if (chars.length > 40) return { error: "コードが長すぎます。受講指示書のコードを確かめてください。" };
    for (var i = 0; i < chars.length; i++) {
      if (ALPHABET.indexOf(chars[i]) < 0) return { error: "コードに使えない文字「" + chars[i] + "」があります。使う文字は数字と英字(U以外)です。" };
    }
    if (chars.length < 5) return { error: "コードが短すぎます。受講指示書のコードをすべて入力してください。" };
    if (luhnSum(chars, 1) !== 0) return { error: "コードが正しくありません。打ち間違いがないか、受講指示書と見比べてください。" };
    var body = chars.slice(0, -1);
    var bits = [];
    for (var j = 0; j < body.length; j++) {
      var v = ALPHABET.indexOf(body[j]);
      for (var k = 4; k >= 0; k--) bits.push((v >> k) & 1);
    }
    var read = function (from, width) {
      var value = 0;
      for (var b = from; b < from + width; b++) value = value * 2 + (bits[b] || 0);
      return value;
    };
    if (read(0, 3) !== CODE_VERSION) return { error: "このサイトでは開けない版のコードです。" };
    var days = read(3, 16);
    var utc = new Date(EPOCH + days * DAY);
    var due = isoDate(new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate()));
    var numbers = [];
    for (var n = 19; n < bits.length; n++) if (bits[n]) numbers.push(n - 18);
    if (!numbers.length) return { error: "コードにモジュールが入っていません。" };
    return { code: group(chars), due: due, numbers: numbers };
  }

  function storeKey(code) {
    return "assignment/" + normalize(code).toLowerCase();
  }

  /* Catalog helpers: the page's data-catalog (built from data/curriculum/). */
  function catalogOf(root) {
    var catalog = JSON.parse(root.getAttribute("data-catalog"));
    catalog.byId = Object.create(null);
    catalog.byNumber = Object.create(null);
    catalog.modules.forEach(function (m) {
      catalog.byId[m.id] = m;
      catalog.byNumber[m.number] = m;
    });
    catalog.roleById = Object.create(null);
    catalog.roles.forEach(function (r) {
      catalog.roleById[r.id] = r;
    });
    return catalog;
  }

  function minutes(total) {
    var h = Math.floor(total / 60);
    var m = total % 60;
    return h ? h + "時間" + (m ? m + "分" : "") : m + "分";
  }

  /* A small element with text only: never markup from data. */
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  var api = {
    ID: ID,
    ISO_DATE: ISO_DATE,
    parseDate: parseDate,
    isoDate: isoDate,
    today: today,
    wareki: wareki,
    state: state,
    encode: encode,
    decode: decode,
    normalize: normalize,
    storeKey: storeKey,
    catalogOf: catalogOf,
    minutes: minutes,
    el: el,
    RECORD_FORMAT: "jichitai-dx-completion",
    RECORD_VERSION: 2,
    RECORD_VERSIONS: [1, 2], // versions the readers accept
    staffId: staffId,
  };
  if (typeof window !== "undefined") {
    window.DX = window.DX || {};
    var cur = (window.DX.curriculum = window.DX.curriculum || {});
    Object.keys(api).forEach(function (name) {
      cur[name] = api[name];
    });
  }
  // The pure parts (codes, dates, states) for node --test (tests/js/).
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  }
})();
