// The play page: shows what the server sends (whole frames, the charts) and sends the person's keys.
// The server checks every message; this page sends only actions, held keys, pause/resume, the pace, take-over and stop.
"use strict";

const $ = (id) => document.getElementById(id);
let hello = null;
let socket = null;
let held = { left: false, right: false, up: false, down: false };

const gridKeys = {
  ArrowLeft: "left", ArrowRight: "right", ArrowUp: "forward",
  PageUp: "pickup", x: "pickup", PageDown: "drop", z: "drop", " ": "toggle", Enter: "done",
};

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${scheme}://${location.host}/ws`);
  socket.onmessage = (event) => receive(JSON.parse(event.data));
  socket.onclose = () => {
    if (document.body.dataset.phase !== "finished") {
      clearTimeout(errorTimer);
      $("error").textContent = "Connection to the session closed.";
    }
  };
}

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN && hello && hello.role === "controller") {
    socket.send(JSON.stringify(message));
  }
}

function receive(message) {
  switch (message.type) {
    case "hello": return onHello(message);
    case "frame": return onFrame(message);
    case "charts": return onCharts(message);
    case "error": return showError(message.message);
    case "notice": $("notice").textContent = message.message; return;
    case "finished": return onFinished(message);
  }
}

let errorTimer = null;

function showError(text) {
  // An error concerns one message; it fades after a while so it is not mistaken for the session's state.
  $("error").textContent = text;
  clearTimeout(errorTimer);
  errorTimer = setTimeout(() => { $("error").textContent = ""; }, 10000);
}

function onHello(message) {
  hello = message;
  $("title").textContent = `— ${message.method} on ${message.task}`;
  $("role").textContent = message.role;
  $("role").className = `badge ${message.role}`;
  $("takeover").hidden = !message.humanGated;
  $("view-box").hidden = message.driving;
  $("keys").innerHTML = message.driving
    ? "Hold <kbd>←</kbd> <kbd>→</kbd> to steer, <kbd>↑</kbd> throttle, <kbd>↓</kbd> brake. When the robot asks, the car waits until you hold a key."
      + " <kbd>Esc</kbd> pause, <kbd>+</kbd>/<kbd>−</kbd> robot pace" + (message.humanGated ? ", <kbd>I</kbd> take over / give back." : ".")
    : "<kbd>←</kbd> <kbd>→</kbd> turn, <kbd>↑</kbd> forward, <kbd>PgUp</kbd>/<kbd>X</kbd> pick up, <kbd>PgDn</kbd>/<kbd>Z</kbd> drop,"
      + " <kbd>Space</kbd> toggle, <kbd>Enter</kbd> done. <kbd>Esc</kbd> pause, <kbd>+</kbd>/<kbd>−</kbd> robot pace"
      + (message.humanGated ? ", <kbd>I</kbd> take over / give back." : ".");
  if (message.role === "viewer") {
    $("notice").textContent = "This tab only watches: another tab controls the session.";
    for (const id of ["pause", "delay", "takeover", "stop"]) { $(id).disabled = true; }
  }
}

function fmt(value) {
  return value === null || value === undefined ? "–" : Number(value).toFixed(3);
}

function onFrame(f) {
  document.body.dataset.phase = f.phase;
  $("status").textContent = f.status;
  $("controller").textContent = f.controller;
  $("request").classList.toggle("asking", f.phase === "asking" || f.phase === "person");
  $("robot-action").textContent = f.robotAction ?? "–";
  $("reason").textContent = f.reason ?? "–";
  $("scene").src = f.scene;
  if (f.view) { $("view").src = f.view; }
  const c = f.counters;
  $("env-steps").textContent = c.envSteps;
  $("episodes").textContent = c.episodes;
  $("expert-cost").textContent = c.expertCost;
  $("requests").textContent = c.requests;
  $("labels").textContent = c.personLabels;
  if (f.lastEvaluation) {
    $("success").textContent = `${(100 * f.lastEvaluation.success).toFixed(0)} % (at step ${f.lastEvaluation.envSteps})`;
  }
  $("pause").textContent = f.paused ? "Resume (Esc)" : "Pause (Esc)";
  if (document.activeElement !== $("delay")) { $("delay").value = f.delayMs; }
  $("delay-ms").textContent = f.delayMs;
  drawGauges(f.gauges);
}

function drawGauges(gauges) {
  const bars = $("gauge-bars");
  bars.innerHTML = "";
  if (!gauges.length) {
    $("score-name").textContent = "score";
    $("score").textContent = "–";
    $("threshold-name").textContent = "threshold";
    $("threshold").textContent = "–";
    $("rule").textContent = document.body.dataset.phase === "finished"
      ? "(the run is finished)"
      : hello && hello.humanGated ? "(you decide when to take over)" : "(no gate during warm-up)";
    return;
  }
  const first = gauges[0];
  $("score-name").textContent = first.name;
  $("score").textContent = fmt(first.value);
  $("threshold-name").textContent = first.thresholdName;
  $("threshold").textContent = fmt(first.threshold);
  $("rule").textContent = `(${first.rule})`;
  for (const g of gauges) {
    // The scale spans the score and its threshold with a margin either side (Q^I and β are often both negative).
    const values = [g.value, g.threshold].filter((v) => v !== null && v !== undefined);
    const spread = values.length ? Math.max(...values) - Math.min(...values) : 0;
    const margin = Math.max(spread * 0.5, 0.05 * Math.max(1e-3, ...values.map(Math.abs)), 1e-6);
    const low = values.length ? Math.min(...values) - margin : 0;
    const high = values.length ? Math.max(...values) + margin : 1;
    const at = (v) => `${(100 * (v - low) / (high - low)).toFixed(1)}%`;
    const row = document.createElement("div");
    row.className = `gauge${g.fires ? " fires" : ""}`;
    row.innerHTML = `<div class="label"></div><div class="track"><div class="fill"></div><div class="mark"></div></div>`;
    row.querySelector(".label").textContent = `${g.name} ${fmt(g.value)} · ${g.thresholdName} ${fmt(g.threshold)} — ${g.rule}`;
    if (g.value !== null) { row.querySelector(".fill").style.width = at(g.value); }
    if (g.threshold !== null) { row.querySelector(".mark").style.left = at(g.threshold); } else { row.querySelector(".mark").hidden = true; }
    bars.appendChild(row);
  }
}

function onCharts(message) {
  if (typeof Plotly === "undefined") { return; }
  message.figures.forEach((figure, i) => {
    const div = $(`chart-${i}`);
    if (!div) { return; }
    const placeholder = div.querySelector(".placeholder");
    if (placeholder) { placeholder.remove(); }
    // The report's figures carry a fixed size; here they fill their box. Success is a rate: its axis is 0 to 1.
    const layout = Object.assign({}, figure.layout, { autosize: true });
    delete layout.width;
    delete layout.height;
    const yTitle = layout.yaxis && layout.yaxis.title ? (layout.yaxis.title.text || String(layout.yaxis.title)) : "";
    if (yTitle.toLowerCase().includes("success")) {
      layout.yaxis = Object.assign({}, layout.yaxis, { range: [0, 1.05], autorange: false });
    }
    Plotly.react(div, figure.data, layout, { responsive: true, displaylogo: false });
  });
}

function onFinished(message) {
  document.body.dataset.phase = "finished";
  $("controller").textContent = "–";
  $("robot-action").textContent = "–";
  $("reason").textContent = "–";
  $("finished").hidden = false;
  $("run-dir").textContent = message.runDirectory;
  if (message.error) { clearTimeout(errorTimer); $("error").textContent = message.error; }
  for (const id of ["pause", "delay", "takeover", "stop"]) { $(id).disabled = true; }
}

function sendHeld() {
  send({
    type: "keys",
    steer: (held.left ? 1 : 0) - (held.right ? 1 : 0), // positive steering turns left
    throttle: (held.up ? 1 : 0) - (held.down ? 1 : 0),
  });
}

const arrows = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" };

document.addEventListener("keydown", (event) => {
  if (!hello || event.target.tagName === "INPUT") { return; }
  if (event.key === "Escape") {
    send({ type: document.body.dataset.phase === "paused" || $("pause").textContent.startsWith("Resume") ? "resume" : "pause" });
  } else if (event.key === "+" || event.key === "=") {
    setDelay(Number($("delay").value) - 100);
  } else if (event.key === "-") {
    setDelay(Number($("delay").value) + 100);
  } else if (event.key === "i" || event.key === "I") {
    send({ type: "takeover" });
  } else if (hello.driving && arrows[event.key]) {
    if (!held[arrows[event.key]]) { held[arrows[event.key]] = true; sendHeld(); }
  } else if (!hello.driving && gridKeys[event.key]) {
    send({ type: "act", action: gridKeys[event.key] });
  } else {
    return;
  }
  event.preventDefault();
});

document.addEventListener("keyup", (event) => {
  if (hello && hello.driving && arrows[event.key]) {
    held[arrows[event.key]] = false;
    sendHeld();
    event.preventDefault();
  }
});

window.addEventListener("blur", () => {
  // Keys released while the window had no focus never arrive: release them all.
  if (hello && hello.driving) { held = { left: false, right: false, up: false, down: false }; sendHeld(); }
});

function setDelay(ms) {
  const clamped = Math.max(0, Math.min(2000, ms));
  $("delay").value = clamped;
  send({ type: "speed", delayMs: clamped });
}

$("pause").addEventListener("click", () => send({ type: $("pause").textContent.startsWith("Resume") ? "resume" : "pause" }));
$("delay").addEventListener("change", () => setDelay(Number($("delay").value)));
$("takeover").addEventListener("click", () => send({ type: "takeover" }));
$("stop").addEventListener("click", () => send({ type: "stop" }));

connect();
