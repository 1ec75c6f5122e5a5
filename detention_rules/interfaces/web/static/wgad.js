/* wgad serve: the page's only script. Collects the form, asks the server, puts its HTML in place.
   Nothing is fetched from anywhere but this server (the page's Content-Security-Policy says so).
   The token travels in the X-Wgad-Token header of every request, never in a cookie (app.py says why).
   Only the fields the drafter changed are sent: the server keeps every other value as the file writes it. */
"use strict";
(function () {
  const form = document.getElementById("case");
  if (!form) return;
  const token = document.querySelector('meta[name="wgad-token"]').content;
  const panel = document.getElementById("reasoning");
  const status = document.getElementById("status");
  const W = JSON.parse(document.getElementById("wgad-words").textContent);  // web.yaml's script: section
  let timer = null, asked = 0, key = 1000, dirty = false;

  function readField(div) {
    const kind = div.dataset.kind;
    let value;
    if (kind === "bool") {
      const checked = div.querySelector('[data-part="value"]:checked');
      value = checked ? checked.value : "";
    } else if (kind === "list" && div.querySelector('input[type="checkbox"][data-part="value"]')) {
      value = Array.from(div.querySelectorAll('[data-part="value"]:checked')).map((e) => e.value);
    } else if (kind === "list") {
      value = div.querySelector('[data-part="value"]').value.split("\n");
    } else {
      value = div.querySelector('[data-part="value"]').value;
    }
    const ref = div.querySelector('[data-part="ref"]');
    const contested = div.querySelector('[data-part="contested"]');
    const none = div.querySelector('[data-part="none"]');
    const out = { value: value, ref: ref ? ref.value : "", contested: contested ? contested.checked : false };
    if (none) out.none = none.checked;
    return out;
  }

  function readFields(root) {
    const out = {};
    root.querySelectorAll(".field").forEach((div) => { out[div.dataset.field] = readField(div); });
    return out;
  }

  function collect() {
    const fields = {}, lists = {};
    form.querySelectorAll("section[data-section]").forEach((sec) => {
      if (sec.dataset.list) {
        lists[sec.dataset.list] = Array.from(sec.querySelectorAll(".item")).map((item) => ({
          origin: parseInt(item.dataset.origin, 10), fields: readFields(item),
        }));
      } else {
        Object.assign(fields, readFields(sec));
      }
    });
    return { fields: fields, lists: lists };
  }

  /* The form as it was opened (or last saved): what the file says. A field shown as it was is not sent,
     so that what an input cannot show exactly (a NUL, a line break in a one-line box) is never rewritten. */
  let opened = collect();

  function changedOnly(state) {
    const same = (a, b) => b !== undefined && JSON.stringify(a) === JSON.stringify(b);
    const fields = {};
    Object.keys(state.fields).forEach((k) => { if (!same(state.fields[k], opened.fields[k])) fields[k] = state.fields[k]; });
    const lists = {};
    Object.keys(state.lists).forEach((name) => {
      const before = {};
      (opened.lists[name] || []).forEach((item) => { before[item.origin] = item.fields; });
      lists[name] = state.lists[name].map((item) => {
        const was = item.origin >= 0 ? before[item.origin] : undefined;
        if (!was) return item;
        const mine = {};
        Object.keys(item.fields).forEach((k) => { if (!same(item.fields[k], was[k])) mine[k] = item.fields[k]; });
        return { origin: item.origin, fields: mine };
      });
    });
    return { fields: fields, lists: lists };
  }

  function body(extra) {
    return Object.assign({ source: form.dataset.source, file: document.getElementById("file-name").value.trim(), state: changedOnly(collect()) }, extra || {});
  }

  async function post(url, data) {
    return fetch(url, { method: "POST", headers: { "Content-Type": "application/json", "X-Wgad-Token": token }, body: JSON.stringify(data), credentials: "omit" });
  }

  async function analyse() {
    const mine = ++asked;
    panel.classList.add("busy");
    const response = await post("/api/analyse", body());
    const html = await response.text();
    if (mine !== asked) return;  // a later change has been sent: its answer wins
    panel.innerHTML = html;
    panel.classList.remove("busy");
    nameItems();
    besideFields();
    panel.dataset.updated = String(mine);
  }

  /* A detail waits for its prerequisite (data-after, declared with the field in the case model): while it is
     empty, it shows only once the prerequisite has the answer that opens it (data-opens), as the interview
     and `wgad gaps` ask it only then; a detail the file answers always shows. */
  function closedBy(div) {
    for (let d = div, steps = 0; d && d.dataset.after && steps < 20; steps++) {
      const item = d.closest(".item");
      const scope = item ? item : form.querySelector('section[data-section="' + d.closest("section").dataset.section + '"]');
      const name = '.field[data-field="' + CSS.escape(d.dataset.after) + '"]';
      // a prerequisite in another section (the sentence waits on trial.held) is named by its full path
      const gate = scope.querySelector(name) || (item ? null : form.querySelector(name));
      if (!gate) return false;
      const answer = readField(gate).value;
      if (String(answer) !== d.dataset.opens) return true;
      d = gate;
    }
    return false;
  }

  function fold() {
    form.querySelectorAll(".field[data-after]").forEach((div) => {
      const own = readField(div);
      const empty = (own.value === "" || (Array.isArray(own.value) && !own.value.join(""))) && !own.ref;
      div.hidden = empty && closedBy(div);
    });
  }

  function changed() {
    fold();
    form.querySelectorAll(".whatif-out").forEach((out) => { out.textContent = ""; });  // answered for the case before
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(analyse, 150);
  }

  function number() {
    form.querySelectorAll("section[data-list]").forEach((sec) => {
      sec.querySelectorAll(".item .number").forEach((span, i) => { span.textContent = String(i + 1); });
    });
    nameItems();
  }

  /* A period's head names it as the reasoning does ("police custody from 3 March 2025"), from the names the
     server sends with each answer (one naming of a period: reasoning/asking.period): the head stays in sight
     while its fields scroll, so "during this period" always says which. */
  function nameItems() {
    const names = Array.from(panel.querySelectorAll(".period-names li")).map((li) => li.textContent.trim());
    form.querySelectorAll('section[data-list="detention"] .item').forEach((item, i) => {
      item.querySelector(".named").textContent = names[i] ? words("period_one", { what: names[i] }) : "";
    });
  }

  /* Each error the server names a field of is shown beside that field, once; the findings stay. */
  function besideFields() {
    form.querySelectorAll(".field-error").forEach((div) => { div.textContent = ""; });
    panel.querySelectorAll("[data-problem]").forEach((li) => {
      const target = find(li.dataset.problem);
      const slot = target && target.classList.contains("field") ? target.querySelector(".field-error") : null;
      if (slot) slot.textContent = li.querySelector(".message").textContent;
    });
  }

  /* A date: the picker writes the text box (the value sent), and a full date typed shows in the picker; a
     month or a year alone (2020-03, 2020) stays text only. */
  function syncDate(input) {
    const field = input.closest(".field");
    if (!field) return;
    const text = field.querySelector(".date-text"), picker = field.querySelector("[data-picker]");
    if (!text || !picker) return;
    if (input === picker) text.value = picker.value;
    else picker.value = /^\d{4}-\d{2}-\d{2}$/.test(text.value.trim()) ? text.value.trim() : "";
  }

  function fieldPath(div) {
    const item = div.closest(".item");
    if (!item) return div.dataset.field;
    const sec = item.closest("section[data-list]");
    const index = Array.from(sec.querySelectorAll(".item")).indexOf(item);
    return sec.dataset.list + "[" + index + "]." + div.dataset.field;
  }

  function find(path) {
    const m = /^([A-Za-z_]\w*)\[(\d+)\]\.?(.*)$/.exec(path);
    if (m) {
      const sec = form.querySelector('section[data-list="' + m[1] + '"]');
      if (!sec) return null;
      const item = sec.querySelectorAll(".item")[parseInt(m[2], 10)];
      if (!item) return sec;
      return item.querySelector('.field[data-field="' + CSS.escape(m[3]) + '"]') || item;
    }
    const div = form.querySelector('section:not([data-list]) .field[data-field="' + CSS.escape(path) + '"]');
    if (div) return div;
    return document.getElementById("s-" + path.split(/[.\[]/)[0]);
  }

  function jump(path) {
    const target = find(path);
    if (!target) return;
    const details = target.closest("details");
    if (details) details.open = true;
    target.scrollIntoView({ block: "center" });
    target.classList.add("jumped");
    setTimeout(() => target.classList.remove("jumped"), 2000);
    const input = target.querySelector("input, select, textarea");
    if (input) input.focus({ preventScroll: true });
  }

  async function whatIf(button) {
    const div = button.closest(".field");
    const out = div.querySelector(".whatif-out");
    out.textContent = W.working;
    const response = await post("/api/whatif", body({ path: fieldPath(div) }));
    out.innerHTML = await response.text();
  }

  async function add(name) {
    const sec = form.querySelector('section[data-list="' + name + '"]');
    const response = await post("/api/item", { list: name, key: ++key });
    sec.querySelector(".items").insertAdjacentHTML("beforeend", await response.text());
    number();
    changed();
  }

  /* A sentence of web.yaml with its {name} parts filled in as text. */
  function words(key, parts) {
    return W[key].replace(/\{(\w+)\}/g, (all, name) => (parts && name in parts ? String(parts[name]) : all));
  }

  function say(text, kind) {
    status.textContent = text;
    status.className = kind || "";
  }

  async function save(replace) {
    const file = document.getElementById("file-name").value.trim();
    if (!file) { say(words("name_first"), "error"); return; }
    if (!/\.ya?ml$/.test(file)) document.getElementById("file-name").value = file + ".yaml";
    say(words("saving"), "");
    const response = await post("/api/save", body({ replace: replace, version: form.dataset.version }));
    let answer;
    try { answer = await response.json(); } catch (e) { say(words("cannot_save", { status: response.status }), "error"); return; }
    if (answer.changed) { say(answer.message, "error"); return; }
    if (answer.exists) {
      if (window.confirm(words("replace", { file: answer.file }))) save(true);
      else say(words("not_saved"), "");
      return;
    }
    if (!answer.ok) {
      const problems = (answer.problems || []).map((p) => (p.field ? p.field + ": " : "") + p.message).join("; ");
      say(answer.message + (problems ? ": " + problems : ""), "error");
      return;
    }
    form.dataset.source = answer.file;
    form.dataset.version = answer.version;
    form.querySelectorAll("section[data-list]").forEach((sec) => {
      sec.querySelectorAll(".item").forEach((item, i) => { item.dataset.origin = String(i); });
    });
    opened = collect();
    history.replaceState(null, "", answer.url);
    dirty = false;
    say(words(answer.written ? "saved" : "unchanged", { file: answer.file }), "ok");
  }

  async function download(format, detainee) {
    const b = body();
    const data = new URLSearchParams({ format: format, source: b.source, file: b.file, state: JSON.stringify(b.state) });
    if (detainee) data.set("detainee", detainee);  // a case of several detainees: the person whose buttons these are
    const stage = document.getElementById("draft-stage");
    if (stage) data.set("stage", stage.value);  // a first submission, or comments on the Government's reply
    say(words("preparing"), "");
    const response = await fetch("/draft", { method: "POST", headers: { "X-Wgad-Token": token }, body: data, credentials: "omit" });
    if (!response.ok) {
      const text = new DOMParser().parseFromString(await response.text(), "text/html").body.textContent;
      say(words("no_draft", { reason: text.trim() }), "error");
      return;
    }
    const named = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") || "");
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = named ? decodeURIComponent(named[1]) : words("draft_file");
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    say(words("downloaded"), "ok");
  }

  window.addEventListener("beforeunload", (event) => {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }  // unsaved facts: the browser asks first
  });
  form.addEventListener("input", (event) => { syncDate(event.target); changed(); });
  form.addEventListener("change", (event) => { syncDate(event.target); changed(); });
  nameItems();
  besideFields();
  /* A period's head sticks just below the file bar, however many lines the bar takes. */
  const bar = form.querySelector(".filebar");
  const under = () => document.documentElement.style.setProperty("--bar", bar.offsetHeight + "px");
  under();
  window.addEventListener("resize", under);
  document.addEventListener("click", (event) => {
    const t = event.target.closest("[data-jump], [data-whatif], [data-provenance], [data-add], [data-remove], #save, .download");
    if (!t) return;
    if (t.dataset.jump !== undefined) { event.preventDefault(); jump(t.dataset.jump); }
    else if (t.dataset.provenance !== undefined) {  // a reference and "contested", asked for
      const box = t.closest(".field").querySelector(".provenance");
      box.hidden = false;
      t.remove();
      box.querySelector('[data-part="ref"]').focus();
    }
    else if (t.dataset.whatif !== undefined) whatIf(t);
    else if (t.dataset.add) add(t.dataset.add);
    else if (t.dataset.remove !== undefined) { t.closest(".item").remove(); number(); changed(); }
    else if (t.id === "save") save(false);
    else if (t.classList.contains("download")) download(t.dataset.format, t.dataset.detainee);
  });
})();
