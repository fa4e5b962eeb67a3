(function () {
  "use strict";
  var holder = document.getElementById("newsfuse-data");
  var data = holder ? JSON.parse(holder.textContent) : { stories: [] };

  // Filter the claim matrix by status.
  Array.prototype.forEach.call(document.querySelectorAll("form.filter"), function (form) {
    var table = document.getElementById(form.getAttribute("data-table"));
    var shown = form.querySelector(".shown");
    function apply() {
      var on = {};
      Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]"), function (box) {
        on[box.value] = box.checked;
      });
      var count = 0;
      Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row) {
        var visible = !!on[row.getAttribute("data-status")];
        row.hidden = !visible;
        if (visible) { count += 1; }
      });
      if (shown) { shown.textContent = String(count); }
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var reset = form.querySelector("button[data-all]");
    if (reset) {
      reset.addEventListener("click", function () {
        Array.prototype.forEach.call(form.querySelectorAll("input[type=checkbox]"), function (box) { box.checked = true; });
        apply();
      });
    }
    apply();
  });

  // Pointing at a claim lights up the sentences that state it, in every article.
  data.stories.forEach(function (story) {
    var root = document.getElementById(story.id);
    if (!root) { return; }
    var sentences = {};
    Array.prototype.forEach.call(root.querySelectorAll("[data-sid]"), function (el) {
      sentences[el.getAttribute("data-sid")] = el;
    });
    function mark(claimId, on) {
      var claim = story.claims[claimId];
      if (!claim) { return; }
      claim.sentences.forEach(function (sid) {
        var el = sentences[sid];
        if (el) { el.classList.toggle("hl", on); }
      });
    }
    Array.prototype.forEach.call(root.querySelectorAll("tr[data-claim]"), function (row) {
      var id = row.getAttribute("data-claim");
      row.addEventListener("mouseenter", function () { mark(id, true); });
      row.addEventListener("mouseleave", function () { mark(id, false); });
      row.addEventListener("focusin", function () { mark(id, true); });
      row.addEventListener("focusout", function () { mark(id, false); });
    });
  });
})();
