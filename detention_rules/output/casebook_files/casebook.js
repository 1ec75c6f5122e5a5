/* detention-rules casebook: the in-page quiz. No network, no storage, no dependencies.
   Each form.quiz holds checkboxes named after the categories; its data-answer lists the
   categories the engine establishes (space-separated). "Check my answer" scores each
   category right, missed or over-found, shows the points as the terminal quiz counts them
   (quiz.points: a point per category found, less one per category over-found, over the
   categories established; a case with none is one point for "none"), and opens the answer. */
(function () {
  "use strict";
  function score(form) {
    var answer = (form.getAttribute("data-answer") || "").split(" ").filter(Boolean);
    var words = JSON.parse(form.getAttribute("data-words"));
    var boxes = form.querySelectorAll("input[type=checkbox]");
    var list = form.querySelector(".marks");
    var found = 0, over = 0;
    list.textContent = "";
    for (var i = 0; i < boxes.length; i++) {
      var c = boxes[i].value, said = boxes[i].checked, established = answer.indexOf(c) >= 0;
      var verdict = said === established ? "right" : (established ? "missed" : "over-found");
      if (verdict === "right" && established) { found++; }
      if (verdict === "over-found") { over++; }
      var li = document.createElement("li");
      li.className = "mark " + verdict;
      li.setAttribute("data-category", c);
      li.setAttribute("data-verdict", verdict);
      li.textContent = c + ": " + words[verdict];
      list.appendChild(li);
    }
    var total = form.querySelector(".score");
    var worth = answer.length || 1;
    var earned = answer.length ? found - over : (over ? -over : 1);
    total.textContent = words.score.replace("{earned}", earned).replace("{worth}", worth);
    total.setAttribute("data-earned", earned);
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
