/*
 * Decision trees: one question at a time, answers kept in the URL fragment, the outcome
 * reached kept in DX.store under "tree/<tree id>".
 *
 * The page already holds the whole tree as an outline (templates/decision_tree.html):
 * questions with data-node, options with data-option/data-next, outcomes with data-verdict.
 * This script reads that outline and copies its parts (cloneNode) into the question form and
 * the result; everything it writes itself is text (textContent), including what the URL says.
 *
 * Fragment: "#<tree id>=<question id>.<option id>/<question id>.<option id>...", several trees
 * on one page joined with "&" ("#rpa-now=...&ai-ocr-now=..."). A fragment of another shape
 * (a heading anchor) is left to the browser and Material, and the trees keep their place.
 * Each answer (and 前の問いに戻る, 変更, 最初から) is a history entry (pushState), so the
 * browser's Back shows the previous question, with its answer kept, and Forward redoes it.
 * The URL holds the answers that lead to the question shown; the answers given beyond it
 * (kept for Back) live in memory for this document and in history.state (dxTrees), so a
 * widget restarted by Material's instant navigation, or a page reloaded from the history,
 * still has them. Material keeps its scroll offset ({x, y}) in history.state and replaces
 * the state as the page scrolls: the entries this script writes carry x and y too.
 */
(function () {
  "use strict";

  var PART = /^([a-z0-9-]+)=((?:[a-z0-9-]+\.[a-z0-9-]+)(?:\/[a-z0-9-]+\.[a-z0-9-]+)*)?$/;

  /* The fragment as { treeId: "q.o/q.o" }, or null when it is not tree state. */
  function readFragment() {
    var hash = window.location.hash.replace(/^#/, "");
    if (!hash) return Object.create(null);
    var state = Object.create(null);
    var parts = hash.split("&");
    for (var i = 0; i < parts.length; i++) {
      var match = PART.exec(parts[i]);
      if (!match) return null;
      state[match[1]] = match[2] || "";
    }
    return state;
  }

  function fragmentFor(state) {
    return Object.keys(state)
      .filter(function (id) {
        return state[id];
      })
      .map(function (id) {
        return id + "=" + state[id];
      })
      .join("&");
  }

  var ID = /^[a-z0-9-]+$/;
  var memory = Object.create(null); // tree id -> remembered answers, across restarts of its widget

  /* Remembered answers of one tree kept in a history entry's state, checked: the state may
     come from an older version of the page. */
  function rememberedIn(state, treeId) {
    var out = Object.create(null);
    var trees = state && typeof state === "object" && state.dxTrees;
    var saved = trees && typeof trees === "object" && Object.prototype.hasOwnProperty.call(trees, treeId) ? trees[treeId] : null;
    if (!saved || typeof saved !== "object") return out;
    Object.keys(saved).forEach(function (question) {
      if (ID.test(question) && typeof saved[question] === "string" && ID.test(saved[question])) out[question] = saved[question];
    });
    return out;
  }

  /* The current entry's state with this tree's remembered answers; Material's x and y kept. */
  function stateWith(treeId, remembered) {
    var base = window.history.state && typeof window.history.state === "object" ? window.history.state : {};
    var state = Object.create(null);
    Object.keys(base).forEach(function (name) {
      state[name] = base[name];
    });
    if (typeof state.y !== "number") {
      state.x = window.pageXOffset;
      state.y = window.pageYOffset;
    }
    var trees = {};
    var oldTrees = base.dxTrees && typeof base.dxTrees === "object" ? base.dxTrees : {};
    Object.keys(oldTrees).forEach(function (id) {
      trees[id] = oldTrees[id];
    });
    trees[treeId] = {};
    Object.keys(remembered).forEach(function (question) {
      trees[treeId][question] = remembered[question];
    });
    state.dxTrees = trees;
    return state;
  }

  /* This tree's part of the fragment replaced; the other trees' parts kept. With push, a new
     history entry (after noting the answers so far in the current one). */
  function writeFragment(treeId, answersText, remembered, push) {
    var current = readFragment();
    if (current === null && !answersText) return; // leave a heading anchor alone
    var state = current || Object.create(null);
    state[treeId] = answersText;
    var hash = fragmentFor(state);
    var url = window.location.href.split("#")[0] + (hash ? "#" + hash : "");
    if (!push) {
      // Loading or following the history: the entry's state stays as it is (Material reads it).
      if (url !== window.location.href) window.history.replaceState(window.history.state, "", url);
      return;
    }
    window.history.replaceState(stateWith(treeId, remembered), "");
    if (url !== window.location.href) {
      var next = stateWith(treeId, remembered);
      next.x = window.pageXOffset;
      next.y = window.pageYOffset;
      window.history.pushState(next, "", url);
    }
  }

  function answersText(path) {
    return path
      .map(function (step) {
        return step.question + "." + step.option;
      })
      .join("/");
  }

  function parseAnswers(text) {
    if (!text) return [];
    return text.split("/").map(function (pair) {
      var dot = pair.indexOf(".");
      return { question: pair.slice(0, dot), option: pair.slice(dot + 1) };
    });
  }

  /* Copies of an outline element's children, for use elsewhere on the page. */
  function copyChildren(source, target) {
    target.textContent = "";
    if (!source) return;
    for (var i = 0; i < source.childNodes.length; i++) target.appendChild(source.childNodes[i].cloneNode(true));
  }

  var instances = [];

  function start(root) {
    var treeId = root.getAttribute("data-tree");
    var key = root.getAttribute("data-key");
    var startId = root.getAttribute("data-start");
    var outline = root.querySelector("[data-role=outline]");
    var form = root.querySelector("[data-role=form]");
    var counter = root.querySelector("[data-role=counter]");
    var questionText = root.querySelector("[data-role=question]");
    var help = root.querySelector("[data-role=help]");
    var optionsBox = root.querySelector("[data-role=options]");
    var error = root.querySelector("[data-role=error]");
    var back = root.querySelector("[data-action=back]");
    var result = root.querySelector("[data-role=result]");
    var resultTitle = root.querySelector("[data-role=result-title]");
    var resultBody = root.querySelector("[data-role=result-body]");
    var summary = root.querySelector("[data-role=summary]");
    var saved = root.querySelector("[data-role=saved]");
    var savedDate = root.querySelector("[data-role=saved-date]");
    var permalink = root.querySelector("[data-role=permalink]");
    var live = root.querySelector("[data-role=live]");
    var restart = root.querySelector("[data-action=restart]");
    var permalinkLine = root.querySelector("[data-role=permalink-line]");
    var permalinkFeedback = root.querySelector("[data-role=permalink-feedback]");
    var localOnly = root.querySelector("[data-role=local-only]");
    var asText = root.querySelector("[data-role=as-text]");
    var copyFeedback = root.querySelector("[data-role=copy-feedback]");
    var radioName = "dx-tree-" + treeId + "-answer";

    function node(id) {
      return outline.querySelector('[data-node="' + id + '"]');
    }

    function option(questionNode, optionId) {
      return questionNode.querySelector('[data-option="' + optionId + '"]');
    }

    var path = []; // answers given on the way to the node shown: [{question, option}]
    // question id -> option id, kept when going back or changing an answer: from this
    // document's memory, else from the history entry (a reload, a page fetched again).
    var remembered = memory[treeId] || rememberedIn(window.history.state, treeId);
    memory[treeId] = remembered;

    /* The answers that still lead somewhere, from the start; the rest is dropped. */
    function validPrefix(answers) {
      var current = startId;
      var valid = [];
      for (var i = 0; i < answers.length; i++) {
        var here = node(current);
        if (!here || here.getAttribute("data-kind") !== "question" || answers[i].question !== current) break;
        var chosen = option(here, answers[i].option);
        if (!chosen) break;
        valid.push(answers[i]);
        current = chosen.getAttribute("data-next");
      }
      return { answers: valid, current: current };
    }

    function hrefFor(answers) {
      var state = readFragment() || Object.create(null);
      state[treeId] = answersText(answers);
      var hash = fragmentFor(state);
      return "#" + hash;
    }

    function show(answers, moveFocus, push) {
      var walked = validPrefix(answers);
      path = walked.answers;
      path.forEach(function (step) {
        remembered[step.question] = step.option;
      });
      writeFragment(treeId, answersText(path), remembered, push);
      var here = node(walked.current);
      error.hidden = true;
      back.parentNode.hidden = path.length === 0;
      restart.hidden = path.length === 0;
      if (path.length) back.setAttribute("href", hrefFor(path.slice(0, -1)));
      if (here.getAttribute("data-kind") === "outcome") showOutcome(here, moveFocus);
      else showQuestion(here, moveFocus);
    }

    function showQuestion(here, moveFocus) {
      var id = here.getAttribute("data-node");
      result.hidden = true;
      form.hidden = false;
      counter.textContent = path.length + 1 + "問目 ";
      copyChildren(here.querySelector("[data-part=text]"), questionText);
      var helpSource = here.querySelector("[data-part=help]");
      copyChildren(helpSource, help);
      help.hidden = !helpSource;
      optionsBox.textContent = "";
      var choices = here.querySelectorAll("[data-option]");
      for (var i = 0; i < choices.length; i++) {
        var optionId = choices[i].getAttribute("data-option");
        var inputId = "dx-tree-" + treeId + "-" + id + "-" + optionId;
        var row = document.createElement("div");
        row.className = "dx-tree__option";
        var input = document.createElement("input");
        input.type = "radio";
        input.name = radioName;
        input.id = inputId;
        input.value = optionId;
        input.checked = remembered[id] === optionId;
        var label = document.createElement("label");
        label.htmlFor = inputId;
        copyChildren(choices[i].querySelector("[data-part=label]"), label);
        row.appendChild(input);
        row.appendChild(label);
        optionsBox.appendChild(row);
      }
      form.setAttribute("data-question", id);
      if (moveFocus) {
        questionText.focus();
        live.textContent = path.length + 1 + "問目: " + questionText.textContent;
      }
    }

    function showOutcome(here, moveFocus) {
      form.hidden = true;
      result.hidden = false;
      var verdict = here.getAttribute("data-verdict");
      resultTitle.textContent = "結論: " + verdict;
      resultTitle.setAttribute("data-tone", here.getAttribute("data-tone"));
      copyChildren(here.querySelector("[data-part=outcome]"), resultBody);
      summary.textContent = "";
      path.forEach(function (step, index) {
        var asked = node(step.question);
        var term = document.createElement("dt");
        copyChildren(asked.querySelector("[data-part=text]"), term);
        var answer = document.createElement("dd");
        var label = document.createElement("span");
        copyChildren(option(asked, step.option).querySelector("[data-part=label]"), label);
        var change = document.createElement("a");
        change.href = hrefFor(path.slice(0, index));
        change.setAttribute("data-change", String(index));
        change.className = "dx-tree__change";
        change.appendChild(document.createTextNode("変更"));
        var hidden = document.createElement("span");
        hidden.className = "dx-visually-hidden";
        hidden.textContent = "(" + (index + 1) + "問目の答え)";
        change.appendChild(hidden);
        answer.appendChild(label);
        answer.appendChild(document.createTextNode(" "));
        answer.appendChild(change);
        summary.appendChild(term);
        summary.appendChild(answer);
      });
      // For other people: the shared address if known; from a folder without one, the text.
      var shared = DX.shareLink(hrefFor(path));
      permalink.setAttribute("href", shared || hrefFor(path));
      permalinkLine.hidden = !shared;
      localOnly.hidden = !!shared;
      permalinkFeedback.hidden = true;
      copyFeedback.hidden = true;
      if (!shared) asText.value = resultText(here, verdict);
      record(here, verdict);
      if (moveFocus) {
        resultTitle.focus();
        live.textContent = "結論が出ました。" + verdict;
      }
    }

    /* The answers and the outcome as plain text, to paste into a mail. */
    function resultText(here, verdict) {
      var lines = ["判断ツリー: " + root.getAttribute("data-title"), ""];
      path.forEach(function (step, index) {
        var asked = node(step.question);
        lines.push(index + 1 + ". " + asked.querySelector("[data-part=text]").textContent.trim());
        lines.push("   答え: " + option(asked, step.option).querySelector("[data-part=label]").textContent.trim());
      });
      var title = here.querySelector(".dx-tree__outcome-title");
      lines.push("");
      lines.push("結論: " + verdict + (title ? "(" + title.textContent.trim() + ")" : ""));
      return lines.join("\n");
    }

    /* Keeps the outcome reached; the date is the store entry's time of writing. */
    function record(here, verdict) {
      var value = { outcome: here.getAttribute("data-node"), label: verdict, answers: answersText(path) };
      var stored = DX.store.get(key);
      if (!stored || stored.outcome !== value.outcome || stored.answers !== value.answers) {
        var values = {};
        values[key] = value;
        DX.store.set(values);
      }
      var entry = DX.store.entry(key);
      saved.hidden = !DX.store.persistent();
      savedDate.textContent = entry ? DX.formatDate(new Date(entry.at)) : "";
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector("input[name='" + radioName + "']:checked");
      if (!chosen) {
        error.hidden = false;
        live.textContent = error.textContent;
        var first = form.querySelector("input[type=radio]");
        if (first) first.focus();
        return;
      }
      var step = { question: form.getAttribute("data-question"), option: chosen.value };
      remembered[step.question] = step.option;
      show(path.concat([step]), true, true);
    });

    /* Links, so that they can be copied or opened in a new tab; a click is handled here.
       Material's instant navigation must not see it: it would follow the href, which
       show() has already moved on by one answer. */
    function handled(event) {
      event.preventDefault();
      event.stopPropagation();
    }

    back.addEventListener("click", function (event) {
      handled(event);
      show(path.slice(0, -1), true, true);
    });

    summary.addEventListener("click", function (event) {
      var change = event.target.closest ? event.target.closest("[data-change]") : null;
      if (!change) return;
      handled(event);
      show(path.slice(0, Number(change.getAttribute("data-change"))), true, true);
    });

    permalink.addEventListener("click", function (event) {
      handled(event);
      if (permalink.href === window.location.href) {
        // The address bar already holds this link; following it would only scroll.
        DX.feedback(permalinkFeedback, "このページのアドレスが、この結果へのリンクです。");
        return;
      }
      // The shared address of a page opened from a folder: copy it rather than leave.
      DX.copyText(permalink.href, function (ok) {
        DX.feedback(
          permalinkFeedback,
          ok ? "この結果へのリンクをコピーしました。メールなどに貼り付けて送れます。" : "コピーできませんでした。リンクを右クリックして「リンクのコピー」を選んでください。"
        );
      });
    });

    root.querySelector("[data-action=copy-text]").addEventListener("click", function () {
      DX.copyText(asText.value, function (ok) {
        DX.feedback(copyFeedback, ok ? "文面をコピーしました。メールなどに貼り付けて送れます。" : "コピーできませんでした。欄の文字を選んで Ctrl+C でコピーしてください。");
      });
    });

    restart.addEventListener("click", function () {
      Object.keys(remembered).forEach(function (question) {
        delete remembered[question];
      });
      show([], true, true);
    });

    DX.reveal(root);
    DX.showStorageNotice(root.querySelector("[data-role=notice]"));
    outline.open = false;
    instances.push({
      root: root,
      /* The fragment changed under us (a pasted link, a link on this page). */
      sync: function () {
        var state = readFragment();
        if (state === null) return; // a heading anchor: keep the place
        var answers = parseAnswers(state[treeId] || "");
        if (answersText(answers) === answersText(path)) return;
        // Back or Forward: focus follows only when it was in this tree already.
        show(answers, root.contains(document.activeElement) && document.activeElement !== document.body);
      },
    });
    var initial = readFragment();
    show(parseAnswers(initial ? initial[treeId] || "" : ""), false);
  }

  function syncAll() {
    instances = instances.filter(function (instance) {
      if (!document.body.contains(instance.root)) return false; // page swapped away
      instance.sync();
      return true;
    });
  }
  // Back and Forward between this script's entries fire popstate (and hashchange); a pasted
  // link or a link on the page fires hashchange.
  window.addEventListener("popstate", syncAll);
  window.addEventListener("hashchange", syncAll);

  DX.register("decision-tree", start);
})();
