// The workshop's editor page (gevinst.workshop). No network beyond this server; every
// text from the plan is written with textContent. The map's SVG is gevinst's own
// (gevinst.render.svg escapes every label) and is the only markup put in place.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("ws-data").textContent);
  const W = DATA.words;
  const $ = (id) => document.getElementById(id);
  const DATES = ["start", "end", "value.from"];
  let state = null;
  let version = null;
  let selected = null;
  let busy = false;
  let conflict = false;
  let changes = 0; // counts the page's own requests, so a poll that crossed one is ignored
  // This tab's id: its own undo and redo on the server. Kept for the tab's life, so a
  // reload of the page keeps its history; a new tab gets its own (a tab the browser
  // duplicates copies sessionStorage, and with it this id and history).
  const TAB = (function () {
    const key = "gevinst-tab";
    let tab = null;
    try {
      tab = sessionStorage.getItem(key);
    } catch (error) {
      tab = null; // storage refused: a new id for this page only
    }
    if (!tab || !/^[A-Za-z0-9_-]{1,64}$/.test(tab)) {
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      tab = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      try {
        sessionStorage.setItem(key, tab);
      } catch (error) {
        // kept for this page only
      }
    }
    return tab;
  })();

  function say(text, problem) {
    const status = $("status");
    status.textContent = text;
    status.classList.toggle("problem", Boolean(problem));
  }

  async function call(method, path, body) {
    const headers = { "X-Gevinst-Tab": TAB };
    const options = { method: method, credentials: "same-origin", headers: headers };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    let data = null;
    try {
      data = await response.json();
    } catch (error) {
      data = { message: response.statusText };
    }
    return { status: response.status, data: data };
  }

  function showConflict() {
    conflict = true;
    $("conflict").hidden = false;
  }

  async function load() {
    changes += 1;
    const answer = await call("GET", "/api/state");
    if (answer.status === 200) {
      conflict = false;
      $("conflict").hidden = true;
      show(answer.data);
    } else {
      say(W.ws_not_saved.replace("{message}", answer.data.message || ""), true);
    }
  }

  // Apply one request that changes the file; true when it was saved.
  async function change(path, body) {
    if (busy) return false;
    busy = true;
    changes += 1;
    document.body.setAttribute("aria-busy", "true");
    try {
      body.version = version;
      const answer = await call("POST", path, body);
      if (answer.status === 200) {
        show(answer.data);
        say(W.ws_saved.replace("{file}", answer.data.file), false);
        return true;
      }
      if (answer.status === 409) showConflict();
      say(W.ws_not_saved.replace("{message}", answer.data.message || ""), true);
      return false;
    } catch (error) {
      say(W.ws_not_saved.replace("{message}", String(error)), true);
      return false;
    } finally {
      busy = false;
      document.body.setAttribute("aria-busy", "false");
    }
  }

  const edit = (operation) => change("/api/edit", { edit: operation });

  function element(id) {
    return state ? state.elements.find((e) => e.id === id) : undefined;
  }

  function label(e) {
    return DATA.kinds[e.kind] + " " + e.id + ": " + e.name;
  }

  function option(value, text) {
    const o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    return o;
  }

  function show(data) {
    // the controls are drawn anew: the one that had the focus gets it back (keyboard use)
    const focused = document.activeElement ? document.activeElement.id : "";
    state = data;
    version = data.version;
    $("file").textContent = data.file;
    $("undo").disabled = !data.can.undo;
    $("redo").disabled = !data.can.redo;
    $("plan-error").hidden = !data.error;
    $("plan-error-text").textContent = data.error || "";
    drawMap();
    drawFindings();
    const list = $("element-select");
    list.replaceChildren(option("", W.ws_choose));
    for (const e of data.elements) list.appendChild(option(e.id, label(e)));
    if (selected && !element(selected)) selected = null;
    select(selected, false);
    const again = focused ? $(focused) : null;
    if (again && document.activeElement !== again && !again.closest("[hidden]")) again.focus();
  }

  function drawMap() {
    const map = $("map");
    map.innerHTML = state.svg; // gevinst's own SVG: every label escaped by its writer
    const mapped = state.elements.filter((e) => e.kind !== "stakeholder" && e.kind !== "indicator");
    $("empty").hidden = !state.svg || mapped.length > 0;
    $("empty").textContent = W.ws_empty_map;
    const svg = map.querySelector("svg");
    if (svg) {
      // the width at which its smallest text is 12 px (render's page has it as a style
      // attribute, which this page's Content-Security-Policy would refuse)
      if (state.svg_width) svg.style.width = `${state.svg_width}px`;
      svg.setAttribute("role", "group");
      svg.setAttribute("aria-label", state.file);
    }
    for (const node of map.querySelectorAll("g.node[data-id]")) {
      const e = element(node.dataset.id);
      if (!e) continue;
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "button");
      node.setAttribute("aria-label", label(e));
      node.addEventListener("click", () => select(e.id, true));
      node.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          select(e.id, true);
        }
      });
    }
  }

  function drawFindings() {
    const list = $("findings");
    list.replaceChildren();
    if (!state.findings.length && !state.error) {
      const li = document.createElement("li");
      li.textContent = W.ws_no_findings;
      list.appendChild(li);
    }
    for (const f of state.findings) {
      const li = document.createElement("li");
      li.className = "finding " + f.severity;
      const text = f.code + " " + f.severity + (f.element ? " " + f.element : "") + ": " + f.message;
      if (f.element && element(f.element)) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "link";
        button.dataset.element = f.element;
        button.textContent = text;
        button.addEventListener("click", () => {
          select(f.element, true);
          const node = mapNode(f.element);
          if (node) node.focus();
        });
        li.appendChild(button);
      } else {
        li.textContent = text;
      }
      list.appendChild(li);
    }
  }

  function mapNode(id) {
    for (const node of document.querySelectorAll("#map g.node[data-id]")) {
      if (node.dataset.id === id) return node;
    }
    return null;
  }

  function select(id, scroll) {
    selected = id || null;
    $("element-select").value = selected || "";
    for (const node of document.querySelectorAll("#map g.node.selected")) node.classList.remove("selected");
    const e = selected ? element(selected) : undefined;
    $("editor").hidden = !e;
    $("none-selected").textContent = e ? "" : W.ws_none_selected;
    if (!e) return;
    const node = mapNode(e.id);
    if (node) {
      node.classList.add("selected");
      if (scroll) node.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
    $("edit-name").value = e.name;
    $("edit-description").value = e.description || "";
    $("edit-assumptions").value = (e.assumptions || []).join("\n");
    drawFields(e);
    drawLinks(e);
  }

  function fieldValue(e, field) {
    if (e.dates && e.dates[field]) return e.dates[field]; // in the plan's language
    let value = e;
    for (const part of field.split(".")) value = value == null ? undefined : value[part];
    if (value == null) return "";
    if (Array.isArray(value)) return value.join(field === "indicators" ? "\n" : " / ");
    return String(value);
  }

  function drawFields(e) {
    const box = $("fields");
    for (const old of box.querySelectorAll(".field")) old.remove();
    box.hidden = !e.fields.length;
    for (const field of e.fields) {
      const wrap = document.createElement("div");
      wrap.className = "field";
      const id = "field-" + field.replace(".", "-");
      const l = document.createElement("label");
      l.htmlFor = id;
      l.textContent = DATA.labels[field];
      let input;
      if (DATA.choices[field]) {
        input = document.createElement("select");
        input.appendChild(option("", "—"));
        for (const [value, word] of DATA.choices[field]) input.appendChild(option(value, word));
      } else if (field === "indicators") {
        input = document.createElement("textarea");
        input.rows = 2;
        input.setAttribute("aria-describedby", "list-hint");
      } else if (field === "cashable") {
        input = document.createElement("select");
        input.appendChild(option("", "—"));
        input.appendChild(option("true", "✓"));
        input.appendChild(option("false", "✗"));
      } else {
        input = document.createElement("input");
        if (DATES.includes(field)) {
          // a text field, not type=date: the browser would show its own locale's format
          input.inputMode = "numeric";
          input.placeholder = W.ws_date_hint;
          input.title = W.ws_date_hint;
        }
      }
      input.id = id;
      input.dataset.field = field;
      input.value = fieldValue(e, field);
      wrap.append(l, input);
      box.appendChild(wrap);
    }
  }

  // A link's list entry: what it says, a button that puts it in the form to edit it
  // (a link made again to the same element replaces it) and one that removes it.
  function linkItem(e, link, relation) {
    const li = document.createElement("li");
    const other = element(link.to);
    const name = other ? other.name : link.to;
    const text = document.createElement("span");
    const arrow = relation === "mitigates" ? "⊣ " + DATA.words.mitigates + " " : "→ ";
    let words = arrow + name + " (" + link.to + ")";
    if (link.weight != null) words += ", " + link.weight;
    if (link.note) words += ": " + link.note;
    text.textContent = words;
    const change = document.createElement("button");
    change.type = "button";
    change.className = "edit-link";
    change.dataset.target = link.to;
    change.dataset.relation = relation;
    change.textContent = "✎";
    change.setAttribute("aria-label", W.ws_edit_link.replace("{name}", name));
    change.title = W.ws_edit_link.replace("{name}", name);
    change.addEventListener("click", () => {
      $("link-relation").value = relation;
      drawTargets(e);
      $("link-target").value = link.to;
      $("link-weight").value = link.weight == null ? "" : String(link.weight);
      $("link-note").value = link.note || "";
      $("link-assumptions").value = (link.assumptions || []).join("\n");
      $("link-target").focus();
    });
    const button = document.createElement("button");
    button.type = "button";
    button.className = relation === "mitigates" ? "unmitigate" : "unlink";
    button.dataset.target = link.to;
    button.textContent = "✗";
    const remove = relation === "mitigates" ? W.ws_unmitigate : W.ws_unlink;
    button.setAttribute("aria-label", remove.replace("{name}", name));
    button.title = remove.replace("{name}", name);
    button.addEventListener("click", () =>
      edit({ op: "unlink", source: e.id, target: link.to, relation: relation }),
    );
    li.append(text, " ", change, " ", button);
    return li;
  }

  function drawLinks(e) {
    const part = $("link-part");
    part.hidden = e.contributes_to === undefined;
    const list = $("links");
    list.replaceChildren();
    const links = e.contributes_to || [];
    const mitigations = e.mitigates || [];
    if (!links.length && !mitigations.length) {
      const li = document.createElement("li");
      li.textContent = W.ws_no_links;
      list.appendChild(li);
    }
    for (const link of links) list.appendChild(linkItem(e, link, "contributes"));
    for (const link of mitigations) list.appendChild(linkItem(e, link, "mitigates"));
    // only a measure or a change can mitigate (it has a `mitigates` list)
    const mitigating = e.mitigates !== undefined;
    $("relation-part").hidden = !mitigating;
    if (!mitigating) $("link-relation").value = "contributes";
    drawTargets(e);
  }

  // The elements a link can go to: a mitigation only to a dis-benefit; no weight.
  function drawTargets(e) {
    const mitigates = $("link-relation").value === "mitigates";
    $("link-weight").disabled = mitigates;
    if (mitigates) $("link-weight").value = "";
    const targets = $("link-target");
    const keep = targets.value;
    targets.replaceChildren();
    for (const other of state.elements) {
      if (other.id === e.id || other.contributes_to === undefined) continue;
      if (mitigates && other.kind !== "disbenefit") continue;
      targets.appendChild(option(other.id, label(other)));
    }
    // the element chosen before, if it is still offered (else the first one)
    if ([...targets.options].some((o) => o.value === keep)) targets.value = keep;
  }

  function same(a, b) {
    return String(a).trim() === String(b).trim();
  }

  $("add-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const id = $("add-id").value.trim();
    const ok = await edit({ op: "add", kind: $("add-kind").value, id: id, name: $("add-name").value });
    if (ok) {
      $("add-id").value = "";
      $("add-name").value = "";
      select(id, true);
      $("add-id").focus();
    }
  });

  $("edit-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const e = element(selected);
    if (!e) return;
    const id = e.id;
    if (!same($("edit-name").value, e.name)) {
      if (!(await edit({ op: "rename", id: id, name: $("edit-name").value }))) return;
    }
    const changes = [
      ["description", $("edit-description").value, e.description || ""],
      ["assumptions", $("edit-assumptions").value, (e.assumptions || []).join("\n")],
    ];
    for (const input of $("fields").querySelectorAll("[data-field]")) {
      changes.push([input.dataset.field, input.value, fieldValue(e, input.dataset.field)]);
    }
    for (const [field, value, before] of changes) {
      if (same(value, before)) continue;
      let sent = value;
      if (field === "cashable") sent = value === "" ? null : value === "true";
      if (!(await edit({ op: "set", id: id, field: field, value: sent }))) return;
    }
  });

  $("link-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!selected || !$("link-target").value) return;
    const ok = await edit({
      op: "link",
      relation: $("link-relation").value,
      source: selected,
      target: $("link-target").value,
      weight: $("link-weight").value.trim() || null,
      note: $("link-note").value.trim() || null,
      assumptions: $("link-assumptions").value,
    });
    if (ok) {
      $("link-weight").value = "";
      $("link-note").value = "";
      $("link-assumptions").value = "";
    }
  });
  $("link-relation").addEventListener("change", () => {
    const e = element(selected);
    if (e) drawTargets(e);
  });

  // Enter in a list saves its form, as Enter in a text field does (Space and the arrows
  // keep their own work in the list: open it, choose).
  for (const form of document.querySelectorAll("form")) {
    form.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || event.target.tagName !== "SELECT") return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      form.requestSubmit();
    });
  }

  $("delete").addEventListener("click", () => {
    if (selected) edit({ op: "delete", id: selected });
  });
  $("element-select").addEventListener("change", (event) => select(event.target.value, true));
  $("undo").addEventListener("click", () => change("/api/undo", {}));
  $("redo").addEventListener("click", () => change("/api/redo", {}));
  $("reload").addEventListener("click", load);
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest("input, textarea, select");
    if (typing || !(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    if (key === "z" && !event.shiftKey) {
      event.preventDefault();
      change("/api/undo", {});
    } else if (key === "y" || (key === "z" && event.shiftKey)) {
      event.preventDefault();
      change("/api/redo", {});
    }
  });

  // The file on disk is watched: a change made elsewhere is shown, never overwritten.
  setInterval(async () => {
    if (busy || conflict || version === null) return;
    const seen = changes;
    try {
      const answer = await call("GET", "/api/version");
      const crossed = busy || seen !== changes;
      if (answer.status === 200 && answer.data.version !== version && !crossed) showConflict();
    } catch (error) {
      say(String(error), true);
    }
  }, 1500);

  load();
})();
