/*
 * 理解度チェック: grades a module's questions in the browser and keeps the result in DX.store
 * under "selfcheck/<module>" as { score, max, passed, answers: { <question id>: <choice id> } }.
 * A later attempt replaces the result, except that a failed attempt never replaces a pass.
 * Without JavaScript the questions stay readable, each answer behind its <details>.
 */
(function () {
  "use strict";

  function start(root) {
    var key = root.getAttribute("data-key");
    var passMark = Number(root.getAttribute("data-pass"));
    var form = root.querySelector("[data-role=form]");
    var feedback = root.querySelector("[data-role=feedback]");
    var last = root.querySelector("[data-role=last]");
    var retry = root.querySelector("[data-action=retry]");
    var grade = root.querySelector("[data-action=grade]");
    var questions = Array.prototype.slice.call(root.querySelectorAll("fieldset[data-question]"));
    var max = questions.length;

    DX.reveal(root);
    DX.showStorageNotice(root.querySelector("[data-role=notice]"));

    function chosen(q) {
      var box = q.querySelector("input[type=radio]:checked");
      return box ? box.value : "";
    }

    /* Answers are hidden until graded, so that the check is a check. */
    function showGraded(graded) {
      questions.forEach(function (q) {
        var verdict = q.querySelector("[data-role=verdict]");
        var answer = q.querySelector("[data-role=answer]");
        var inputs = q.querySelectorAll("input[type=radio]");
        for (var i = 0; i < inputs.length; i++) inputs[i].disabled = graded;
        answer.hidden = !graded;
        if (!graded) {
          verdict.hidden = true;
          verdict.textContent = "";
          answer.open = false;
          q.removeAttribute("data-correct");
          return;
        }
        var right = chosen(q) === q.getAttribute("data-answer");
        verdict.hidden = false;
        // The chosen radio is disabled and grey once graded: say which it was in words too.
        verdict.textContent = (right ? "正解" : "不正解") + "(あなたの答え: " + chosen(q).toUpperCase() + ")";
        verdict.className = "dx-selfcheck__verdict " + (right ? "dx-state dx-state--done" : "dx-state dx-state--overdue");
        q.setAttribute("data-correct", right ? "true" : "false");
        answer.open = !right;
      });
      grade.hidden = graded;
      retry.hidden = !graded;
    }

    function describe(result) {
      return max + "問中" + result.score + "問正解。" + (result.passed ? "合格です" : "不合格です") + "(合格は" + passMark + "問以上)。";
    }

    function showLast() {
      var entry = DX.store.entry(key);
      var value = entry && entry.value;
      if (!value || typeof value !== "object" || typeof value.score !== "number") {
        last.hidden = true;
        return null;
      }
      last.hidden = false;
      last.textContent = "記録: " + describe(value) + "(" + DX.formatDate(new Date(entry.at)) + ")";
      return value;
    }

    /* On load: the recorded attempt, answered and graded, so the learner sees where they stand. */
    function restore() {
      var value = showLast();
      if (!value || !value.answers || typeof value.answers !== "object") return showGraded(false);
      questions.forEach(function (q) {
        var id = value.answers[q.getAttribute("data-question")];
        var inputs = q.querySelectorAll("input[type=radio]");
        for (var i = 0; i < inputs.length; i++) inputs[i].checked = inputs[i].value === id;
      });
      showGraded(true);
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var missing = questions.filter(function (q) {
        return !chosen(q);
      });
      if (missing.length) {
        var numbers = missing.map(function (q) {
          return "問" + (questions.indexOf(q) + 1);
        });
        missing[0].querySelector("input[type=radio]").focus();
        DX.feedback(feedback, "まだ答えていない問いがあります(" + numbers.join("、") + ")。すべてに答えてから採点してください。");
        return;
      }
      var answers = Object.create(null);
      var score = 0;
      questions.forEach(function (q) {
        answers[q.getAttribute("data-question")] = chosen(q);
        if (chosen(q) === q.getAttribute("data-answer")) score++;
      });
      var result = { score: score, max: max, passed: score >= passMark, answers: answers };
      var before = DX.store.get(key);
      var keepPass = !result.passed && before && typeof before === "object" && before.passed === true;
      var message = describe(result);
      if (keepPass) {
        message += " 前に合格した記録はそのまま残ります。";
      } else {
        var values = {};
        values[key] = result;
        var refused = DX.store.set(values);
        if (refused) message += " 結果を保存できませんでした: " + refused;
        else message += result.passed ? " 結果を記録しました。" : " 解説を読んでから、やり直してください。";
      }
      showGraded(true);
      showLast();
      retry.focus(); // the grade button is gone
      DX.feedback(feedback, message);
    });

    retry.addEventListener("click", function () {
      var inputs = root.querySelectorAll("input[type=radio]");
      for (var i = 0; i < inputs.length; i++) inputs[i].checked = false;
      showGraded(false);
      questions[0].querySelector("input[type=radio]").focus();
      DX.feedback(feedback, "答えを消しました。問1から答え直してください。");
    });

    DX.onProgressChange(root, function () {
      // Another tab or an import: show the new record without losing answers being typed.
      showLast();
    });
    restore();
  }

  DX.register("selfcheck", start);
})();
