/* detention-rules casebook: the in-page quiz. No network, no storage, no dependencies.
   Each form.quiz holds checkboxes named after the categories; its data-answer lists the
   categories the engine establishes (space-separated). "Check my answer" scores each
   category right, missed or over-found, shows the score, and opens the answer. */
(function () {
  "use strict";
  function score(form) {
    var answer = (form.getAttribute("data-answer") || "").split(" ").filter(Boolean);
    var words = JSON.parse(form.getAttribute("data-words"));
    var boxes = form.querySelectorAll("input[type=checkbox]");
    var list = form.querySelector(".marks");
    var right = 0;
    list.textContent = "";
    for (var i = 0; i < boxes.length; i++) {
      var c = boxes[i].value, said = boxes[i].checked, found = answer.indexOf(c) >= 0;
      var verdict = said === found ? "right" : (found ? "missed" : "over-found");
      if (verdict === "right") { right++; }
      var li = document.createElement("li");
      li.className = "mark " + verdict;
      li.setAttribute("data-category", c);
      li.setAttribute("data-verdict", verdict);
      li.textContent = c + ": " + words[verdict];
      list.appendChild(li);
    }
    var total = form.querySelector(".score");
    total.textContent = words.score.replace("{right}", right).replace("{total}", boxes.length);
    total.setAttribute("data-right", right);
    var reveal = document.getElementById(form.getAttribute("data-reveal"));
    if (reveal) { reveal.open = true; }
  }
  document.addEventListener("DOMContentLoaded", function () {
    var forms = document.querySelectorAll("form.quiz");
    for (var i = 0; i < forms.length; i++) {
      forms[i].addEventListener("submit", function (event) { event.preventDefault(); score(this); });
    }
  });
})();
