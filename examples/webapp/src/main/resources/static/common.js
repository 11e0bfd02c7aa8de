// Small helpers every page uses: JSON calls to the API and building elements.
"use strict";

// Calls the API; resolves with the JSON answer (null for 204), rejects with {status, error, problems}.
function api(method, path, body) {
  var options = { method: method, headers: {} };
  if (body instanceof FormData) {
    options.body = body;
  } else if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  return fetch(path, options).then(function (response) {
    if (response.status === 401) {
      location.href = "index.html";
    }
    if (response.status === 204) {
      return null;
    }
    return response.text().then(function (text) {
      var json = text ? JSON.parse(text) : null;
      if (!response.ok) {
        var failure = json || {};
        failure.status = response.status;
        failure.problems = failure.problems || [];
        throw failure;
      }
      return json;
    });
  });
}

// el("li", {class: "x", "data-id": 3}, child, "text", ...): a new element.
function el(tag, attributes) {
  var node = document.createElement(tag);
  Object.keys(attributes || {}).forEach(function (name) {
    node.setAttribute(name, attributes[name]);
  });
  for (var i = 2; i < arguments.length; i++) {
    var child = arguments[i];
    if (child === null || child === undefined) continue;
    node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
  return node;
}

function $(id) {
  return document.getElementById(id);
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// Shows an error that belongs to no field.
function showError(failure) {
  var box = $("error");
  if (!box) return;
  box.textContent = failure && failure.error ? failure.error : String(failure);
  box.hidden = false;
}

function hideError() {
  var box = $("error");
  if (box) box.hidden = true;
}

function signOut() {
  api("DELETE", "/api/session").then(function () {
    location.href = "index.html";
  });
}

// Listens to the server-sent events of the signed-in user; calls onNotice({type, conversationId, actionId}).
function listen(onNotice) {
  var source = new EventSource("/api/events");
  source.addEventListener("p2p", function (event) {
    onNotice(JSON.parse(event.data));
  });
  return source;
}

// The "simulate replies" switch, wired to a checkbox.
function simulateSwitch(checkbox) {
  api("GET", "/api/simulator").then(function (state) {
    checkbox.checked = state.on;
  });
  checkbox.addEventListener("change", function () {
    api("POST", "/api/simulator", { on: checkbox.checked });
  });
}
