/*
 * 修了記録を集計する: completion records (RECORD-FORMAT.md, versions 1 and 2) read in the
 * browser, matched to a staff roster (CSV from Japanese Excel) by 職員番号, merged per person
 * (per module the newest change wins), summarised and shown as a paged table, and written as
 * CSV for Excel. Nothing leaves the browser and the roster is not stored anywhere.
 *
 * City scale: selections accumulate; files are read a few at a time, each read its own task,
 * so the page never blocks for long; cancelling keeps what was read. No workers: a worker
 * script cannot start from a file:// page. Everything from a file is shown with textContent.
 *
 * This is the engine: assets/aggregate.js, on the page, adds it when the page is first used
 * (a file, folder or roster chosen, a button pressed) and then calls DX.aggregate.start.
 */
(function () {
  "use strict";

  var MAX_BYTES = 256 * 1024;
  var MAX_ROSTER_BYTES = 5 * 1024 * 1024;
  var CONCURRENCY = 8;
  var PAGE_SIZE = 50; // rows drawn at once: table layout is the costly part on a slow PC
  var LIST_MAX = 200; // entries shown in a file list; the CSV has all of them
  var CODE = /^[0-9A-Z]{4}(?:-[0-9A-Z]{1,4}){1,9}$/;
  var STAFF_ID = /^[0-9A-Za-z-]{1,20}$/;
  var DAY = 86400000;

  function isText(value, max) {
    return typeof value === "string" && value.trim() !== "" && value.length <= max;
  }

  function isTime(value) {
    return typeof value === "string" && !isNaN(Date.parse(value));
  }

  function isCount(value) {
    return !!value && typeof value === "object" && isInt(value.done) && isInt(value.total) && value.done <= value.total;
  }

  function isInt(n) {
    return typeof n === "number" && Math.floor(n) === n && n >= 0 && n < 100000;
  }

  /* 職員番号 as RECORD-FORMAT.md defines it: NFKC, trimmed, 1–20 of [0-9A-Za-z-]. */
  function staffId(value) {
    var s = String(value === undefined || value === null ? "" : value);
    if (s.normalize) s = s.normalize("NFKC");
    return s.trim();
  }

  function norm(text) {
    var s = String(text || "");
    if (s.normalize) s = s.normalize("NFKC");
    return s.replace(/\s+/g, " ").trim();
  }

  /* Returns null when `r` is a completion record this page can count, else the reason. */
  function problemWith(r, site, cur) {
    if (!r || typeof r !== "object" || Array.isArray(r)) return "記録の形式ではありません。";
    if (r.format === "jichitai-dx-progress") return "「わたしの進捗」の進捗記録です。「わたしの学習」から書き出した修了記録を提出してもらってください。";
    if (r.format !== cur.RECORD_FORMAT) return "修了記録のファイルではありません。";
    if (cur.RECORD_VERSIONS.indexOf(r.version) < 0) return "対応していない版の記録です(版: " + String(r.version).slice(0, 20) + ")。サイトを新しくしてから読み込んでください。";
    if (r.site !== site) return "別のサイト(" + String(r.site).slice(0, 60) + ")の記録です。";
    if (!isTime(r.exported)) return "書き出した日時がありません。";
    var p = r.person;
    if (!p || typeof p !== "object") return "氏名と所属がありません。";
    if (!isText(p.name, 60)) return "氏名がない、または長すぎます。";
    if (!isText(p.section, 60)) return "所属がない、または長すぎます。";
    if (p.role !== undefined && p.role !== "" && !(typeof p.role === "string" && cur.ID.test(p.role))) return "役割が正しくありません。";
    if (r.version === 2 && p.staffId !== undefined && p.staffId !== "" && !(typeof p.staffId === "string" && STAFF_ID.test(staffId(p.staffId)))) {
      return "職員番号が正しくありません(半角の英数字とハイフン、20文字まで)。";
    }
    if (!Array.isArray(r.assignments) || !r.assignments.length || r.assignments.length > 50) return "受講指示の一覧がありません。";
    for (var i = 0; i < r.assignments.length; i++) {
      var a = r.assignments[i];
      if (!a || typeof a !== "object") return "受講指示 " + (i + 1) + " が正しくありません。";
      if (typeof a.code !== "string" || !CODE.test(a.code)) return "受講指示 " + (i + 1) + " のコードが正しくありません。";
      if (!cur.parseDate(a.due)) return "受講指示 " + (i + 1) + " の期限が正しくありません。";
      if (typeof a.name !== "string" || a.name.length > 60) return "受講指示 " + (i + 1) + " の指示名が正しくありません。";
      if (typeof a.section !== "string" || a.section.length > 60) return "受講指示 " + (i + 1) + " の発行所属が正しくありません。";
      if (!Array.isArray(a.modules) || !a.modules.length || a.modules.length > 120) return "受講指示 " + (i + 1) + " のモジュールがありません。";
      for (var j = 0; j < a.modules.length; j++) {
        if (typeof a.modules[j] !== "string" || !cur.ID.test(a.modules[j])) return "受講指示 " + (i + 1) + " のモジュール名が正しくありません。";
      }
    }
    if (!Array.isArray(r.modules) || r.modules.length > 200) return "モジュールの状態の一覧がありません。";
    for (var k = 0; k < r.modules.length; k++) {
      var m = r.modules[k];
      if (!m || typeof m !== "object" || typeof m.id !== "string" || !cur.ID.test(m.id)) return "モジュールの状態 " + (k + 1) + " が正しくありません。";
      if (typeof m.complete !== "boolean") return "モジュール " + m.id + " の完了・未完了がありません。";
      if (m.complete && !isTime(m.completedAt)) return "モジュール " + m.id + " の完了日時が正しくありません。";
      if (r.version === 2) {
        if (m.updatedAt !== undefined && m.updatedAt !== null && !isTime(m.updatedAt)) return "モジュール " + m.id + " の更新日時が正しくありません。";
        if (m.learning !== undefined && !isCount(m.learning)) return "モジュール " + m.id + " の学習の数が正しくありません。";
        if (m.practice !== undefined && !isCount(m.practice)) return "モジュール " + m.id + " の実践の数が正しくありません。";
        var sc = m.selfCheck;
        if (sc !== undefined && sc !== null && (typeof sc !== "object" || !isInt(sc.score) || !isInt(sc.max) || sc.score > sc.max)) {
          return "モジュール " + m.id + " の理解度チェックの点が正しくありません。";
        }
      }
    }
    return null;
  }

  /* --- the roster: CSV from Japanese Excel -------------------------------------------- */

  /* Excel's 「CSV UTF-8」 starts with a BOM; its 「CSV (コンマ区切り)」 is Shift_JIS (cp932).
     A file without a BOM that is valid UTF-8 (ASCII, or saved by another tool) is UTF-8. */
  function decodeRoster(buffer) {
    var bytes = new Uint8Array(buffer);
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8(Excel の「CSV UTF-8」)" };
    }
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return { error: "「Unicode テキスト」の形式です。Excel で「CSV (コンマ区切り)」か「CSV UTF-8」を選んで保存し直してください。" };
    }
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
    } catch (error) {
      return { text: new TextDecoder("shift_jis").decode(bytes), encoding: "Shift_JIS(Excel の「CSV (コンマ区切り)」)" };
    }
  }

  /* RFC 4180 as Excel writes it. Each row keeps the line it starts on, for messages. */
  function parseCsv(text) {
    var rows = [];
    var row = [];
    var field = "";
    var quoted = false;
    var line = 1;
    var rowLine = 1;
    var quoteLine = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c === "\n") line++;
          field += c;
        }
      } else if (c === '"' && field === "") {
        quoted = true;
        quoteLine = line;
      } else if (c === ",") {
        row.push(field);
        field = "";
      } else if (c === "\r" || c === "\n") {
        if (c === "\r" && text[i + 1] === "\n") i++;
        row.push(field);
        rows.push({ line: rowLine, cells: row });
        row = [];
        field = "";
        line++;
        rowLine = line;
      } else {
        field += c;
      }
    }
    if (quoted) return { error: quoteLine + "行目で始まる「\"」が閉じていません。" };
    if (field !== "" || row.length) {
      row.push(field);
      rows.push({ line: rowLine, cells: row });
    }
    return { rows: rows };
  }

  var HEADERS = {
    staffId: ["職員番号", "職員no", "職員id", "職員コード", "社員番号", "staffid", "番号", "id"],
    name: ["氏名", "名前", "職員名", "氏名(漢字)", "name"],
    section: ["所属", "所属名", "部署", "部署名", "課", "課名", "section"],
    role: ["役割", "ロール", "role"],
  };

  function headerKey(text) {
    return norm(text).toLowerCase().replace(/[\s.・:]/g, "").replace(/[(\[【][^)\]】]*[)\]】]/g, "");
  }

  /* Which column holds what: an exact header first, then one that starts with an alias
     (「職員番号(必須)」, 「所属 課」), never the same column twice. */
  function findColumns(cells) {
    var keys = cells.map(headerKey);
    var found = {};
    var used = {};
    [true, false].forEach(function (exact) {
      Object.keys(HEADERS).forEach(function (field) {
        if (found[field] !== undefined) return;
        for (var i = 0; i < keys.length; i++) {
          if (used[i] || !keys[i]) continue;
          var hit = HEADERS[field].some(function (alias) {
            return exact ? keys[i] === alias : keys[i].indexOf(alias) === 0;
          });
          if (hit) {
            found[field] = i;
            used[i] = true;
            return;
          }
        }
      });
    });
    return found;
  }

  function parseRoster(buffer, catalog) {
    var decoded = decodeRoster(buffer);
    if (decoded.error) return { error: decoded.error };
    var parsed = parseCsv(decoded.text);
    if (parsed.error) return { error: parsed.error + " Excel で保存し直してください。" };
    var rows = parsed.rows.filter(function (r) {
      return r.cells.some(function (c) {
        return c.trim() !== "";
      });
    });
    var header = null;
    var columns = null;
    for (var h = 0; h < Math.min(rows.length, 5); h++) {
      var cols = findColumns(rows[h].cells);
      if (cols.staffId !== undefined && cols.name !== undefined) {
        header = h;
        columns = cols;
        break;
      }
    }
    if (header === null) {
      return { error: "見出しの行(職員番号・氏名)が、はじめの5行に見つかりません。ひな形と同じ見出し「職員番号,氏名,所属,役割」を1行目に付けてください。" };
    }
    var roles = Object.create(null);
    catalog.roles.forEach(function (r) {
      roles[norm(r.id).toLowerCase()] = r.id;
      roles[norm(r.name).toLowerCase()] = r.id;
    });
    var people = [];
    var byId = new Map();
    var problems = [];
    var notes = [];
    rows.slice(header + 1).forEach(function (row) {
      var cell = function (field) {
        return columns[field] === undefined ? "" : norm(row.cells[columns[field]] || "");
      };
      var at = row.line + "行目: ";
      var id = staffId(row.cells[columns.staffId] || "");
      var name = cell("name");
      if (!id) return problems.push(at + "職員番号がありません。この行は読み込みませんでした。");
      if (!STAFF_ID.test(id)) return problems.push(at + "職員番号「" + id.slice(0, 30) + "」に使えない文字があるか、長すぎます(半角の英数字とハイフン、20文字まで)。この行は読み込みませんでした。");
      if (byId.has(id)) return problems.push(at + "職員番号 " + id + " は " + byId.get(id).line + "行目と同じです。先の行だけを使いました。");
      if (!name) return problems.push(at + "氏名がありません(職員番号 " + id + ")。この行は読み込みませんでした。");
      var roleText = cell("role");
      var role = roleText ? roles[roleText.toLowerCase()] : "";
      if (roleText && !role) notes.push(at + "役割「" + roleText.slice(0, 30) + "」はこのサイトの役割にありません。書かれたとおりに表示します。");
      var person = { staffId: id, name: name.slice(0, 60), section: cell("section").slice(0, 60), role: role || "", roleText: role ? "" : roleText.slice(0, 30), line: row.line };
      people.push(person);
      byId.set(id, person);
    });
    // Excel drops leading zeros from a number-formatted column: 00123 arrives as 123.
    var digits = new Map();
    people.forEach(function (p) {
      if (/^\d+$/.test(p.staffId)) {
        var key = p.staffId.replace(/^0+(?=\d)/, "");
        digits.set(key, digits.has(key) ? null : p);
      }
    });
    return { people: people, byId: byId, digits: digits, problems: problems, notes: notes, encoding: decoded.encoding };
  }

  /* --- records, merged per person ------------------------------------------------------ */

  /* Timings for bench/aggregate.py (./dev bench). */
  function mark(name) {
    if (window.performance && performance.mark) performance.mark(name);
  }

  function rank(m) {
    return Date.parse(m.updatedAt || "") || Date.parse(m.completedAt || "") || 0;
  }

  function start(root) {
    var cur = DX.curriculum;
    var catalog = cur.catalogOf(root);
    var site = root.getAttribute("data-site");
    var q = function (sel) {
      return root.querySelector(sel);
    };
    var el = cur.el;
    var rosterInput = q("[data-role=roster]");
    var filesInput = q("[data-role=files]");
    var folderInput = q("[data-role=folder]");
    var dateInput = q("[data-role=date]");
    var status = q("[data-role=status]");
    var progressBox = q("[data-role=progress]");
    var progressBar = q("[data-role=progress-bar]");
    var progressText = q("[data-role=progress-text]");
    var filesReport = q("[data-role=files-report]");
    var resultBox = q("[data-role=result]");
    var peopleTable = q("[data-role=people]");
    var filters = {
      section: q("[data-filter=section]"),
      role: q("[data-filter=role]"),
      state: q("[data-filter=state]"),
    };

    var roster = null;
    var groups = new Map(); // person key -> merged records of one person
    var files = []; // every file seen: { name, result, reason, staffId, personName, exported }
    var seen = new Set(); // name|size|lastModified of files already read
    var again = 0; // files selected again and not read twice
    var reading = null; // { total, done, cancelled, queue }
    var current = null; // computed report
    var pageIndex = 0;
    var generation = 0; // bumped by 最初からやり直す: reads still under way are then dropped
    var zerosLost = 0; // records matched to the roster although Excel dropped leading zeros

    DX.reveal(root);
    if (!dateInput.value) dateInput.value = cur.today(); // aggregate.js set it on load

    function moduleTitle(id) {
      var m = catalog.byId[id];
      return m ? m.title + (m.retired ? "(廃止)" : "") : id + "(現在のサイトにないモジュール)";
    }

    function roleName(person) {
      if (person.roleText) return person.roleText;
      var r = catalog.roleById[person.role];
      return r ? r.name : "(未選択)";
    }

    /* --- reading records ----------------------------------------------------------------- */

    function groupKey(rec) {
      var id = rec.version === 2 ? staffId(rec.person.staffId) : "";
      return id ? "id:" + id : "name:" + norm(rec.person.name) + "\u0000" + norm(rec.person.section);
    }

    function addRecord(rec, fileName) {
      var key = groupKey(rec);
      var g = groups.get(key);
      if (!g) {
        g = { key: key, staffId: "", person: null, exported: "", files: [], modules: new Map() };
        groups.set(key, g);
      }
      var id = rec.version === 2 ? staffId(rec.person.staffId) : "";
      if (!g.exported || Date.parse(rec.exported) >= Date.parse(g.exported)) {
        g.exported = rec.exported;
        g.staffId = id;
        g.person = { name: norm(rec.person.name), section: norm(rec.person.section), role: typeof rec.person.role === "string" ? rec.person.role : "" };
      }
      g.files.push({ name: fileName, exported: rec.exported });
      var due = Object.create(null);
      rec.assignments.forEach(function (a) {
        a.modules.forEach(function (mid) {
          if (!due[mid] || a.due < due[mid]) due[mid] = a.due;
        });
      });
      var states = Object.create(null);
      rec.modules.forEach(function (m) {
        states[m.id] = m;
      });
      Object.keys(due).forEach(function (mid) {
        var m = states[mid] || { id: mid, complete: false, completedAt: null };
        var entry = {
          complete: m.complete,
          completedAt: m.complete ? m.completedAt : null,
          updatedAt: isTime(m.updatedAt) ? m.updatedAt : null,
          learning: m.learning || null,
          practice: m.practice || null,
          selfCheck: m.selfCheck || null,
          exported: rec.exported,
          file: fileName,
        };
        entry.rank = rank(entry);
        var old = g.modules.get(mid);
        if (!old) {
          entry.due = due[mid];
          g.modules.set(mid, entry);
          return;
        }
        var newer =
          entry.rank !== old.rank ? entry.rank > old.rank : entry.complete !== old.complete ? entry.complete : Date.parse(entry.exported) > Date.parse(old.exported);
        entry.due = old.due < due[mid] ? old.due : due[mid];
        if (newer) g.modules.set(mid, entry);
        else old.due = entry.due;
      });
      return g;
    }

    function hash(text) {
      var h = 0x811c9dc5; // FNV-1a, 32 bits
      for (var i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
      }
      return (h >>> 0).toString(36);
    }

    function readText(file) {
      if (file.text) return file.text();
      return new Promise(function (resolve, reject) {
        var reader = new FileReader();
        reader.onload = function () {
          resolve(String(reader.result));
        };
        reader.onerror = reject;
        reader.readAsText(file);
      });
    }

    /* A file read before (same name and content) is not counted twice: after a cancel, the
       same folder chosen again adds only the rest. Same-named files with other content (two
       PCs' exports) are both read. */
    function readOne(file, gen) {
      var name = file.webkitRelativePath || file.name;
      return readText(file).then(
        function (text) {
          if (gen !== generation) return;
          var key = file.name + "|" + text.length + "|" + hash(text);
          if (seen.has(key)) {
            again++;
            return;
          }
          seen.add(key);
          if (text.length > MAX_BYTES) {
            files.push({ name: name, result: "除外", reason: "ファイルが大きすぎます(上限256 KB)。" });
            return;
          }
          var data;
          try {
            data = JSON.parse(text.replace(/^\ufeff/, ""));
          } catch (error) {
            files.push({ name: name, result: "除外", reason: "JSONとして読み取れません(CSVや別の形式のファイルは集計に使えません)。" });
            return;
          }
          var reason = problemWith(data, site, cur);
          if (reason) {
            files.push({ name: name, result: "除外", reason: reason });
            return;
          }
          addRecord(data, name);
          files.push({ name: name, result: "集計", reason: "", staffId: data.version === 2 ? staffId(data.person.staffId) : "", personName: data.person.name, exported: data.exported });
        },
        function () {
          files.push({ name: name, result: "除外", reason: "ファイルを読み取れませんでした。" });
        }
      );
    }

    function showProgress() {
      progressBar.max = Math.max(reading.total, 1);
      progressBar.value = reading.done;
      progressText.textContent = reading.done + " / " + reading.total + " ファイル";
      // A screen reader hears the start, each further quarter, and the end: not every file.
      var quarter = Math.floor((reading.done / Math.max(reading.total, 1)) * 4);
      if (quarter > reading.announced && reading.done < reading.total) {
        reading.announced = quarter;
        status.textContent = reading.total + " ファイルのうち " + reading.done + " ファイルを読みました…";
      }
    }

    /* The JSON files of a selection; the rest of a folder is listed as not read. Names only:
       Chromium answers a File's size or date with a synchronous call to the browser (about
       0.6 ms a file, and long tasks with thousands), so this page never asks for either. */
    function take(list, folder) {
      var chosen = [];
      list.forEach(function (file) {
        if (!folder || /\.json$/i.test(file.name)) {
          chosen.push(file);
          return;
        }
        var key = "other|" + (file.webkitRelativePath || file.name);
        if (seen.has(key)) return;
        seen.add(key);
        files.push({ name: file.webkitRelativePath || file.name, result: "読まず", reason: "JSONファイルではないため読みませんでした。" });
      });
      return chosen;
    }

    function readFiles(list, folder) {
      if (reading) {
        status.textContent = "前の読み込みが終わってから追加してください。";
        return;
      }
      var before = files.length;
      var againBefore = again;
      var chosen = take(list, folder);
      var job = (reading = { total: chosen.length, done: 0, next: 0, active: 0, cancelled: false, announced: 0, before: before, againBefore: againBefore, gen: generation });
      mark("dx-aggregate-read-start");
      progressBox.hidden = false;
      status.textContent = chosen.length + " ファイルを読み込んでいます…";
      showProgress();
      var lastPaint = 0;
      function pump() {
        while (!job.cancelled && job.active < CONCURRENCY && job.next < chosen.length) {
          var file = chosen[job.next++];
          job.active++;
          readOne(file, job.gen).then(function () {
            job.active--;
            job.done++;
            var now = Date.now();
            if (now - lastPaint > 100 || job.done === job.total) {
              lastPaint = now;
              showProgress();
            }
            pump();
          });
        }
        if (job.active === 0 && (job.cancelled || job.next >= chosen.length)) finish(job, chosen.length);
      }
      pump();
    }

    function finish(job, total) {
      if (job.finished) return;
      job.finished = true;
      if (job.gen !== generation) return; // 最初からやり直す came first
      reading = null;
      progressBox.hidden = true;
      mark("dx-aggregate-read-end");
      var accepted = 0;
      var refused = 0;
      for (var i = job.before; i < files.length; i++) {
        if (files[i].result === "集計") accepted++;
        else refused++;
      }
      // The report is built in the next task, so this one stays short.
      render(true, function () {
        var text = job.cancelled
          ? "読み込みを中止しました。" + total + " ファイルのうち " + job.done + " ファイルを読み、集計に入れました。同じファイルやフォルダーをもう一度選ぶと、読んだファイルは飛ばして続きを読みます。"
          : total + " ファイルのうち " + accepted + " ファイルを集計に入れました。";
        if (refused) text += "集計に入れなかったファイルが " + refused + " 件あります。";
        if (again > job.againBefore) text += "すでに読み込んだ " + (again - job.againBefore) + " ファイルは読み直しませんでした。";
        text += "いま " + current.counts.people + " 人分の集計です。";
        status.textContent = text;
        mark("dx-aggregate-shown");
      });
    }

    filesInput.addEventListener("change", function () {
      var list = Array.prototype.slice.call(filesInput.files || []);
      filesInput.value = "";
      if (list.length) readFiles(list, false);
    });
    folderInput.addEventListener("change", function () {
      var list = Array.prototype.slice.call(folderInput.files || []);
      folderInput.value = "";
      if (list.length) readFiles(list, true);
    });
    q("[data-action=cancel]").addEventListener("click", function () {
      if (reading) {
        reading.cancelled = true;
        status.textContent = "中止しています…";
      }
    });
    q("[data-action=reset]").addEventListener("click", function () {
      if (reading) reading.cancelled = true;
      reading = null;
      progressBox.hidden = true;
      generation++;
      groups = new Map();
      files = [];
      seen = new Set();
      again = 0;
      pageIndex = 0;
      render(true);
      DX.feedback(q("[data-role=reset-feedback]"), "読み込んだ修了記録をすべて外しました。" + (roster ? "名簿はそのまま使います。" : "") + "ファイルかフォルダーを選び直してください。");
    });

    /* --- the roster ---------------------------------------------------------------------- */

    var rosterFeedback = q("[data-role=roster-feedback]");
    rosterInput.addEventListener("change", function () {
      var file = rosterInput.files && rosterInput.files[0];
      if (!file) return;
      rosterInput.value = "";
      if (file.size > MAX_ROSTER_BYTES) {
        DX.feedback(rosterFeedback, "名簿のファイルが大きすぎます(上限5 MB)。CSVで保存した名簿か確かめてください。");
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        var parsed = parseRoster(reader.result, catalog);
        if (parsed.error) {
          DX.feedback(rosterFeedback, "名簿「" + file.name + "」を読み込めませんでした。" + parsed.error + (roster ? "前に読み込んだ名簿をそのまま使います。" : ""));
          return;
        }
        roster = parsed;
        roster.file = file.name;
        showRoster();
        pageIndex = 0;
        render(true);
        DX.feedback(
          rosterFeedback,
          "名簿「" + file.name + "」から " + roster.people.length + " 人を読み込みました(" + roster.encoding + ")。" + (roster.problems.length ? "読み込めなかった行が " + roster.problems.length + " 行あります。" : "")
        );
      };
      reader.onerror = function () {
        DX.feedback(rosterFeedback, "名簿のファイルを読み取れませんでした。");
      };
      reader.readAsArrayBuffer(file);
    });

    function showRoster() {
      var box = q("[data-role=roster-report]");
      var list = q("[data-role=roster-problems]");
      list.textContent = "";
      box.hidden = !roster;
      q("[data-action=roster-clear]").hidden = !roster;
      if (!roster) return;
      q("[data-role=roster-summary]").textContent =
        "使っている名簿: " + roster.file + "(" + roster.people.length + " 人、" + roster.encoding + ")" + (roster.problems.length || roster.notes.length ? "。次の行を確かめてください。" : "。");
      roster.problems.concat(roster.notes).forEach(function (text) {
        list.appendChild(el("li", text));
      });
    }

    q("[data-action=roster-clear]").addEventListener("click", function () {
      roster = null;
      showRoster();
      render(true);
      DX.feedback(rosterFeedback, "名簿を外しました。集計は届いた記録だけで行います。");
    });

    q("[data-action=roster-template]").addEventListener("click", function () {
      DX.download("職員名簿のひな形.csv", "text/csv", DX.csv([["職員番号", "氏名", "所属", "役割"]]));
      DX.feedback(rosterFeedback, "ひな形「職員名簿のひな形.csv」を書き出しました。Excel で開いて1行に1人ずつ書き、「CSV (コンマ区切り)」か「CSV UTF-8」で保存してください。役割はサイトの役割名(" + catalog.roles.map(function (r) {
        return r.name;
      }).join("、") + ")で書きます。");
    });

    /* --- the report ---------------------------------------------------------------------- */

    function moduleColumns() {
      var seenIds = new Set();
      groups.forEach(function (g) {
        g.modules.forEach(function (_, id) {
          seenIds.add(id);
        });
      });
      var ids = catalog.modules
        .map(function (m) {
          return m.id;
        })
        .filter(function (id) {
          return seenIds.has(id);
        });
      Array.from(seenIds)
        .sort()
        .forEach(function (id) {
          if (!catalog.byId[id]) ids.push(id);
        });
      return ids;
    }

    /* Calendar days from the record's export (its date in JST) to the 基準日. */
    function ageDays(exported, ref) {
      var jst = new Date(Date.parse(exported) + 9 * 3600000); // the date in Japan, on any PC clock
      return Math.round((ref - Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), jst.getUTCDate())) / DAY);
    }

    function ageText(days) {
      if (days === null) return "";
      if (days === 0) return "基準日の当日";
      return days > 0 ? "基準日の" + days + "日前" : "基準日より" + -days + "日後";
    }

    /* Everyone in the report: the roster's people (with their records, or 未提出), then
       records of people not on it. Without a roster, everyone who sent a record. Cheap: the
       costly part, one row per person, is built in slices by rebuild(). */
    function sources() {
      var list = [];
      var matched = new Set();
      zerosLost = 0;
      if (roster) {
        var waiting = new Map(); // staffId -> index of a 未提出 entry
        roster.people.forEach(function (p) {
          var g = groups.get("id:" + p.staffId);
          if (g) matched.add(g.key);
          else waiting.set(p.staffId, list.length);
          list.push({ p: p, g: g || null, kind: g ? "提出済み" : "未提出" });
        });
        // Leading zeros lost in Excel: 123 in the roster, 00123 in the record.
        groups.forEach(function (g) {
          if (matched.has(g.key) || !g.staffId || !/^\d+$/.test(g.staffId)) return;
          var p = roster.digits.get(g.staffId.replace(/^0+(?=\d)/, ""));
          if (!p || !waiting.has(p.staffId)) return;
          matched.add(g.key);
          list[waiting.get(p.staffId)] = { p: p, g: g, kind: "提出済み" };
          waiting.delete(p.staffId);
          zerosLost++;
        });
      }
      groups.forEach(function (g) {
        if (!matched.has(g.key)) list.push({ p: { staffId: g.staffId, name: g.person.name, section: g.person.section, role: g.person.role }, g: g, kind: roster ? "名簿にない" : "提出済み" });
      });
      return list;
    }

    /* One person's row. For someone on the roster its name, section and role stand; the
       record's fill an empty section or role. */
    function entry(src, ctx) {
      var p = src.p;
      var g = src.g;
      var kind = src.kind;
      var cells = [];
      var done = 0;
      var total = 0;
      var overdue = false;
      for (var i = 0; i < ctx.columns.length; i++) {
        var m = g && g.modules.get(ctx.columns[i]);
        var st = kind === "未提出" ? "未提出" : m ? cur.state(m.complete, m.due, ctx.asOf) : "";
        cells.push(st);
        if (st && st !== "未提出") total++;
        if (st === "完了") done++;
        if (st === "期限超過") overdue = true;
      }
      var row = {
        staffId: p.staffId || "",
        name: p.name,
        section: p.section || (g ? g.person.section : ""),
        role: p.role || (p.roleText ? "" : g ? g.person.role : ""),
        roleText: p.roleText || "",
        kind: kind,
        state: kind === "未提出" ? "未提出" : done === total ? "完了" : overdue ? "期限超過" : "未完了",
        cells: cells,
        done: done,
        total: total,
        group: g,
        days: g ? ageDays(g.exported, ctx.ref) : null,
      };
      row.roleLabel = roleName(row);
      row.sort = (kind === "名簿にない" ? "1" : "0") + row.section + "\u0000" + row.staffId + "\u0000" + row.name;
      return row;
    }

    var STATES = ["完了", "未完了", "期限超過", "未提出"];

    function rateGroup(name) {
      return { name: name, total: 0, 完了: 0, 未完了: 0, 期限超過: 0, 未提出: 0 };
    }

    function filtered(all) {
      var s = filters.section.value;
      var r = filters.role.value;
      var st = filters.state.value;
      return all.filter(function (row) {
        if (s && row.section !== s) return false;
        if (r && row.roleLabel !== r) return false;
        if (st === "名簿にない") return row.kind === "名簿にない";
        if (st && row.state !== st) return false;
        return true;
      });
    }

    /* Rates count people: by 所属 and 役割 each person once (完了 when every module of theirs
       is), by module each person it was assigned to. 未提出 people count in every rate: for
       each module in the report, as nobody knows yet which modules they were given. */
    function rates(rows, columns) {
      var kinds = { 所属: new Map(), 役割: new Map(), モジュール: new Map() };
      function add(kind, name, state) {
        var map = kinds[kind];
        var g = map.get(name);
        if (!g) map.set(name, (g = rateGroup(name)));
        g.total++;
        g[state]++;
      }
      var total = rateGroup("全体");
      rows.forEach(function (row) {
        if (roster && row.kind === "名簿にない") return;
        total.total++;
        total[row.state]++;
        add("所属", row.section || "(所属なし)", row.state);
        add("役割", row.roleLabel, row.state);
        for (var i = 0; i < row.cells.length; i++) {
          if (row.cells[i]) add("モジュール", current.titles[i], row.cells[i]);
        }
      });
      var order = {
        モジュール: current.titles,
        役割: catalog.roles
          .map(function (r) {
            return r.name;
          })
          .concat(["(未選択)"]),
      };
      var out = {};
      ["所属", "モジュール", "役割"].forEach(function (kind) {
        var list = Array.from(kinds[kind].values());
        var o = order[kind];
        list.sort(function (a, b) {
          if (o) {
            var ia = o.indexOf(a.name);
            var ib = o.indexOf(b.name);
            ia = ia < 0 ? 1e9 : ia;
            ib = ib < 0 ? 1e9 : ib;
            if (ia !== ib) return ia - ib;
          }
          return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
        });
        out[kind] = list;
      });
      return { total: total, byKind: out };
    }

    function percentNumber(done, total) {
      return total ? Math.round((done / total) * 1000) / 10 : "";
    }

    function percent(done, total) {
      return total ? percentNumber(done, total) + "%" : "—";
    }

    var SLICE = 2000; // rows built per task: a few tens of ms even on a slow PC
    var build = 0; // the newest rebuild; an older one still running stops

    function bySortKey(a, b) {
      return a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0;
    }

    function mergeRuns(a, b) {
      var out = new Array(a.length + b.length);
      var i = 0;
      var j = 0;
      var k = 0;
      while (i < a.length && j < b.length) out[k++] = b[j].sort < a[i].sort ? b[j++] : a[i++];
      while (i < a.length) out[k++] = a[i++];
      while (j < b.length) out[k++] = b[j++];
      return out;
    }

    /* Builds the report's rows in slices, one task each, then calls done(). */
    function rebuild(done) {
      var token = ++build;
      var asOf = cur.parseDate(dateInput.value) ? dateInput.value : cur.today();
      var d = cur.parseDate(asOf);
      var ctx = { asOf: asOf, ref: Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()), columns: moduleColumns() };
      var src = null;
      var runs = []; // sorted slices, merged pairwise a pass per task: one sort of 30,000 is too long
      var i = 0;
      function step() {
        if (token !== build) return;
        if (!src) {
          src = sources(); // matching to the roster: a task of its own
          setTimeout(step, 0);
          return;
        }
        var end = Math.min(i + SLICE, src.length);
        var run = [];
        for (; i < end; i++) run.push(entry(src[i], ctx));
        runs.push(run.sort(bySortKey));
        setTimeout(i < src.length ? step : merge, 0);
      }
      function merge() {
        if (token !== build) return;
        if (runs.length > 1) {
          var next = [];
          for (var k = 0; k < runs.length; k += 2) next.push(k + 1 < runs.length ? mergeRuns(runs[k], runs[k + 1]) : runs[k]);
          runs = next;
          setTimeout(merge, 0);
          return;
        }
        var all = runs[0] || [];
        var counts = { people: 0, roster: roster ? roster.people.length : 0, submitted: 0, missing: 0, unlisted: 0 };
        all.forEach(function (row) {
          if (row.kind === "名簿にない") counts.unlisted++;
          else if (row.kind === "未提出") counts.missing++;
          else counts.submitted++;
        });
        counts.people = counts.submitted + counts.unlisted;
        current = { asOf: asOf, columns: ctx.columns, titles: ctx.columns.map(moduleTitle), all: all, counts: counts };
        setTimeout(done, 0); // the summary and the table in a task of their own
      }
      setTimeout(step, 0); // after the file list, which was drawn in this task
    }

    function applyFilters() {
      current.rows = filtered(current.all);
      current.rates = rates(current.rows, current.columns);
    }

    function th(text, scope, className) {
      var cell = el("th", text, className);
      cell.scope = scope;
      return cell;
    }

    function stateCell(text) {
      var cell = el("td", text || "—");
      if (text) cell.className = "dx-state" + (text === "完了" ? " dx-state--done" : text === "期限超過" ? " dx-state--overdue" : text === "未提出" ? " dx-state--missing" : "");
      else cell.setAttribute("aria-label", "対象外");
      return cell;
    }

    function fillSelect(select, values, allLabel) {
      var keep = select.value;
      select.textContent = "";
      var all = el("option", allLabel);
      all.value = "";
      select.appendChild(all);
      values.forEach(function (v) {
        var o = el("option", v.label || v);
        o.value = v.value !== undefined ? v.value : v;
        select.appendChild(o);
      });
      select.value = keep;
      if (select.value !== keep) select.value = "";
    }

    function updateFilters() {
      var sections = new Set();
      var roles = new Set();
      var unlisted = false;
      current.all.forEach(function (row) {
        sections.add(row.section);
        roles.add(row.roleLabel);
        if (row.kind === "名簿にない") unlisted = true;
      });
      fillSelect(filters.section, Array.from(sections).sort(), "すべての所属");
      var roleOrder = catalog.roles.map(function (r) {
        return r.name;
      });
      fillSelect(
        filters.role,
        Array.from(roles).sort(function (a, b) {
          var ia = roleOrder.indexOf(a), ib = roleOrder.indexOf(b);
          return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib) || (a < b ? -1 : a > b ? 1 : 0);
        }),
        "すべての役割"
      );
      var states = ["完了", "未完了", "期限超過"];
      if (roster) states.push("未提出");
      var options = states.map(function (s) {
        return { value: s, label: s };
      });
      if (unlisted) options.push({ value: "名簿にない", label: "名簿にない記録" });
      fillSelect(filters.state, options, "すべての状態");
    }

    /* fresh: true when records or the roster changed, "date" when the 基準日 did (the report
       is rebuilt, a slice at a time), "filters" when only a filter did. then(): once shown. */
    function render(fresh, then) {
      var hasData = groups.size > 0 || !!roster;
      if (fresh !== "filters") renderFiles();
      if (!hasData) {
        build++;
        current = { counts: { people: 0 }, rows: [], all: [], columns: [], titles: [] };
        resultBox.hidden = true;
        if (then) then();
        return;
      }
      if (fresh === "filters") {
        draw();
        if (then) then();
        return;
      }
      // Each step a task of its own: with tens of thousands of people each takes a while.
      rebuild(function () {
        if (fresh === true) updateFilters(); // a choice that no longer exists goes back to すべて
        setTimeout(function () {
          applyFilters();
          setTimeout(function () {
            show();
            if (then) then();
          }, 0);
        }, 0);
      });
    }

    function draw() {
      applyFilters();
      show();
    }

    function show() {
      resultBox.hidden = false;
      renderSummary();
      var pages = Math.max(1, Math.ceil(current.rows.length / PAGE_SIZE));
      pageIndex = Math.min(pageIndex, pages - 1);
      renderTable();
    }

    /* A person's files in the order they were exported (then by name): files are read in
       parallel and finish in any order, and the list should read the same every time. */
    function byExportTime(list) {
      return list.slice().sort(function (a, b) {
        return (Date.parse(a.exported) || 0) - (Date.parse(b.exported) || 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      });
    }

    function renderFiles() {
      filesReport.hidden = files.length === 0 && again === 0;
      var accepted = files.filter(function (f) {
        return f.result === "集計";
      }).length;
      var merged = [];
      groups.forEach(function (g) {
        if (g.files.length > 1) merged.push(g);
      });
      q("[data-role=files-summary]").textContent =
        files.length +
        " ファイルのうち " +
        accepted +
        " ファイルを集計に入れ、" +
        groups.size +
        " 人分にまとめました。" +
        (again ? "同じファイルを二度選んだ " + again + " 件は一度だけ読みました。" : "");
      var mergedList = q("[data-role=merged]");
      mergedList.textContent = "";
      merged.slice(0, LIST_MAX).forEach(function (g) {
        var who = g.person.name + (g.staffId ? "(" + g.staffId + ")" : "(" + g.person.section + ")");
        mergedList.appendChild(
          el(
            "li",
            who +
              ": " +
              byExportTime(g.files)
                .map(function (f) {
                  return f.name + "(" + DX.excelTime(f.exported) + " 書き出し)";
                })
                .join("、") +
              " をまとめました。モジュールごとに新しく更新された方を使っています。"
          )
        );
      });
      if (merged.length > LIST_MAX) mergedList.appendChild(el("li", "ほか " + (merged.length - LIST_MAX) + " 人。すべてはファイルの一覧のCSVにあります。"));
      if (!merged.length) mergedList.appendChild(el("li", "ありません。"));
      var refusedList = q("[data-role=refused]");
      refusedList.textContent = "";
      var refused = files.filter(function (f) {
        return f.result !== "集計";
      });
      refused.slice(0, LIST_MAX).forEach(function (f) {
        refusedList.appendChild(el("li", f.name + " — " + f.reason));
      });
      if (refused.length > LIST_MAX) refusedList.appendChild(el("li", "ほか " + (refused.length - LIST_MAX) + " 件。すべてはファイルの一覧のCSVにあります。"));
      if (!refused.length) refusedList.appendChild(el("li", "ありません。"));
    }

    function renderSummary() {
      var c = current.counts;
      var t = current.rates.total;
      var filteredNote = filters.section.value || filters.role.value || filters.state.value ? "(絞り込み後)" : "";
      var headline = roster
        ? "名簿 " + c.roster + " 人のうち、提出 " + c.submitted + " 人、未提出 " + c.missing + " 人。" +
          (c.unlisted ? "名簿にない記録 " + c.unlisted + " 人。" : "") +
          (zerosLost ? "名簿で先頭の0が消えていた職員番号 " + zerosLost + " 人分も照合しました。" : "")
        : "記録の届いた " + c.people + " 人。名簿を読み込むと、未提出の人も分かります。";
      headline +=
        "基準日 " + cur.wareki(current.asOf) + "の状態" + filteredNote + ": 完了 " + t["完了"] + " 人、未完了 " + t["未完了"] + " 人、期限超過 " + t["期限超過"] + " 人" +
        (roster ? "、未提出 " + t["未提出"] + " 人" : "") + "(完了率 " + percent(t["完了"], t.total) + ")。";
      q("[data-role=headline]").textContent = headline;

      var unlistedBox = q("[data-role=unlisted]");
      unlistedBox.textContent = "";
      if (roster && c.unlisted) {
        var unlisted = current.all.filter(function (row) {
          return row.kind === "名簿にない";
        });
        unlistedBox.appendChild(el("h3", "名簿にない記録(" + unlisted.length + " 人)"));
        unlistedBox.appendChild(
          el("p", "職員番号が名簿にない記録と、職員番号のない版1の記録です。完了率には数えず、表の「提出」の列に「名簿にない」と示します。職員番号の打ち間違いか、名簿の漏れを確かめてください。")
        );
        var ul = el("ul");
        unlisted.slice(0, LIST_MAX).forEach(function (row) {
          ul.appendChild(el("li", (row.staffId ? row.staffId : "職員番号なし") + " " + row.name + "(" + row.section + ")— " + row.group.files.map(function (f) {
            return f.name;
          }).join("、")));
        });
        if (unlisted.length > LIST_MAX) ul.appendChild(el("li", "ほか " + (unlisted.length - LIST_MAX) + " 人。状態「名簿にない記録」で絞り込むと表で見られます。"));
        unlistedBox.appendChild(ul);
      }

      var box = q("[data-role=rates]");
      box.textContent = "";
      ["所属", "モジュール", "役割"].forEach(function (kind) {
        var caption = kind + "ごとの完了率" + (kind === "モジュール" ? "(そのモジュールを受ける人の数)" : "(人数)");
        // A region that may scroll on a phone: focusable, so the keyboard can scroll it too.
        var wrap = el("div", null, "dx-aggregate__rate");
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", caption);
        var table = el("table", null, "dx-aggregate__rates"); // a class: Material's roomy table style is for prose tables
        table.appendChild(el("caption", caption));
        var thead = document.createElement("thead");
        var tr = document.createElement("tr");
        [kind, "人数", "完了", "未完了", "期限超過", "未提出", "完了率"].forEach(function (t) {
          tr.appendChild(th(t, "col"));
        });
        thead.appendChild(tr);
        table.appendChild(thead);
        var tbody = document.createElement("tbody");
        current.rates.byKind[kind].forEach(function (g) {
          var row = document.createElement("tr");
          row.appendChild(th(g.name, "row"));
          [g.total, g["完了"], g["未完了"], g["期限超過"], g["未提出"], percent(g["完了"], g.total)].forEach(function (v) {
            row.appendChild(el("td", v));
          });
          row.setAttribute("data-rate", kind + ":" + g.name);
          tbody.appendChild(row);
        });
        table.appendChild(tbody);
        table.setAttribute("data-kind", kind);
        wrap.appendChild(table);
        box.appendChild(wrap);
      });
    }

    var FIXED = ["氏名", "職員番号", "所属", "役割", "提出", "状態", "完了数", "対象数", "書き出し日時", "記録の古さ"];

    function renderTable() {
      var rows = current.rows;
      var from = pageIndex * PAGE_SIZE;
      var slice = rows.slice(from, from + PAGE_SIZE);
      var pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
      q("[data-role=page-text]").textContent = rows.length
        ? from + 1 + "〜" + (from + slice.length) + " 人目 / " + rows.length + " 人(" + (pageIndex + 1) + " / " + pages + " ページ)"
        : "該当する人はいません。";
      q("[data-action=prev]").disabled = pageIndex === 0;
      q("[data-action=next]").disabled = pageIndex >= pages - 1;
      q("[data-role=pager]").hidden = rows.length <= PAGE_SIZE;

      peopleTable.textContent = "";
      peopleTable.appendChild(el("caption", "職員×モジュールの状態(基準日 " + cur.wareki(current.asOf) + "、" + rows.length + " 人)"));
      var head = document.createElement("thead");
      var hr = document.createElement("tr");
      FIXED.forEach(function (t, i) {
        hr.appendChild(th(t, "col", i === 0 ? "dx-aggregate__name" : ""));
      });
      current.columns.forEach(function (id) {
        hr.appendChild(th(moduleTitle(id), "col"));
      });
      head.appendChild(hr);
      peopleTable.appendChild(head);
      var body = document.createElement("tbody");
      slice.forEach(function (row) {
        var tr = document.createElement("tr");
        tr.setAttribute("data-kind", row.kind);
        tr.appendChild(th(row.name, "row", "dx-aggregate__name"));
        tr.appendChild(el("td", row.staffId || "—"));
        tr.appendChild(el("td", row.section));
        tr.appendChild(el("td", row.roleLabel));
        tr.appendChild(el("td", row.kind, row.kind === "提出済み" ? "" : "dx-state dx-state--missing"));
        tr.appendChild(stateCell(row.state));
        tr.appendChild(el("td", row.kind === "未提出" ? "—" : row.done, "dx-num"));
        tr.appendChild(el("td", row.kind === "未提出" ? "—" : row.total, "dx-num"));
        tr.appendChild(el("td", row.group ? DX.excelTime(row.group.exported) : "—"));
        tr.appendChild(el("td", row.group ? ageText(row.days) : "—"));
        row.cells.forEach(function (state) {
          tr.appendChild(stateCell(state));
        });
        body.appendChild(tr);
      });
      peopleTable.appendChild(body);
    }

    q("[data-action=prev]").addEventListener("click", function () {
      if (pageIndex > 0) pageIndex--;
      renderTable();
    });
    q("[data-action=next]").addEventListener("click", function () {
      pageIndex++;
      renderTable();
    });

    Object.keys(filters).forEach(function (key) {
      filters[key].addEventListener("change", function () {
        if (!current || !current.all.length) return;
        pageIndex = 0;
        render("filters");
        DX.feedback(q("[data-role=filter-feedback]"), "絞り込みました: " + current.rows.length + " 人が該当します。");
      });
    });

    dateInput.addEventListener("change", function () {
      if (!groups.size && !roster) return;
      render("date", function () {
        status.textContent = "基準日を " + (cur.wareki(dateInput.value) || dateInput.value) + " にして集計し直しました。";
      });
    });

    /* --- CSV for Excel: every row, whatever page is shown ---------------------------------- */

    var csvFeedback = q("[data-role=csv-feedback]");

    function excelDate(iso) {
      return iso ? iso.replace(/-/g, "/") : "";
    }

    function personCells(row) {
      return [row.staffId, row.name, row.section, row.roleLabel, row.kind];
    }

    q("[data-action=csv-people]").addEventListener("click", function () {
      if (!current || !current.rows) return;
      var out = [["職員番号", "氏名", "所属", "役割", "提出", "状態", "完了数", "対象数", "書き出し日時", "記録の古さ(日)"].concat(current.columns.map(moduleTitle), ["基準日"])];
      current.rows.forEach(function (row) {
        out.push(
          personCells(row).concat(
            [row.state, row.kind === "未提出" ? "" : row.done, row.kind === "未提出" ? "" : row.total, row.group ? DX.excelTime(row.group.exported) : "", row.days === null ? "" : row.days],
            row.cells.map(function (s) {
              return s || "対象外";
            }),
            [excelDate(current.asOf)]
          )
        );
      });
      DX.download("修了集計-" + current.asOf + ".csv", "text/csv", DX.csv(out));
      DX.feedback(csvFeedback, "職員×モジュールの表(" + current.rows.length + " 人)をCSVファイルに書き出しました。");
    });

    q("[data-action=csv-detail]").addEventListener("click", function () {
      if (!current || !current.rows) return;
      var out = [
        [
          "職員番号", "氏名", "所属", "役割", "提出", "モジュールID", "モジュール", "状態", "期限", "完了日時", "更新日時",
          "学習の完了数", "学習の対象数", "実践の完了数(自己申告)", "実践の対象数", "理解度チェックの点", "理解度チェックの満点", "理解度チェック",
          "書き出し日時", "ファイル", "基準日",
        ],
      ];
      current.rows.forEach(function (row) {
        if (!row.group) {
          out.push(personCells(row).concat(["", "", "未提出", "", "", "", "", "", "", "", "", "", "", "", "", excelDate(current.asOf)]));
          return;
        }
        current.columns.forEach(function (id, i) {
          var m = row.group.modules.get(id);
          if (!m) return;
          var sc = m.selfCheck;
          out.push(
            personCells(row).concat([
              id, moduleTitle(id), row.cells[i], excelDate(m.due), DX.excelTime(m.completedAt), DX.excelTime(m.updatedAt),
              m.learning ? m.learning.done : "", m.learning ? m.learning.total : "",
              m.practice ? m.practice.done : "", m.practice ? m.practice.total : "",
              sc ? sc.score : "", sc ? sc.max : "", sc ? (sc.passed ? "合格" : "不合格") : "",
              DX.excelTime(m.exported), m.file, excelDate(current.asOf),
            ])
          );
        });
      });
      DX.download("修了集計-明細-" + current.asOf + ".csv", "text/csv", DX.csv(out));
      DX.feedback(csvFeedback, "明細(" + (out.length - 1) + " 行)をCSVファイルに書き出しました。");
    });

    q("[data-action=csv-rates]").addEventListener("click", function () {
      if (!current || !current.rates) return;
      var out = [["区分", "名前", "人数", "完了", "未完了", "期限超過", "未提出", "完了率(%)", "基準日"]];
      var t = current.rates.total;
      out.push(["全体", roster ? "名簿の全員" : "記録の届いた全員", t.total, t["完了"], t["未完了"], t["期限超過"], t["未提出"], percentNumber(t["完了"], t.total), excelDate(current.asOf)]);
      ["所属", "モジュール", "役割"].forEach(function (kind) {
        current.rates.byKind[kind].forEach(function (g) {
          out.push([kind, g.name, g.total, g["完了"], g["未完了"], g["期限超過"], g["未提出"], percentNumber(g["完了"], g.total), excelDate(current.asOf)]);
        });
      });
      DX.download("完了率-" + current.asOf + ".csv", "text/csv", DX.csv(out));
      DX.feedback(q("[data-role=rates-feedback]"), "完了率をCSVファイルに書き出しました。");
    });

    q("[data-action=csv-files]").addEventListener("click", function () {
      var out = [["ファイル", "結果", "理由", "職員番号", "氏名", "書き出し日時"]];
      files.forEach(function (f) {
        out.push([f.name, f.result, f.reason, f.staffId || "", f.personName || "", DX.excelTime(f.exported)]);
      });
      DX.download("読み込んだファイル.csv", "text/csv", DX.csv(out));
      DX.feedback(q("[data-role=files-feedback]"), "ファイルの一覧(" + files.length + " 件)をCSVファイルに書き出しました。");
    });
  }

  DX.aggregate = { start: start };
})();
