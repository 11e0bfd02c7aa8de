// The texter's screen: pick an action, ask for a batch, send one message per click, answer the
// inbox. Every click is one API call; the server decides, through p2p, what this texter may do.
"use strict";

var state = { actionId: null, tab: "NEEDS_ATTENTION", open: null, sent: 0 };

function loadActions() {
  return api("GET", "/api/texter/actions").then(function (actions) {
    var list = clear($("actions"));
    if (actions.length === 0) list.appendChild(el("li", { class: "muted" }, "No action is assigned to you yet."));
    actions.forEach(function (action) {
      var batch = el("button", { type: "button", class: "request-batch", "data-action": action.id }, "Request batch");
      batch.addEventListener("click", function (event) {
        event.stopPropagation();
        requestBatch(action);
      });
      var item = el("li", { "data-action": action.id },
        el("strong", {}, action.name), " ",
        el("span", { class: "muted" }, action.counts.toSend + " to send"), " ", batch);
      item.addEventListener("click", function () { pick(action); });
      list.appendChild(item);
    });
  }).catch(showError);
}

function requestBatch(action) {
  hideError();
  api("POST", "/api/texter/actions/" + action.id + "/batch").then(function (answer) {
    pick(action);
    loadActions();
    if (answer.assigned === 0) showError({ error: "No contacts left for you right now." });
  }).catch(showError);
}

function pick(action) {
  state.actionId = action.id;
  $("send-action").textContent = action.name;
  $("send-panel").hidden = false;
  loadNext();
}

function loadNext() {
  return api("GET", "/api/texter/actions/" + state.actionId + "/next").then(function (next) {
    $("next").hidden = !next;
    $("nothing-to-send").hidden = !!next;
    if (!next) return;
    $("next-contact").textContent = next.contact;
    $("next-body").textContent = next.body;
    $("next-segments").textContent = next.segments;
    $("next-encoding").textContent = next.encoding === "GSM_7" ? "GSM-7" : "UCS-2";
    $("send-next").dataset.conversation = next.conversationId;
  }).catch(showError);
}

$("send-next").addEventListener("click", function () {
  var button = $("send-next");
  button.disabled = true;
  hideError();
  api("POST", "/api/texter/conversations/" + button.dataset.conversation + "/send")
    .then(function () {
      state.sent++;
      $("sent-count").textContent = state.sent;
      loadActions();
      return loadNext();
    })
    .catch(showError)
    .then(function () { button.disabled = false; });
});

function loadInbox() {
  return api("GET", "/api/texter/inbox?filter=" + state.tab).then(function (inbox) {
    $("count-needs").textContent = inbox.counts.needsAttention;
    $("count-unread").textContent = inbox.counts.unread;
    var list = clear($("inbox-list"));
    $("inbox-empty").hidden = inbox.conversations.length > 0;
    inbox.conversations.forEach(function (c) {
      var item = el("li", { class: "conversation" + (c.unread ? " unread" : "") + (c.id === state.open ? " open" : ""), "data-id": c.id },
        c.contact, " ", el("span", { class: "muted" }, c.phone));
      item.addEventListener("click", function () { openConversation(c.id); });
      list.appendChild(item);
    });
  }).catch(showError);
}

function tab(name, button) {
  state.tab = name;
  ["tab-needs", "tab-unread"].forEach(function (id) { $(id).classList.toggle("active", id === button); });
  loadInbox();
}
$("tab-needs").addEventListener("click", function () { tab("NEEDS_ATTENTION", "tab-needs"); });
$("tab-unread").addEventListener("click", function () { tab("UNREAD", "tab-unread"); });

function openConversation(id) {
  state.open = id;
  api("GET", "/api/texter/conversations/" + id).then(function (thread) {
    showThread(thread);
    loadInbox();
  }).catch(showError);
}

// Posts a change to the open conversation and shows the thread it returns.
function act(path, body, problemBox) {
  if (problemBox) $(problemBox).textContent = "";
  return api("POST", "/api/texter/conversations/" + state.open + "/" + path, body || {})
    .then(function (thread) { showThread(thread); loadInbox(); })
    .catch(function (failure) {
      if (problemBox && failure.problems.length) {
        $(problemBox).textContent = failure.problems.map(function (p) { return p.field + " " + p.message; }).join("; ");
      } else {
        showError(failure);
      }
    });
}

// Shows the messages and status only: what a new reply changes, leaving the forms as they are.
function showMessages(t) {
  var c = t.conversation;
  $("conversation-title").textContent = c.contact;
  $("conversation-phone").textContent = c.phone;
  $("conversation-status").textContent = c.status.toLowerCase();
  var thread = clear($("thread"));
  t.messages.forEach(function (m) {
    thread.appendChild(el("div", { class: "msg " + m.direction }, m.body,
      el("small", {}, new Date(m.at).toLocaleTimeString() + " · " + m.status.toLowerCase())));
  });
  thread.scrollTop = thread.scrollHeight;
}

function showThread(t) {
  $("conversation").hidden = false;
  $("conversation").dataset.id = t.conversation.id;
  showMessages(t);

  var scripts = clear($("scripts"));
  t.scripts.forEach(function (s) {
    var effects = s.tags.map(function (x) { return "#" + x; }).concat(Object.keys(s.fields).map(function (k) { return k + "=" + s.fields[k]; }));
    var button = el("button", { type: "button", class: "script secondary", "data-path": s.path, title: s.body + (effects.length ? "\n(" + effects.join(", ") + ")" : "") }, s.path);
    button.addEventListener("click", function () { act("reply", { script: s.path }, "reply-problem"); });
    scripts.appendChild(button);
  });

  var tags = clear($("tags"));
  t.allTags.forEach(function (name) {
    var box = el("input", { type: "checkbox", "data-tag": name });
    box.checked = t.tags.indexOf(name) >= 0;
    box.addEventListener("change", function () {
      act("tags", box.checked ? { add: [name], remove: [] } : { add: [], remove: [name] });
    });
    tags.appendChild(el("label", { class: "inline chip" }, box, name));
  });

  var fields = clear($("fields"));
  Object.keys(t.fields).forEach(function (k) { fields.appendChild(el("span", { class: "chip" }, k + ": " + t.fields[k])); });

  var report = clear($("report"));
  t.questions.forEach(function (q, i) {
    var select = el("select", { "data-question": q.id, id: "question-" + i }, el("option", { value: "" }, "—"));
    q.options.forEach(function (option) { select.appendChild(el("option", { value: option }, option)); });
    var filed = t.report && t.report[q.id];
    if (filed && filed.length) select.value = filed[0];
    report.appendChild(el("label", { for: "question-" + i }, q.prompt));
    report.appendChild(select);
  });
  $("report-filed").hidden = !t.report;
}

$("send-text").addEventListener("click", function () {
  var text = $("free-text").value;
  act("reply", { text: text }, "reply-problem").then(function () { $("free-text").value = ""; });
});
$("set-field").addEventListener("click", function () {
  act("fields", { name: $("field-name").value, value: $("field-value").value }, "field-problem");
});
$("file-report").addEventListener("click", function () {
  var answers = {};
  document.querySelectorAll("#report select").forEach(function (select) {
    answers[select.dataset.question] = select.value ? [select.value] : [];
  });
  act("report", { answers: answers }, "report-problem");
});
$("opt-out").addEventListener("click", function () {
  if (confirm("Opt this contact out of every text from the organization?")) act("opt-out");
});
$("close").addEventListener("click", function () { act("close"); });

// New replies appear without a reload: the server tells this texter of their own conversations.
listen(function (notice) {
  loadInbox();
  if (notice.type === "message.received" && notice.conversationId === state.open) {
    api("GET", "/api/texter/conversations/" + state.open).then(showMessages).catch(showError);
  }
});

api("GET", "/api/session").then(function (session) {
  if (!session.texterId) { location.href = "index.html"; return; }
  $("who").textContent = "· " + session.texterId;
  loadActions();
  loadInbox();
});
simulateSwitch($("simulate"));
