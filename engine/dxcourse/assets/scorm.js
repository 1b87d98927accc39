/*
 * SCORM runtime (1.2, and 2004 4th edition), loaded on every page of the SCORM build only
 * (build/scorm.py), first.
 *
 * Two roles:
 * - host: a SCO's launch page (scorm/<module>.html, <meta name="dx-scorm-host">). It finds
 *   the LMS API with the ADL walk, holds the one LMS session for the module and shows the
 *   site's pages in an inner frame. A module's activities live on several pages; moving
 *   between them inside the frame never ends the session (LMSFinish only when the launch
 *   page itself is left).
 * - content: any site page inside a host's frame. It uses the learner's own record (see
 *   storeScope) and reports every change of DX.store to the host.
 * Without an LMS API the launch page opens the module page itself, and every page behaves
 * as in the folder bundle.
 *
 * What travels to the LMS (SCORM 1.2 names; 2004 in EDITIONS): cmi.core.lesson_status
 * (incomplete on the first launch; completed, or passed/failed with cmi.core.score.* when the
 * module has a self-check, once DX.curriculum.status(spec) says complete; never downgraded),
 * the best self-check score reached (never lowered: scoreToSend), the module's own progress
 * keys in cmi.suspend_data (at most 4,096 characters in 1.2, see packSuspend), the page shown
 * in cmi.core.lesson_location, cmi.core.session_time and cmi.core.exit (suspend while the
 * module is incomplete, normal once it is completed or passed: exitFor). In review or browse
 * mode (cmi.core.lesson_mode, 2004 cmi.mode) nothing is written at all. The 2004 package's
 * items carry ?scorm=2004, which makes the walk look for API_1484_11 first.
 *
 * The decisions are plain functions (below, exported for Node: tests/js/scorm.test.js);
 * the browser part only wires them to the LMS and the bar.
 */
(function () {
  "use strict";

  var SUSPEND_VERSION = "1";
  var TIME_BASE = Date.UTC(2020, 0, 1);
  // The status only ever moves up this scale: a recorded 修了 is never taken back.
  var RANK = { "": 0, "not attempted": 0, unknown: 0, browsed: 0, incomplete: 0, failed: 1, completed: 2, passed: 3 };
  var LOCATION = /^[a-z0-9][a-z0-9_./-]*\.html$/;

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function rank(status) {
    return Object.prototype.hasOwnProperty.call(RANK, status) ? RANK[status] : 0;
  }

  /* ===================================================================================== */
  /* Plain functions: data in, data out (no window, no LMS)                                */
  /* ===================================================================================== */

  /* cmi.suspend_data: "1" + JSON of { short key: [time (ms since 2020, base 36), value] }.
     Only the module's keys, with short prefixes. */
  function ownsKey(key, moduleId, owned) {
    return !!(owned && owned[key]) || key === "selfcheck/" + moduleId || key.indexOf("read/" + moduleId + "/") === 0;
  }

  function shortKey(key, moduleId) {
    if (key === "selfcheck/" + moduleId) return "s";
    var prefixes = [
      ["reflection/" + moduleId + "/", "r:"],
      ["read/" + moduleId + "/", "p:"],
      ["checklist/", "c:"],
      ["tree/", "t:"],
    ];
    for (var i = 0; i < prefixes.length; i++) {
      if (key.indexOf(prefixes[i][0]) === 0) return prefixes[i][1] + key.slice(prefixes[i][0].length);
    }
    return "=" + key;
  }

  function longKey(short, moduleId) {
    if (short === "s") return "selfcheck/" + moduleId;
    var rest = short.slice(2);
    switch (short.slice(0, 2)) {
      case "r:":
        return "reflection/" + moduleId + "/" + rest;
      case "p:":
        return "read/" + moduleId + "/" + rest;
      case "c:":
        return "checklist/" + rest;
      case "t:":
        return "tree/" + rest;
    }
    return short.charAt(0) === "=" && short.length > 1 ? short.slice(1) : null;
  }

  /* The first character of text: two UTF-16 units for an emoji (a surrogate pair). */
  function firstChar(text) {
    var code = text.charCodeAt(0);
    return code >= 0xd800 && code <= 0xdbff ? text.slice(0, 2) : text.slice(0, 1);
  }

  /* text cut to at most `length` UTF-16 units, never splitting a surrogate pair, and never
     shorter than its first character (a blank reflection would read as not answered). */
  function cut(text, length) {
    var out = text.slice(0, Math.max(0, length));
    var last = out.charCodeAt(out.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
    return out || firstChar(text);
  }

  /* entries: { key: { value, at } } (DX.store.entries()); owned: { key: true } of the module's
     checklist items and trees. Returns { text, trimmed }: when reflections are too long for
     maxLength (1.2: 4,096 characters, counted as the LMS counts them, in UTF-16 units), the
     longest is shortened until the text fits; text is null when even that cannot make it fit. */
  function packSuspend(entries, moduleId, owned, maxLength) {
    var packed = {};
    Object.keys(entries).sort().forEach(function (key) {
      if (!ownsKey(key, moduleId, owned)) return;
      var time = Date.parse(entries[key].at) - TIME_BASE;
      packed[shortKey(key, moduleId)] = [Math.max(0, isFinite(time) ? time : 0).toString(36), entries[key].value];
    });
    var text = SUSPEND_VERSION + JSON.stringify(packed);
    var trimmed = false;
    while (text.length > maxLength) {
      var longest = null;
      Object.keys(packed).forEach(function (k) {
        var v = packed[k][1];
        if (k.slice(0, 2) === "r:" && typeof v === "string" && firstChar(v).length < v.length && (!longest || v.length > packed[longest][1].length)) longest = k;
      });
      if (!longest) return { text: null, trimmed: trimmed };
      var value = packed[longest][1];
      var shorter = cut(value, value.length - (text.length - maxLength));
      if (shorter.length >= value.length) shorter = cut(value, value.length - 1);
      packed[longest] = [packed[longest][0], shorter];
      trimmed = true;
      text = SUSPEND_VERSION + JSON.stringify(packed);
    }
    return { text: text, trimmed: trimmed };
  }

  /* The suspend data back as items { key: { value, at } }. Throws an Error with a Japanese
     message when the text is not this package's (another version, broken JSON). */
  function unpackSuspend(text, moduleId) {
    if (typeof text !== "string" || text === "") throw new Error("空です");
    if (text.charAt(0) !== SUSPEND_VERSION) throw new Error("この教材の形式ではありません(版が違います)");
    var packed;
    try {
      packed = JSON.parse(text.slice(1));
    } catch (error) {
      throw new Error("途中で切れているか、壊れています");
    }
    if (!packed || typeof packed !== "object" || Array.isArray(packed)) throw new Error("形式が違います");
    var items = {};
    Object.keys(packed).forEach(function (short) {
      var key = longKey(short, moduleId);
      var pair = packed[short];
      if (!key || !Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string" || !/^[0-9a-z]{1,12}$/.test(pair[0])) return;
      items[key] = { value: pair[1], at: new Date(TIME_BASE + parseInt(pair[0], 36)).toISOString() };
    });
    return items;
  }

  function validSelfCheck(sc) {
    return !!sc && typeof sc === "object" && typeof sc.score === "number" && typeof sc.max === "number" && sc.max > 0 && typeof sc.passed === "boolean";
  }

  /* A self-check result as the LMS's 0–100 score, or null. */
  function rawScore(sc) {
    if (!validSelfCheck(sc)) return null;
    return Math.max(0, Math.min(100, Math.round((100 * sc.score) / sc.max)));
  }

  /* Scores never go down: the score to send, or null when the LMS already holds this one or
     a better one (recorded: the LMS's cmi.core.score.raw, null when it has none). A lower
     retake stays in the learner's own record (suspend_data), not in the LMS's score. */
  function scoreToSend(recorded, sc) {
    var raw = rawScore(sc);
    if (raw === null) return null;
    var best = typeof recorded === "number" && isFinite(recorded) ? recorded : null;
    return best === null || raw > best ? raw : null;
  }

  /* The status to send, or null: only ever up the RANK scale (passed stays passed). */
  function statusToSend(recorded, complete, sc) {
    if (!complete) return null;
    var target = validSelfCheck(sc) ? (sc.passed ? "passed" : "failed") : "completed";
    return rank(target) > rank(recorded) ? target : null;
  }

  /* cmi.core.exit (cmi.exit): "suspend" keeps an unfinished module resumable; once it is
     completed or passed the exit is normal ("" in 1.2, "normal" in 2004), so that an LMS does
     not list a finished module as suspended. */
  function exitFor(status, version) {
    if (status === "completed" || status === "passed") return version === "2004" ? "normal" : "";
    return "suspend";
  }

  /* cmi.core.lesson_mode (2004: cmi.mode): "review" and "browse" keep no credit; anything
     else (empty included, as an LMS that leaves it unset) is normal. */
  function lessonMode(value) {
    var mode = String(value === undefined || value === null ? "" : value).trim().toLowerCase();
    return mode === "review" || mode === "browse" ? mode : "normal";
  }

  /* True when the time since the last exchange with the LMS is long enough that its session
     (a login) may have ended: the next save may then be answered "true" without being kept. */
  function idleSpell(lastContact, now, idleMinutes) {
    if (!(idleMinutes > 0) || typeof lastContact !== "number" || typeof now !== "number") return false;
    return now - lastContact >= idleMinutes * 60000;
  }

  /* The bar's sentence when Initialize is refused. 2004's error 104 (content instance
     terminated) is what Moodle's 2004 player answers to a second module opened from its
     content structure: only opening it again from the course page records it. Progress made
     meanwhile stays in this browser's plain record, not the learner's, and is not sent. */
  function initRefusal(version, code) {
    if (version === "2004" && String(code) === "104") {
      return (
        "LMSが、同じ画面で続けて開いたこのモジュールの記録を受け付けませんでした(LMSのエラー番号 104)。" +
        "このままでは、ここでの学習はLMSに記録されません。" +
        "LMSのコースの画面に戻り、そこからこのモジュールを開き直してから学習してください。"
      );
    }
    return null;
  }

  /* The bar's time of the last save, "HH:MM" in the learner's local time. */
  function clock(date) {
    return pad(date.getHours()) + ":" + pad(date.getMinutes());
  }

  var PURE = {
    SUSPEND_VERSION: SUSPEND_VERSION,
    packSuspend: packSuspend,
    unpackSuspend: unpackSuspend,
    rawScore: rawScore,
    scoreToSend: scoreToSend,
    statusToSend: statusToSend,
    exitFor: exitFor,
    lessonMode: lessonMode,
    idleSpell: idleSpell,
    initRefusal: initRefusal,
  };

  /* The browser part (its body is not indented further, to keep this file's history readable). */
  function browser() {
  var DX = (window.DX = window.DX || {});

  /* The two editions behind one face. Status values use 1.2's words inside this file. */
  var EDITIONS = {
    "1.2": {
      global: "API",
      calls: { init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish", lastError: "LMSGetLastError", errorString: "LMSGetErrorString" },
      learner: "cmi.core.student_id",
      entry: "cmi.core.entry",
      location: "cmi.core.lesson_location",
      exit: "cmi.core.exit",
      sessionTime: "cmi.core.session_time",
      scoreRaw: "cmi.core.score.raw",
      mode: "cmi.core.lesson_mode",
      maxSuspend: 4096,
      maxLocation: 255,
      notSet: null,
      readStatus: function (get) {
        return get("cmi.core.lesson_status");
      },
      writeStatus: function (set, status) {
        return set("cmi.core.lesson_status", status);
      },
      writeScore: function (set, raw) {
        return set("cmi.core.score.min", "0") && set("cmi.core.score.max", "100") && set("cmi.core.score.raw", raw);
      },
      timespan: function (s) {
        return pad(Math.min(9999, Math.floor(s / 3600))) + ":" + pad(Math.floor(s / 60) % 60) + ":" + pad(s % 60);
      },
    },
    "2004": {
      global: "API_1484_11",
      calls: { init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate", lastError: "GetLastError", errorString: "GetErrorString" },
      learner: "cmi.learner_id",
      entry: "cmi.entry",
      location: "cmi.location",
      exit: "cmi.exit",
      sessionTime: "cmi.session_time",
      scoreRaw: "cmi.score.raw",
      mode: "cmi.mode",
      maxSuspend: 64000,
      maxLocation: 1000,
      notSet: "403", // reading an element that was never set: normal on a first launch
      readStatus: function (get) {
        var success = get("cmi.success_status");
        if (success === "passed" || success === "failed") return success;
        return get("cmi.completion_status");
      },
      writeStatus: function (set, status) {
        var ok = set("cmi.completion_status", status === "incomplete" ? "incomplete" : "completed");
        if (ok && (status === "passed" || status === "failed")) ok = set("cmi.success_status", status);
        return ok;
      },
      writeScore: function (set, raw) {
        return set("cmi.score.min", "0") && set("cmi.score.max", "100") && set("cmi.score.raw", raw) && set("cmi.score.scaled", raw / 100);
      },
      timespan: function (s) {
        return "PT" + Math.floor(s / 3600) + "H" + (Math.floor(s / 60) % 60) + "M" + (s % 60) + "S";
      },
    },
  };

  /* --- the ADL discovery walk -------------------------------------------------------- */

  function apiIn(win, name) {
    var tries = 0;
    try {
      while (!win[name] && win.parent && win.parent !== win) {
        if (++tries > 7) return null;
        win = win.parent;
      }
      return win[name] || null;
    } catch (error) {
      return null; // a frame of another origin: no API reachable that way
    }
  }

  /* The edition the package asked for first (?scorm=2004 from the 2004 manifest), then the other. */
  function findAPI() {
    var order = /[?&]scorm=2004(&|$)/.test(window.location.search) ? ["2004", "1.2"] : ["1.2", "2004"];
    for (var i = 0; i < order.length; i++) {
      var name = EDITIONS[order[i]].global;
      var api = apiIn(window, name);
      if (!api && window.opener) api = apiIn(window.opener, name);
      if (api) return { api: api, edition: EDITIONS[order[i]], version: order[i] };
    }
    return null;
  }

  /* The host of a content page: a same-origin launch page above it. */
  function findHost() {
    var win = window;
    for (var i = 0; i < 8 && win.parent && win.parent !== win; i++) {
      win = win.parent;
      try {
        if (win.DX && win.DX.scorm && win.DX.scorm.host) return win.DX.scorm.host;
      } catch (error) {
        return null;
      }
    }
    return null;
  }

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") : null;
  }

  /* A short, stable name for the learner's record on a shared PC: learners of one LMS who
     share a terminal must not see, or send, each other's progress. */
  function scopeOf(studentId) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < studentId.length; i++) {
      hash ^= studentId.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return "lms-" + hash.toString(36);
  }

  DX.scorm = {};

  /* ===================================================================================== */
  /* host: the launch page                                                                 */
  /* ===================================================================================== */

  var hostContent = meta("dx-scorm-host");
  if (hostContent !== null) {
    var found = findAPI();
    if (!found) {
      // Opened from a folder or a plain web server: the module page, as in the folder bundle.
      DX.scorm.mode = "none";
      DX.scorm.startHost = function () {};
      window.location.replace(hostContent);
      return;
    }
    startSession(found.api, found.edition, found.version, hostContent);
    return;
  }

  /* ===================================================================================== */
  /* content: a site page                                                                   */
  /* ===================================================================================== */

  var host = findHost();
  if (!host) return; // folder bundle behaviour: nothing to do
  DX.scorm.mode = "content";
  if (host.scope) DX.storeScope = host.scope;

  document.addEventListener("DOMContentLoaded", function () {
    // Before site.js starts the widgets (this listener was added first): the host's copy of
    // the module's progress, which matters when this browser cannot keep storage.
    var seed = host.record();
    if (seed) DX.store.importText(seed);
    document.addEventListener("dx:progress-change", function () {
      host.report(JSON.stringify(DX.store.exportRecord()));
    });
    markOutsideLinks();
  });

  /* Links that leave the package open in a new window, and say so: inside the LMS frame a
     page from elsewhere would replace the course. */
  function markOutsideLinks() {
    var links = document.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      if (!/^https?:$/.test(a.protocol) || a.host === window.location.host) continue;
      a.target = "_blank";
      a.rel = "noopener";
      var note = document.createElement("span");
      note.className = "dx-scorm-newwin";
      note.textContent = "(新しいウィンドウで開きます)";
      a.appendChild(note);
    }
  }

  /* ===================================================================================== */

  function startSession(api, edition, version, contentUrl) {
    var CALLS = edition.calls;
    var state = {
      mode: "connecting",
      lessonMode: "normal",
      status: "",
      raw: null,
      suspend: null,
      location: "",
      entry: "",
      started: Date.now(),
      lastContact: Date.now(),
      sessionDoubt: false,
      finished: false,
      problems: [],
      trimmed: false,
      lowerTry: null,
      committedAt: null,
    };
    var spec = null;
    var moduleId = "";
    var owned = Object.create(null);
    var ui = null;
    var rootUrl = "";
    var idleMinutes = Number(meta("dx-scorm-idle-minutes"));

    function lastError() {
      try {
        return String(api[CALLS.lastError]());
      } catch (error) {
        return "";
      }
    }

    function errorText(code) {
      try {
        return String(api[CALLS.errorString](code) || "");
      } catch (error) {
        return "";
      }
    }

    function problem(what, code, detail) {
      var text =
        what +
        (code ? "(LMSのエラー番号 " + code + (detail ? ": " + detail : "") + ")" : detail ? "(" + detail + ")" : "") +
        "。学習の内容はこのパソコンのブラウザには残っています。もう一度操作するか、このモジュールをLMSから開き直してください。続くときは研修の担当者に連絡してください。";
      say(text);
    }

    function say(text) {
      state.problems.push(text);
      showProblems();
    }

    /* One call to the LMS; a refusal is said on the page, never ignored. */
    function call(kind, a, b) {
      var name = CALLS[kind];
      var result;
      try {
        result = b === undefined ? api[name](a) : api[name](a, b);
      } catch (error) {
        problem("LMSとのやり取りに失敗しました(" + name + ")", "", String(error && error.message));
        return null;
      }
      var code = lastError();
      if (kind === "get") {
        if (code && code !== "0" && code !== edition.notSet) {
          problem("LMSから「" + a + "」を読めませんでした", code, errorText(code));
          return "";
        }
        return String(result === undefined || result === null ? "" : result);
      }
      if (String(result) !== "true") {
        var plain = kind === "init" ? initRefusal(version, code) : null;
        if (plain) say(plain);
        else
          problem(
            kind === "set"
              ? "LMSが記録(" + a + ")を受け付けませんでした"
              : kind === "commit"
                ? "LMSが記録を保存しませんでした"
                : kind === "finish"
                  ? "LMSが学習の終了を受け付けませんでした"
                  : "LMSとの接続を始められませんでした",
            code,
            errorText(code)
          );
        return null;
      }
      return "true";
    }

    function get(element) {
      return call("get", element);
    }

    function set(element, value) {
      return call("set", element, String(value)) === "true";
    }

    /* After a long idle spell an LMS may have ended its session (Moodle: the login times out)
       and still answer "true" (Moodle's player, after a module switch, saves by sendBeacon
       and never hears a refusal). Say so before the next save; the save still goes out. */
    function beforeSend() {
      var now = Date.now();
      if (!state.sessionDoubt && idleSpell(state.lastContact, now, idleMinutes)) {
        state.sessionDoubt = true;
        showSession(Math.floor((now - state.lastContact) / 60000));
      }
    }

    function commit() {
      if (call("commit", "") === "true") state.committedAt = new Date();
      state.lastContact = Date.now();
    }

    /* Writes go to the LMS only in normal mode: review and browse keep no new result. */
    function recording() {
      return state.mode === "active" && state.lessonMode === "normal" && !state.finished;
    }

    /* --- connect, before store.js: the learner's record is named after the LMS learner --- */

    if (call("init", "") !== "true") {
      state.mode = "refused";
    } else {
      state.mode = "active";
      DX.storeScope = scopeOf(get(edition.learner));
      state.lessonMode = lessonMode(get(edition.mode));
      state.status = edition.readStatus(get);
      state.entry = get(edition.entry);
      state.suspend = get("cmi.suspend_data");
      state.location = get(edition.location);
      var raw = get(edition.scoreRaw);
      state.raw = raw === "" || !isFinite(Number(raw)) ? null : Number(raw);
      if (recording() && rank(state.status) === 0 && state.status !== "incomplete" && edition.writeStatus(set, "incomplete")) {
        state.status = "incomplete";
        commit();
      }
    }

    /* --- the module's own keys, and cmi.suspend_data ------------------------------------ */

    function recordOf(items) {
      return JSON.stringify({
        format: DX.store.FORMAT,
        version: DX.store.VERSION,
        site: meta("dx-site-id") || "",
        updated: new Date().toISOString(),
        items: items,
      });
    }

    function ownRecord() {
      var entries = DX.store.entries();
      var items = Object.create(null);
      Object.keys(entries).forEach(function (key) {
        if (ownsKey(key, moduleId, owned)) items[key] = entries[key];
      });
      return recordOf(items);
    }

    /* --- keep the LMS in step with the record ------------------------------------------ */

    var syncing = false;
    function sync() {
      if (!recording() || syncing) return;
      syncing = true;
      try {
        var st = DX.curriculum.status(spec);
        var sc = st.selfCheck;
        var writes = [];
        var score = scoreToSend(state.raw, sc);
        var current = rawScore(sc);
        state.lowerTry = current !== null && state.raw !== null && current < state.raw ? current : null;
        if (score !== null) writes.push(function () {
          if (edition.writeScore(set, score)) {
            state.raw = score;
            state.lowerTry = null;
            return true;
          }
          return false;
        });
        var target = statusToSend(state.status, st.complete, sc);
        if (target) writes.push(function () {
          if (edition.writeStatus(set, target)) {
            state.status = target;
            return true;
          }
          return false;
        });
        var packed = packSuspend(DX.store.entries(), moduleId, owned, edition.maxSuspend);
        state.trimmed = packed.trimmed;
        if (packed.text === null) {
          problem("この学習の記録がLMSの保存できる大きさ(" + edition.maxSuspend + "文字)を超えました", "", "");
        } else if (packed.text !== state.suspend) {
          writes.push(function () {
            if (set("cmi.suspend_data", packed.text)) {
              state.suspend = packed.text;
              return true;
            }
            return false;
          });
        }
        if (writes.length) {
          beforeSend();
          var changed = false;
          writes.forEach(function (write) {
            if (write()) changed = true;
          });
          if (changed) commit();
        }
        showState();
      } finally {
        syncing = false;
      }
    }

    function finish() {
      if (state.mode !== "active" || state.finished) return;
      if (recording()) {
        sync();
        set(edition.sessionTime, edition.timespan(Math.floor((Date.now() - state.started) / 1000)));
        // Suspend keeps an unfinished module resumable (its suspend data is the learner's
        // progress on other PCs); a completed one ends normally.
        set(edition.exit, exitFor(state.status, version));
        commit();
      }
      call("finish", "");
      state.finished = true;
    }

    /* --- the bar above the frame -------------------------------------------------------- */

    var STATUS_TEXT = { passed: "合格", failed: "不合格", completed: "完了", incomplete: "未完了" };

    function recorded() {
      var text = STATUS_TEXT[state.status] || "未完了";
      if (state.raw !== null && (state.status === "passed" || state.status === "failed")) text += "(" + state.raw + "点)";
      return text;
    }

    function showState() {
      if (!ui) return;
      var text;
      if (state.mode === "refused") text = "LMSに接続できません。修了は記録されません。";
      else if (state.lessonMode === "review") text = "復習モードです。LMSの記録は変わりません(LMSの記録: " + recorded() + ")。";
      else if (state.lessonMode === "browse") text = "プレビューモードです。LMSの記録は変わりません。";
      else if (state.finished) text = "LMSへの記録を終えました。";
      else {
        text = "LMSへの記録: " + recorded();
        text += state.committedAt ? "・最後の送信 " + clock(state.committedAt) : "・この画面からはまだ送信していません";
        if (state.lowerTry !== null) text += "。今回の点数(" + state.lowerTry + "点)より高い、前の点数を記録に残しています";
        if (state.trimmed) text += "。振り返りの答えが長いため、LMSには先頭の一部だけを送っています(全文はこのパソコンのブラウザに残っています)";
      }
      if (ui.state.textContent !== text) ui.state.textContent = text;
    }

    function showProblems() {
      if (!ui || !state.problems.length) return;
      ui.problem.textContent = state.problems[state.problems.length - 1];
      ui.problem.hidden = false;
    }

    function showSession(minutes) {
      if (!ui) return;
      var hours = Math.floor(minutes / 60);
      var spell = hours ? hours + "時間" + (minutes % 60 ? (minutes % 60) + "分" : "") : minutes + "分";
      ui.session.textContent =
        "前回LMSとやり取りしてから" +
        spell +
        "たっています。LMSのログインが切れていると、これからの記録はLMSに届かず、届かなかったこともこの画面では分かりません。" +
        "確実に記録するには、LMSのコースの画面に戻り、このモジュールを開き直してください。学習の内容はこのパソコンのブラウザに残っていて、開き直したときにLMSへ送ります。";
      ui.session.hidden = false;
    }

    /* Where the frame is: kept as lesson_location, and a note on another module's page. */
    function onFrameLoad() {
      var href;
      var title = "";
      try {
        href = ui.frame.contentWindow.location.href;
        title = ui.frame.contentDocument.title || "";
      } catch (error) {
        href = null;
      }
      if (href === null || href.indexOf(rootUrl) !== 0) {
        ui.away.textContent = "このコースの外のページを表示しています。学習を続けるときは「このモジュールのページに戻る」を選んでください。";
        ui.away.hidden = false;
        return;
      }
      var path = href.slice(rootUrl.length).split(/[?#]/)[0];
      var other = /^curriculum\/modules\/([a-z0-9-]+)\.html$/.exec(path);
      if (other && other[1] !== moduleId) {
        ui.away.textContent =
          "これは別のモジュールのページ(" +
          title.split(" - ")[0] +
          ")です。LMSに記録されるのは、いま開いているモジュール「" +
          spec.title +
          "」の取り組みだけです。そのモジュールの取り組みを記録するには、LMSのコースの画面からそのモジュールを開いてください。";
        ui.away.hidden = false;
      } else {
        ui.away.hidden = true;
      }
      if (recording() && path.length <= edition.maxLocation && LOCATION.test(path) && path !== state.location) {
        beforeSend();
        if (set(edition.location, path)) {
          state.location = path;
          commit();
        }
        showState();
      }
    }

    /* --- the host, as content pages see it ---------------------------------------------- */

    DX.scorm.mode = state.mode;
    DX.scorm.version = version;
    DX.scorm.state = state;
    DX.scorm.host = {
      scope: state.mode === "active" ? DX.storeScope : "",
      /* The module's progress as a record to merge, or null before the host started. */
      record: function () {
        return spec && state.mode === "active" ? ownRecord() : null;
      },
      /* A content page's record changed: merge the module's keys and tell the LMS. */
      report: function (text) {
        if (!spec || state.mode !== "active") return;
        var incoming = JSON.parse(text);
        var items = Object.create(null);
        Object.keys(incoming.items || {}).forEach(function (key) {
          if (ownsKey(key, moduleId, owned)) items[key] = incoming.items[key];
        });
        if (Object.keys(items).length) DX.store.importText(recordOf(items));
        sync();
      },
    };

    /* After store.js, site.js and completion.js (an inline call in the launch page's head). */
    DX.scorm.startHost = function (root) {
      spec = JSON.parse(document.getElementById("dx-scorm-spec").textContent);
      moduleId = spec.id;
      rootUrl = new URL(root, window.location.href).href;
      if (state.mode === "active") {
        DX.curriculum.status(spec).parts.forEach(function (part) {
          if (part.key) owned[part.key] = true;
        });
        if (state.suspend) {
          var result;
          try {
            result = DX.store.importText(recordOf(unpackSuspend(state.suspend, moduleId)));
          } catch (error) {
            result = { error: error.message };
          }
          if (result.error) problem("LMSに保存されていた続きの記録を読み取れませんでした。このパソコンの記録で続けます", "", result.error);
        }
        document.addEventListener("dx:progress-change", sync);
        window.addEventListener("pagehide", finish);
        window.addEventListener("unload", finish);
        sync();
      }
      document.addEventListener("DOMContentLoaded", function () {
        ui = {
          state: document.querySelector("[data-role=scorm-state]"),
          problem: document.querySelector("[data-role=scorm-problem]"),
          session: document.querySelector("[data-role=scorm-session]"),
          away: document.querySelector("[data-role=scorm-away]"),
          frame: document.querySelector("iframe[name=dx-sco-content]"),
        };
        ui.frame.addEventListener("load", onFrameLoad);
        showState();
        showProblems();
        // Back where the learner left off, on this PC or another.
        if (state.mode === "active" && state.entry === "resume" && LOCATION.test(state.location) && state.location.indexOf("..") < 0) {
          var resume = new URL(state.location, rootUrl).href;
          if (resume !== new URL(contentUrl, window.location.href).href) ui.frame.src = resume;
        }
      });
    };
  }
  }

  if (typeof window === "object" && typeof document === "object") browser();

  if (typeof module === "object" && module.exports) {
    module.exports = PURE;
  }
})();
