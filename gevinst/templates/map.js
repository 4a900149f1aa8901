(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("gevinst-data").textContent);
  var svg = document.querySelector("svg.gevinst-map");
  var tip = document.getElementById("tooltip");
  var search = document.getElementById("search");
  var nodes = Array.prototype.slice.call(svg.querySelectorAll("g.node"));
  var edges = Array.prototype.slice.call(svg.querySelectorAll("g.edge"));
  function walk(start, links) {
    var seen = {}, stack = [start];
    seen[start] = true;
    while (stack.length) {
      var next = links[stack.pop()] || [];
      for (var i = 0; i < next.length; i++) {
        if (!seen[next[i]]) { seen[next[i]] = true; stack.push(next[i]); }
      }
    }
    return seen;
  }
  function clear() {
    svg.classList.remove("focused");
    nodes.concat(edges).forEach(function (el) { el.classList.remove("chain", "selected"); });
  }
  function select(id) {
    clear();
    var up = walk(id, data.feeds), down = walk(id, data.fedBy), chain = {};
    Object.keys(up).concat(Object.keys(down)).forEach(function (k) { chain[k] = true; });
    nodes.forEach(function (el) {
      var key = el.getAttribute("data-id");
      if (chain[key]) { el.classList.add("chain"); }
      if (key === id && !el.classList.contains("kind-assumption")) { el.classList.add("selected"); }
    });
    edges.forEach(function (el) {
      var s = el.getAttribute("data-source"), t = el.getAttribute("data-target");
      var note = t.indexOf("~note~") === 0 && s === id;
      if ((up[s] && up[t]) || (down[s] && down[t]) || note) { el.classList.add("chain"); }
    });
    svg.classList.add("focused");
  }
  function line(parent, label, text) {
    var row = document.createElement("div");
    var strong = document.createElement("span");
    strong.className = "label";
    strong.textContent = label + ": ";
    row.appendChild(strong);
    row.appendChild(document.createTextNode(text));
    parent.appendChild(row);
  }
  function list(parent, label, items) {
    if (!items.length) { return; }
    var head = document.createElement("div");
    head.className = "label";
    head.textContent = label + ":";
    parent.appendChild(head);
    var ul = document.createElement("ul");
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.textContent = item;
      ul.appendChild(li);
    });
    parent.appendChild(ul);
  }
  function show(el, x, y) {
    var info = data.elements[el.getAttribute("data-id")];
    if (!info) { return; }
    while (tip.firstChild) { tip.removeChild(tip.firstChild); }
    var title = document.createElement("div");
    title.className = "title";
    title.textContent = info.name;
    tip.appendChild(title);
    var kind = document.createElement("div");
    kind.className = "kind";
    kind.textContent = info.kind + " \u00b7 " + info.id;
    tip.appendChild(kind);
    if (info.status) { line(tip, data.words.status, info.status); }
    if (info.owner) { line(tip, data.words.owner, info.owner); }
    list(tip, data.words.indicators, info.indicators);
    list(tip, data.words.assumptions, info.assumptions);
    list(tip, data.words.link_notes, info.links);
    if (info.description) { line(tip, data.words.description, info.description); }
    tip.classList.add("visible");
    var left = Math.min(x + 14, window.innerWidth - tip.offsetWidth - 8);
    var top = Math.min(y + 14, window.innerHeight - tip.offsetHeight - 8);
    tip.style.left = Math.max(4, left) + "px";
    tip.style.top = Math.max(4, top) + "px";
  }
  function hide() { tip.classList.remove("visible"); }
  nodes.forEach(function (el) {
    el.setAttribute("tabindex", "0");
    el.setAttribute("role", "button");
    el.addEventListener("mousemove", function (ev) { show(el, ev.clientX, ev.clientY); });
    el.addEventListener("mouseleave", hide);
    el.addEventListener("focus", function () {
      var box = el.getBoundingClientRect();
      show(el, box.right, box.top);
    });
    el.addEventListener("blur", hide);
    el.addEventListener("click", function (ev) {
      ev.stopPropagation();
      select(el.getAttribute("data-id"));
    });
    el.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        select(el.getAttribute("data-id"));
      }
    });
  });
  svg.addEventListener("click", clear);
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { clear(); hide(); }
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") { return; }
    var first = svg.querySelector("g.node.match");
    if (first) { first.scrollIntoView({block: "center", inline: "center"}); first.focus(); }
  });
  var fit = document.getElementById("map-fit");
  fit.addEventListener("click", function () {
    var on = fit.getAttribute("aria-pressed") !== "true";
    fit.setAttribute("aria-pressed", on ? "true" : "false");
    svg.parentNode.classList.toggle("fit", on);
    window.dispatchEvent(new Event("resize"));  // the frame may no longer pan
  });
  search.addEventListener("input", function () {
    var query = search.value.trim().toLowerCase();
    svg.classList.toggle("searching", query.length > 0);
    nodes.forEach(function (el) {
      var info = data.elements[el.getAttribute("data-id")];
      var hit = query.length > 0 && !!info && !el.classList.contains("kind-assumption") &&
        (info.name.toLowerCase().indexOf(query) >= 0 || info.id.toLowerCase().indexOf(query) >= 0);
      el.classList.toggle("match", hit);
    });
  });
}());
(function () {
  "use strict";
  // A frame that pans (the map, a wide table or chart on a phone) can be reached and
  // scrolled with the keyboard, but only while it has something to pan.
  function panning() {
    Array.prototype.forEach.call(document.querySelectorAll(".pan"), function (el) {
      if (el.scrollWidth > el.clientWidth + 1) { el.setAttribute("tabindex", "0"); }
      else { el.removeAttribute("tabindex"); }
    });
  }
  panning();
  window.addEventListener("resize", panning);
}());
