// The admin's screen: upload a list, build an action (saved as a draft while typing, so p2p says
// at once what publishing would refuse and what the first messages cost), publish, assign, and
// watch the live report.
"use strict";

var draftId = null;
var saveTimer = null;

// ---- 1. The list upload, with progress ----

function loadLists(select) {
  return api("GET", "/api/admin/lists").then(function (lists) {
    var list = clear($("action-list"));
    list.appendChild(el("option", { value: "" }, "— pick a list —"));
    lists.forEach(function (l) { list.appendChild(el("option", { value: l.id }, l.name + " (" + l.size + ")")); });
    if (select) list.value = String(select);
  });
}

$("upload").addEventListener("click", function () {
  var file = $("list-file").files[0];
  showProblems([]);
  if (!file) { showProblems([{ field: "upload", message: "choose a CSV file first" }]); return; }
  var form = new FormData();
  form.append("name", $("list-name").value);
  form.append("file", file);
  $("upload-progress").hidden = false;
  api("POST", "/api/admin/lists", form).then(poll).catch(function (f) { showProblems(f.problems.length ? f.problems : [{ field: "upload", message: f.error }]); });
});

function poll(status) {
  $("upload-progress").value = status.bytes ? Math.round(100 * status.bytesRead / status.bytes) : 0;
  $("upload-status").textContent = status.rowsRead + " rows read, " + status.imported + " imported, " +
    status.duplicates + " duplicates, " + status.invalid + " invalid";
  if (status.failure) { showProblems([{ field: "upload", message: status.failure }]); return; }
  if (!status.done) {
    setTimeout(function () { api("GET", "/api/admin/uploads/" + status.id).then(poll); }, 300);
    return;
  }
  $("upload-status").textContent = "Done: " + $("upload-status").textContent +
    (status.errors.length ? ". " + status.errors.join("; ") : "");
  $("upload-status").className = "ok";
  loadLists(status.listId).then(scheduleSave);
}

// ---- 2. The action form ----

function addInitial(text) {
  var i = $("initials").children.length;
  var box = el("textarea", { class: "initial", "data-input": "", placeholder: "Hi {firstName|there}, it's {texterFirstName}..." });
  box.value = text || "";
  $("initials").appendChild(el("div", { class: "card", "data-field": "script.initial[" + i + "]" },
    el("strong", {}, "Variant " + String.fromCharCode(65 + i)), box,
    el("div", { class: "muted variant-cost" }), el("div", { class: "problem" })));
}

function addReply() {
  $("replies").appendChild(el("div", { class: "card reply", "data-field": "script.replies[]" },
    el("div", { class: "row" },
      el("input", { class: "reply-label", "data-input": "", placeholder: "Label (Yes)" }),
      el("input", { class: "reply-tags", "data-input": "", placeholder: "tags: supporter, ride" }),
      el("input", { class: "reply-field", "data-input": "", placeholder: "field=value" })),
    el("textarea", { class: "reply-body", "data-input": "", placeholder: "The reply's text" }),
    el("div", { class: "problem" })));
}

function addQuestion() {
  var i = $("questions").children.length;
  $("questions").appendChild(el("div", { class: "card question", "data-field": "report[" + i + "]" },
    el("div", { class: "row" },
      el("input", { class: "question-prompt", "data-input": "", placeholder: "Will they vote?" }),
      el("input", { class: "question-tags", "data-input": "", placeholder: "answers (tags): supporter, undecided" })),
    el("div", { class: "problem" })));
}

function words(text) {
  return text.split(",").map(function (w) { return w.trim(); }).filter(function (w) { return w; });
}

function form() {
  var replies = [];
  document.querySelectorAll("#replies .reply").forEach(function (row) {
    var label = row.querySelector(".reply-label").value;
    row.dataset.field = "script.replies[" + label + "]";
    var fields = {};
    var pair = row.querySelector(".reply-field").value.split("=");
    if (pair.length === 2 && pair[0].trim()) fields[pair[0].trim()] = pair[1].trim();
    replies.push({ label: label, body: row.querySelector(".reply-body").value, tags: words(row.querySelector(".reply-tags").value), fields: fields });
  });
  var questions = [];
  document.querySelectorAll("#questions .question").forEach(function (row) {
    questions.push({ prompt: row.querySelector(".question-prompt").value, tags: words(row.querySelector(".question-tags").value) });
  });
  var initials = [];
  document.querySelectorAll("#initials .initial").forEach(function (box) { initials.push(box.value); });
  return {
    name: $("action-name").value,
    listId: $("action-list").value ? Number($("action-list").value) : null,
    initials: initials,
    replies: replies,
    questions: questions,
    hoursStart: $("hours-start").value,
    hoursEnd: $("hours-end").value
  };
}

function scheduleSave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(save, 400);
}

// Saves the draft; p2p answers with what publishing would refuse now and the cost estimate.
function save() {
  clearTimeout(saveTimer);
  if (!$("action-name").value.trim() && draftId === null) return Promise.resolve();
  var call = draftId === null ? api("POST", "/api/admin/actions", form()) : api("PUT", "/api/admin/actions/" + draftId, form());
  $("draft-state").textContent = "saving…";
  return call.then(function (draft) {
    draftId = draft.id;
    $("draft-state").textContent = "draft " + draft.id + " saved";
    showProblems(draft.problems);
    showEstimate(draft.estimate);
  }).catch(function (failure) {
    $("draft-state").textContent = "not saved";
    showProblems(failure.problems.length ? failure.problems : [{ field: "", message: failure.error }]);
  });
}

// Puts each problem next to the element whose data-field is the longest prefix of its field.
function showProblems(problems) {
  document.querySelectorAll("[data-field] .problem, .problem[data-field]").forEach(function (p) { p.textContent = ""; });
  var holders = Array.prototype.slice.call(document.querySelectorAll("[data-field]"));
  problems.forEach(function (problem) {
    var best = null;
    holders.forEach(function (h) {
      var f = h.dataset.field;
      if (problem.field.indexOf(f) === 0 && (!best || f.length > best.dataset.field.length)) best = h;
    });
    var box = best === null ? $("other-problems") : best.classList.contains("problem") ? best : best.querySelector(".problem");
    box.appendChild(el("div", { class: "problem-line" }, problem.field + " " + problem.message));
  });
}

function showEstimate(estimate) {
  if (!estimate) { $("estimate").textContent = "No estimate yet: pick a list and write a message."; return; }
  $("estimate").textContent = estimate.contacts + " contacts · " + estimate.segments + " segments · " +
    Number(estimate.cost).toFixed(2) + " " + estimate.currency;
  var boxes = document.querySelectorAll("#initials .variant-cost");
  estimate.variants.forEach(function (v) {
    if (boxes[v.index]) boxes[v.index].textContent = v.averageSegments.toFixed(1) + " segments each · " +
      v.messages + " messages · " + Number(v.cost).toFixed(2) + " " + estimate.currency;
  });
}

$("action-form").addEventListener("input", function (event) {
  if (event.target.hasAttribute("data-input")) scheduleSave();
});
$("action-list").addEventListener("change", scheduleSave);
$("add-initial").addEventListener("click", function () { addInitial(""); });
$("add-reply").addEventListener("click", addReply);
$("add-question").addEventListener("click", addQuestion);

$("publish").addEventListener("click", function () {
  save().then(function () {
    if (draftId === null) return;
    return api("POST", "/api/admin/actions/" + draftId + "/publish").then(function (action) {
      showProblems([]);
      $("published").hidden = false;
      $("draft-state").textContent = "published";
      draftId = null;
      return loadActions(action.id);
    }).catch(function (failure) { showProblems(failure.problems); });
  });
});

// ---- 3. Assignment ----

function loadActions(select) {
  return api("GET", "/api/admin/actions").then(function (actions) {
    ["assign-action", "report-action"].forEach(function (id) {
      var box = clear($(id));
      actions.filter(function (a) { return a.status !== "DRAFT"; }).forEach(function (a) {
        box.appendChild(el("option", { value: a.id }, a.name + " (" + a.status.toLowerCase() + ")"));
      });
      if (select) box.value = String(select);
    });
    loadReport();
  });
}

api("GET", "/api/admin/teams").then(function (teams) {
  teams.forEach(function (t) { $("team").appendChild(el("option", { value: t.id }, t.name + " (" + t.members + ")")); });
});

$("assign").addEventListener("click", function () {
  api("POST", "/api/admin/actions/" + $("assign-action").value + "/assign", { team: $("team").value })
    .then(function () { $("assigned").hidden = false; })
    .catch(showError);
});

// ---- The live report ----

function loadReport() {
  var id = $("report-action").value;
  if (!id) return;
  api("GET", "/api/admin/actions/" + id + "/report").then(showReport).catch(showError);
}

function table(headers, rows) {
  var t = el("table", {}, el("tr", {}));
  headers.forEach(function (h, i) { t.firstChild.appendChild(el("th", i ? { class: "n" } : {}, h)); });
  rows.forEach(function (r) {
    var tr = el("tr", {});
    r.forEach(function (cell, i) { tr.appendChild(el("td", i ? { class: "n" } : {}, cell)); });
    t.appendChild(tr);
  });
  return t;
}

function showReport(r) {
  var t = r.totals;
  var box = clear($("report"));
  box.appendChild(table(["Totals", ""], [
    ["Contacts", t.contacts], ["Assigned", t.assigned], ["Waiting", t.waiting], ["Messaged", t.messaged],
    ["Delivered", t.delivered], ["Failed", t.failed], ["Replied", t.replied],
    ["Reply rate", (100 * t.replyRate).toFixed(1) + "%"], ["Opted out", t.optedOut],
    ["Needing attention", t.needingAttention], ["Closed", t.closed],
    ["Spent", Number(r.spent).toFixed(4) + " " + r.currency + " (" + r.segmentsSent + " segments)"]]));
  $("report").querySelector("table").id = "report-totals";
  box.appendChild(el("h3", {}, "Texters"));
  box.appendChild(table(["Texter", "Sent", "Replied", "Open"], r.texters.map(function (x) { return [x.texterId, x.sent, x.replied, x.open]; })));
  box.appendChild(el("h3", {}, "Tags"));
  box.appendChild(table(["Tag", "Conversations"], r.tags.map(function (x) { return [x.name, x.count]; })));
  box.appendChild(el("h3", {}, "Charts"));
  box.appendChild(hourChart(r.timeline));
  box.appendChild(barChart("Reply rate by variant", r.variants.map(function (v) {
    return { label: "Variant " + String.fromCharCode(65 + v.index) + " (" + v.sent + ")", value: v.replyRate, text: (100 * v.replyRate).toFixed(0) + "%" };
  }), 1));
  r.questions.forEach(function (q) {
    var max = Math.max.apply(null, [1].concat(q.answers.map(function (a) { return a.count; })));
    box.appendChild(barChart(q.prompt + " (" + q.answered + " answered)", q.answers.map(function (a) {
      return { label: a.name, value: a.count, text: String(a.count) };
    }), max));
  });
}

$("report-action").addEventListener("change", loadReport);

var reportTimer = null;
listen(function (notice) {
  if (String(notice.actionId) === $("report-action").value) {
    clearTimeout(reportTimer);
    reportTimer = setTimeout(loadReport, 300);
  }
});

api("GET", "/api/session").then(function (session) {
  if (!session.admin) { location.href = "index.html"; return; }
  addInitial("");
  loadLists();
  loadActions();
});
simulateSwitch($("simulate"));
