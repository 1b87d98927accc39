/*
 * 修了記録を集計する, the view: completion records (RECORD-FORMAT.md, versions 1 and 2) read
 * in the browser, matched to a staff roster by 職員番号, merged per person, scoped to the
 * assignments each person was given, summarised and shown as a paged table, and written as
 * CSV for Excel. Nothing leaves the browser and the roster is not stored anywhere.
 *
 * The engine is five classic scripts, loaded in this order by assets/aggregate.js when the page
 * is first used: aggregate-read.js (one record), aggregate-roster.js (the roster, matching),
 * aggregate-merge.js (one person's records), aggregate-model.js (the report as data) and this
 * file, which reads files, draws and handles the page. The first four are plain functions,
 * tested in Node (tests/js/); this one needs a page.
 *
 * City scale: selections accumulate; files are read a few at a time, each read its own task,
 * so the page never blocks for long; cancelling keeps what was read. No workers: a worker
 * script cannot start from a file:// page. Everything from a file is shown with textContent.
 */
(function () {
  "use strict";

  var R = DX.report;
  var model = R.model;
  var MAX_ROSTER_BYTES = 5 * 1024 * 1024;
  var CONCURRENCY = 8;
  var PAGE_SIZE = 50; // rows drawn at once: table layout is the costly part on a slow PC
  var LIST_MAX = 200; // entries shown in a file list; the CSV has all of them
  var SLICE = 2000; // rows built per task: a few tens of ms even on a slow PC
  // The matrix's compact cells; the legend above the table says what each means.
  var SYMBOL = { 完了: "○", 未完了: "△", 期限超過: "×", 未提出: "未", "": "－" };
  var CELL_CLASS = { 完了: "dx-state--done", 期限超過: "dx-state--overdue", 未提出: "dx-state--missing", "": "dx-aggregate__none" };

  /* Timings for bench/aggregate.py (./dev bench). */
  function mark(name) {
    if (window.performance && performance.mark) performance.mark(name);
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
    var scrollBox = q(".dx-aggregate__scroll");
    var filters = {
      assignment: q("[data-filter=assignment]"),
      section: q("[data-filter=section]"),
      role: q("[data-filter=role]"),
      state: q("[data-filter=state]"),
    };
    var roleOrder = catalog.roles.map(function (r) {
      return r.name;
    });

    var roster = null;
    var declared = []; // assignments HR added on this page: { code, name, target, roles }
    var groups = new Map(); // person key -> merged records of one person
    var files = []; // every file seen: { name, result, reason, staffId, personName, exported }
    var seen = new Set(); // name|size|hash of files already read
    var again = 0; // files selected again and not read twice
    var reading = null; // { total, done, cancelled, ... }
    var current = null; // computed report
    var pageIndex = 0;
    var generation = 0; // bumped by 最初からやり直す: reads still under way are then dropped
    var sortKey = ""; // "" keeps the report's order (所属, 職員番号)
    var sortDescending = false;

    DX.reveal(root);
    if (!dateInput.value) dateInput.value = cur.today(); // aggregate.js set it on load

    function moduleTitle(id) {
      var m = catalog.byId[id];
      return m ? m.title + (m.retired ? "(廃止)" : "") : id + "(現在のサイトにないモジュール)";
    }

    function roleName(row) {
      if (row.roleText) return row.roleText;
      var r = catalog.roleById[row.role];
      return r ? r.name : "(未選択)";
    }

    function filterValues() {
      return { assignment: filters.assignment.value, section: filters.section.value, role: filters.role.value, state: filters.state.value };
    }

    /* --- reading records ----------------------------------------------------------------- */

    /* A file read before (same name and content) is not counted twice: after a cancel, the
       same folder chosen again adds only the rest. Same-named files with other content (two
       PCs' exports) are both read. */
    function readOne(file, gen) {
      var name = file.webkitRelativePath || file.name;
      return readText(file).then(
        function (text) {
          if (gen !== generation) return;
          var key = file.name + "|" + text.length + "|" + R.read.hash(text);
          if (seen.has(key)) {
            again++;
            return;
          }
          seen.add(key);
          var got = R.read.readRecord(text, site, cur);
          if (got.reason) {
            files.push({ name: name, result: "除外", reason: got.reason });
            return;
          }
          var data = got.record;
          R.merge.addRecord(groups, data, name);
          files.push({ name: name, result: "集計", reason: "", staffId: data.version === 2 ? R.read.staffId(data.person.staffId) : "", personName: data.person.name, exported: data.exported });
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
      DX.feedback(
        q("[data-role=reset-feedback]"),
        "読み込んだ修了記録をすべて外しました。" + (roster ? "名簿はそのまま使います。" : "") + (declared.length ? "追加した受講指示もそのまま使います。" : "") + "ファイルかフォルダーを選び直してください。"
      );
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
        var parsed = R.roster.parseRoster(reader.result, catalog.roles, cur);
        if (parsed.error) {
          DX.feedback(rosterFeedback, "名簿「" + file.name + "」を読み込めませんでした。" + parsed.error + (roster ? "前に読み込んだ名簿をそのまま使います。" : ""));
          return;
        }
        roster = parsed;
        roster.file = file.name;
        showRoster();
        pageIndex = 0;
        render(true);
        var coded = roster.people.filter(function (p) {
          return p.codes.length;
        }).length;
        DX.feedback(
          rosterFeedback,
          "名簿「" + file.name + "」から " + roster.people.length + " 人を読み込みました(" + roster.encoding + ")。" +
            (roster.hasCodes ? "受講指示コードの列から " + coded + " 人の受講指示を読みました。" : "") +
            (roster.problems.length ? "読み込めなかった行が " + roster.problems.length + " 行あります。" : "")
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
      DX.download("職員名簿のひな形.csv", "text/csv", DX.csv([["職員番号", "氏名", "所属", "役割", "受講指示コード"]]));
      DX.feedback(
        rosterFeedback,
        "ひな形「職員名簿のひな形.csv」を書き出しました。Excel で開いて1行に1人ずつ書き、「CSV (コンマ区切り)」か「CSV UTF-8」で保存してください。役割はサイトの役割名(" +
          roleOrder.join("、") +
          ")で書きます。受講指示コードの列は空でもかまいません(人ごとに指示を出したときに、その人のコードを書きます)。"
      );
    });

    /* --- assignments HR issued ------------------------------------------------------------ */

    var codeInput = q("[data-role=code]");
    var codeName = q("[data-role=code-name]");
    var assignmentFeedback = q("[data-role=assignment-feedback]");
    var roleBoxes = Array.prototype.slice.call(root.querySelectorAll("input[name=dx-aggregate-target-role]"));

    function target() {
      var checked = q("input[name=dx-aggregate-target]:checked");
      return checked ? checked.value : "all";
    }

    function targetText(a) {
      if (a.target === "roles") {
        return a.roles
          .map(function (id) {
            return catalog.roleById[id] ? catalog.roleById[id].name : id;
          })
          .join("・");
      }
      if (a.target === "record") return "記録に含まれていた指示(対象は不明)";
      return model.TARGETS[a.target];
    }

    function assignmentLabel(a) {
      return a.code + (a.name ? " " + a.name : "") + "(" + targetText(a) + "、" + a.modules.length + "モジュール、期限 " + DX.excelDate(a.due) + ")";
    }

    function showDeclared() {
      var list = q("[data-role=assignments]");
      list.textContent = "";
      q("[data-role=assignments-box]").hidden = !declared.length;
      declared.forEach(function (d, i) {
        var m = model.modulesOfCode(d.code, catalog, cur);
        var item = el("li", assignmentLabel({ code: d.code, name: d.name, target: d.target, roles: d.roles, modules: m.modules, due: m.due }) + " ");
        var remove = el("button", "外す", "md-button dx-aggregate__remove");
        remove.type = "button";
        remove.setAttribute("aria-label", d.code + " を外す");
        remove.addEventListener("click", function () {
          declared.splice(i, 1);
          showDeclared();
          if (groups.size || roster) render(true);
          DX.feedback(assignmentFeedback, "受講指示 " + d.code + " を外しました。");
          codeInput.focus();
        });
        item.appendChild(remove);
        list.appendChild(item);
      });
    }

    function refuse(text, field) {
      if (field) {
        field.setAttribute("aria-invalid", "true");
        field.focus();
      }
      DX.feedback(assignmentFeedback, text);
    }

    q("[data-action=add-assignment]").addEventListener("click", function () {
      codeInput.removeAttribute("aria-invalid");
      var m = model.modulesOfCode(codeInput.value, catalog, cur);
      if (m.error) return refuse("受講指示を追加できませんでした。" + m.error, codeInput);
      var t = target();
      var roles = roleBoxes
        .filter(function (box) {
          return box.checked;
        })
        .map(function (box) {
          return box.value;
        });
      if (t === "roles" && !roles.length) return refuse("対象の役割を一つ以上選んでください。", roleBoxes[0]);
      var same = declared.filter(function (d) {
        return d.code === m.code;
      });
      if (same.length) return refuse("受講指示 " + m.code + " はもう追加してあります。対象を変えるときは、外してから追加し直してください。", codeInput);
      var d = { code: m.code, name: codeName.value.trim().slice(0, 60), target: t, roles: t === "roles" ? roles : [] };
      declared.push(d);
      codeInput.value = "";
      codeName.value = "";
      showDeclared();
      if (groups.size || roster) render(true);
      DX.feedback(
        assignmentFeedback,
        "受講指示 " + m.code + " を追加しました(対象: " + targetText(d) + "、" + m.modules.length + "モジュール)。" +
          (m.missing.length ? "このサイトにないモジュール番号 " + m.missing.join("、") + " は数えません。" : "") +
          (t === "column" && !(roster && roster.hasCodes) ? "名簿に「受講指示コード」の列がまだありません。" : "")
      );
    });

    /* --- the report ---------------------------------------------------------------------- */

    var build = 0; // the newest rebuild; an older one still running stops

    /* Builds the report's rows in slices, one task each, then calls done(). */
    function rebuild(done) {
      var token = ++build;
      var asOf = cur.parseDate(dateInput.value) ? dateInput.value : cur.today();
      var d = cur.parseDate(asOf);
      var known = model.assignments(declared, roster, groups, catalog, cur);
      var columns = model.moduleColumns(groups, known, catalog);
      var ctx = { asOf: asOf, ref: Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()), columns: columns, known: known, cur: cur, roleName: roleName };
      var matched = null;
      var runs = []; // sorted slices, merged pairwise a pass per task: one sort of 30,000 is too long
      var i = 0;
      function step() {
        if (token !== build) return;
        if (!matched) {
          matched = R.roster.match(roster, groups); // matching to the roster: a task of its own
          setTimeout(step, 0);
          return;
        }
        var src = matched.list;
        var end = Math.min(i + SLICE, src.length);
        var run = [];
        for (; i < end; i++) run.push(model.row(src[i], ctx));
        runs.push(run.sort(model.bySortKey));
        setTimeout(i < src.length ? step : merge, 0);
      }
      function merge() {
        if (token !== build) return;
        if (runs.length > 1) {
          var next = [];
          for (var k = 0; k < runs.length; k += 2) next.push(k + 1 < runs.length ? model.mergeRuns(runs[k], runs[k + 1]) : runs[k]);
          runs = next;
          setTimeout(merge, 0);
          return;
        }
        var all = runs[0] || [];
        var counts = { people: 0, roster: roster ? roster.people.length : 0, submitted: 0, missing: 0, unlisted: 0, unassigned: 0 };
        all.forEach(function (row) {
          if (row.kind === "名簿にない") counts.unlisted++;
          else if (row.kind === "未提出") counts.missing++;
          else counts.submitted++;
          if (row.state === "対象なし" && row.kind !== "名簿にない") counts.unassigned++;
        });
        counts.people = counts.submitted + counts.unlisted;
        current = {
          asOf: asOf,
          columns: columns,
          titles: columns.map(moduleTitle),
          known: known,
          matched: matched.list,
          zerosLost: matched.zerosLost,
          all: all,
          counts: counts,
        };
        setTimeout(done, 0); // the summary and the table in a task of their own
      }
      setTimeout(step, 0); // after the file list, which was drawn in this task
    }

    function applyFilters() {
      var view = model.filter(current.all, filterValues(), current.columns, current.known);
      if (sortKey) view.rows = model.sortRows(view.rows, sortKey, sortDescending);
      current.view = view;
      current.rows = view.rows;
      current.rates = model.rates(view.rows, current.titles, roleOrder, !!roster);
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
      var missing = false;
      current.all.forEach(function (row) {
        sections.add(row.section);
        roles.add(row.roleLabel);
        if (row.kind === "名簿にない") unlisted = true;
        if (row.state === "未提出") missing = true;
      });
      fillSelect(
        filters.assignment,
        current.known.list.map(function (a) {
          return { value: a.code, label: assignmentLabel(a) };
        }),
        "すべての受講指示"
      );
      fillSelect(filters.section, Array.from(sections).sort(), "すべての所属");
      fillSelect(
        filters.role,
        Array.from(roles).sort(function (a, b) {
          var ia = roleOrder.indexOf(a), ib = roleOrder.indexOf(b);
          return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib) || (a < b ? -1 : a > b ? 1 : 0);
        }),
        "すべての役割"
      );
      var options = ["完了", "未完了", "期限超過"].map(function (s) {
        return { value: s, label: s };
      });
      if (missing) options.push({ value: "未提出", label: "未提出(状態は不明)" });
      if (current.counts.unassigned) options.push({ value: "対象なし", label: "対象なし(受講指示の対象でない)" });
      if (unlisted) options.push({ value: "名簿にない", label: "名簿にない記録" });
      fillSelect(filters.state, options, "すべての状態");
    }

    /* fresh: true when records, the roster or the assignments changed, "date" when the 基準日
       did (the report is rebuilt, a slice at a time), "filters" when only a filter or the sort
       did. then(): once shown. */
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
        applyFilters();
        show();
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

    function show() {
      resultBox.hidden = false;
      renderSummary();
      var pages = Math.max(1, Math.ceil(current.rows.length / PAGE_SIZE));
      pageIndex = Math.min(pageIndex, pages - 1);
      renderTable();
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
        files.length + " ファイルのうち " + accepted + " ファイルを集計に入れ、" + groups.size + " 人分にまとめました。" + (again ? "同じファイルを二度選んだ " + again + " 件は一度だけ読みました。" : "");
      var mergedList = q("[data-role=merged]");
      mergedList.textContent = "";
      merged.slice(0, LIST_MAX).forEach(function (g) {
        var who = g.person.name + (g.staffId ? "(" + g.staffId + ")" : "(" + g.person.section + ")");
        mergedList.appendChild(
          el(
            "li",
            who +
              ": " +
              R.merge
                .byExportTime(g.files)
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

    function th(text, scope, className) {
      var cell = el("th", text, className);
      cell.scope = scope;
      return cell;
    }

    function isFiltered() {
      var f = filterValues();
      return !!(f.assignment || f.section || f.role || f.state);
    }

    function renderSummary() {
      var c = current.counts;
      var t = current.rates.total;
      var headline = roster
        ? "名簿 " + c.roster + " 人のうち、提出 " + c.submitted + " 人、未提出 " + c.missing + " 人。" +
          (c.unlisted ? "名簿にない記録 " + c.unlisted + " 人。" : "") +
          (current.zerosLost ? "名簿で先頭の0が消えていた職員番号 " + current.zerosLost + " 人分も照合しました。" : "")
        : "記録の届いた " + c.people + " 人。名簿を読み込むと、未提出の人も分かります。";
      headline +=
        "基準日 " + cur.wareki(current.asOf) + "の状態" + (isFiltered() ? "(絞り込み後)" : "") + ": 完了 " + t["完了"] + " 人、未完了 " + t["未完了"] + " 人、期限超過 " + t["期限超過"] + " 人" +
        (roster ? "、未提出 " + t["未提出"] + " 人" : "") + "(完了率 " + model.percent(t["完了"], t.total) + ")。";
      q("[data-role=headline]").textContent = headline;
      q("[data-role=scope-note]").textContent = current.known.known
        ? "受講指示 " + current.known.list.filter(function (a) {
            return a.target !== "record";
          }).length + " 件の対象に沿って、一人ひとりの対象のモジュールだけを数えています。" +
          (c.unassigned ? "どの受講指示の対象でもない " + c.unassigned + " 人は完了率に数えません(状態「対象なし」)。" : "")
        : roster
          ? "受講指示が追加されていないため、記録のない人が何を受けるのかは分かりません。未提出の人は、表のすべてのモジュールに数えています。「発行した受講指示を追加する」で、指示と対象を加えてください。"
          : "";

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
          var text = (row.staffId ? row.staffId : "職員番号なし") + " " + row.name + "(" + row.section + ")— " + row.group.files.map(function (f) {
            return f.name;
          }).join("、");
          var meant = R.roster.likelyMeant(row.staffId, row.section, current.matched);
          if (meant.length) {
            text += "。名簿の " + meant.map(function (p) {
              return p.staffId + " " + p.name + "(" + p.section + ")";
            }).join("、") + " の打ち間違いかもしれません(1文字違い)";
          }
          ul.appendChild(el("li", text));
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
        [kind, "人数", "完了", "未完了", "期限超過", "未提出", "完了率"].forEach(function (text) {
          tr.appendChild(th(text, "col"));
        });
        thead.appendChild(tr);
        table.appendChild(thead);
        var tbody = document.createElement("tbody");
        current.rates.byKind[kind].forEach(function (g) {
          var row = document.createElement("tr");
          row.appendChild(th(g.name, "row"));
          [g.total, g["完了"], g["未完了"], g["期限超過"], g["未提出"], model.percent(g["完了"], g.total)].forEach(function (v) {
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

    /* The matrix: the summary first (氏名, 職員番号, 状態, 完了/対象), then one compact column a
       module (numbered; the key below the legend names them), then the details. Each header
       sorts the whole report (every page), and says how in aria-sort. */
    var LEAD = [
      { key: "name", label: "氏名" },
      { key: "staffId", label: "職員番号" },
      { key: "state", label: "状態" },
      { key: "progress", label: "完了/対象" },
    ];
    var TAIL = [
      { key: "section", label: "所属" },
      { key: "role", label: "役割" },
      { key: "kind", label: "提出" },
      { key: "exported", label: "書き出し日時" },
      { key: "days", label: "記録の古さ" },
    ];

    function sortHeader(key, visible, hidden, className) {
      var cell = th(null, "col", className);
      var button = el("button", visible, "dx-aggregate__sort");
      button.type = "button";
      button.setAttribute("data-sort", key);
      button.setAttribute("data-label", hidden ? hidden.trim() : visible);
      if (hidden) button.appendChild(el("span", hidden, "dx-visually-hidden"));
      cell.appendChild(button);
      if (sortKey === key) {
        cell.setAttribute("aria-sort", sortDescending ? "descending" : "ascending");
        // The arrow is for the eye: aria-sort says it to a screen reader, and the name stays the header's.
        var arrow = el("span", sortDescending ? " ▼" : " ▲");
        arrow.setAttribute("aria-hidden", "true");
        button.appendChild(arrow);
      }
      return cell;
    }

    function stateCell(text) {
      var cell = el("td", null, "dx-state dx-aggregate__cell " + (CELL_CLASS[text || ""] || ""));
      cell.appendChild(el("span", SYMBOL[text || ""], "dx-aggregate__symbol"));
      cell.appendChild(el("span", text || "対象外", "dx-visually-hidden"));
      return cell;
    }

    function personState(row) {
      return row.state === "未提出" ? "不明" : row.state;
    }

    function renderTable() {
      var rows = current.rows;
      var shown = current.view.columns;
      var from = pageIndex * PAGE_SIZE;
      var slice = rows.slice(from, from + PAGE_SIZE);
      var pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
      q("[data-role=page-text]").textContent = rows.length
        ? from + 1 + "〜" + (from + slice.length) + " 人目 / " + rows.length + " 人(" + (pageIndex + 1) + " / " + pages + " ページ)"
        : "該当する人はいません。";
      q("[data-action=prev]").disabled = pageIndex === 0;
      q("[data-action=next]").disabled = pageIndex >= pages - 1;
      q("[data-role=pager]").hidden = rows.length <= PAGE_SIZE;
      q("[data-role=caption]").textContent = "職員×モジュールの状態(基準日 " + cur.wareki(current.asOf) + "、" + rows.length + " 人)";

      var key = q("[data-role=module-key]");
      key.textContent = "";
      shown.forEach(function (i, n) {
        var item = el("li", null);
        item.appendChild(el("span", "M" + (n + 1), "dx-aggregate__key-number"));
        item.appendChild(document.createTextNode(" " + current.titles[i]));
        key.appendChild(item);
      });

      peopleTable.textContent = "";
      var head = document.createElement("thead");
      var hr = document.createElement("tr");
      LEAD.forEach(function (c, i) {
        hr.appendChild(sortHeader(c.key, c.label, "", i === 0 ? "dx-aggregate__name" : ""));
      });
      shown.forEach(function (i, n) {
        hr.appendChild(sortHeader("m" + i, "M" + (n + 1), " " + current.titles[i], "dx-aggregate__module"));
      });
      TAIL.forEach(function (c) {
        hr.appendChild(sortHeader(c.key, c.label, ""));
      });
      head.appendChild(hr);
      peopleTable.appendChild(head);
      var body = document.createElement("tbody");
      slice.forEach(function (row) {
        var tr = document.createElement("tr");
        tr.setAttribute("data-kind", row.kind);
        tr.appendChild(th(row.name, "row", "dx-aggregate__name"));
        tr.appendChild(el("td", row.staffId || "—"));
        var st = personState(row);
        tr.appendChild(el("td", st, "dx-state" + (st === "完了" ? " dx-state--done" : st === "期限超過" ? " dx-state--overdue" : "")));
        tr.appendChild(el("td", row.total ? (row.kind === "未提出" ? "—" : row.done) + "/" + row.total : "—", "dx-num"));
        shown.forEach(function (i) {
          tr.appendChild(stateCell(row.cells[i]));
        });
        tr.appendChild(el("td", row.section));
        tr.appendChild(el("td", row.roleLabel));
        tr.appendChild(el("td", row.kind, row.kind === "提出済み" ? "" : "dx-state--missing"));
        tr.appendChild(el("td", row.group ? DX.excelTime(row.group.exported) : "—"));
        tr.appendChild(el("td", row.group ? model.ageText(row.days) : "—"));
        body.appendChild(tr);
      });
      peopleTable.appendChild(body);
      showScrollHint();
    }

    /* The hint is shown only while the table is wider than its box. */
    function showScrollHint() {
      q("[data-role=scroll-hint]").hidden = !(scrollBox.scrollWidth > scrollBox.clientWidth + 1);
    }
    window.addEventListener("resize", function () {
      if (current && current.view && document.body.contains(root)) showScrollHint();
    });

    peopleTable.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button[data-sort]");
      if (!button || !current || !current.view) return;
      var k = button.getAttribute("data-sort");
      sortDescending = sortKey === k ? !sortDescending : false;
      sortKey = k;
      pageIndex = 0;
      render("filters");
      var focus = peopleTable.querySelector('button[data-sort="' + k + '"]');
      if (focus) focus.focus();
      DX.feedback(
        q("[data-role=filter-feedback]"),
        "「" + button.getAttribute("data-label") + "」の" + (sortDescending ? "降順" : "昇順") + "に並べ替えました。"
      );
    });

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

    q("[data-action=csv-people]").addEventListener("click", function () {
      if (!current || !current.view) return;
      var out = model.peopleCsv(current.view, current.columns, current.titles, current.asOf, DX.excelTime);
      DX.download("修了集計-" + current.asOf + ".csv", "text/csv", DX.csv(out));
      DX.feedback(csvFeedback, "職員×モジュールの表(" + current.rows.length + " 人)をCSVファイルに書き出しました。");
    });

    q("[data-action=csv-detail]").addEventListener("click", function () {
      if (!current || !current.view) return;
      var out = model.detailCsv(current.view, current.columns, current.titles, current.asOf, DX.excelTime);
      DX.download("修了集計-明細-" + current.asOf + ".csv", "text/csv", DX.csv(out));
      DX.feedback(csvFeedback, "明細(" + (out.length - 1) + " 行)をCSVファイルに書き出しました。");
    });

    q("[data-action=csv-rates]").addEventListener("click", function () {
      if (!current || !current.rates) return;
      var out = model.ratesCsv(current.rates, model.totalLabel(filterValues(), !!roster, current.known), current.asOf);
      DX.download("完了率-" + current.asOf + ".csv", "text/csv", DX.csv(out));
      DX.feedback(q("[data-role=rates-feedback]"), "完了率をCSVファイルに書き出しました。");
    });

    q("[data-action=csv-files]").addEventListener("click", function () {
      DX.download("読み込んだファイル.csv", "text/csv", DX.csv(model.filesCsv(files, DX.excelTime)));
      DX.feedback(q("[data-role=files-feedback]"), "ファイルの一覧(" + files.length + " 件)をCSVファイルに書き出しました。");
    });
  }

  DX.aggregate = { start: start };
})();
