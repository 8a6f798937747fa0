// Client-side search over /search-index.json; the pages work without it.
(function () {
  "use strict";
  const input = document.getElementById("search");
  const results = document.getElementById("search-results");
  const toggle = document.getElementById("theme-toggle");
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      const root = document.documentElement;
      const dark = root.dataset.theme ? root.dataset.theme === "dark"
        : window.matchMedia("(prefers-color-scheme: dark)").matches;
      root.dataset.theme = dark ? "light" : "dark";
      localStorage.setItem("alertbook-theme", root.dataset.theme);
    });
  }
  if (!input || !results) return;
  let index = null;
  let active = -1;

  function load() {
    if (index) return Promise.resolve(index);
    return fetch(input.dataset.index).then(function (r) { return r.json(); }).then(function (entries) {
      index = entries.map(function (e) {
        return { entry: e, text: [e.title, e.alert, e.group, e.severity, e.summary, (e.tags || []).join(" "),
          (e.headings || []).join(" ")].join(" ").toLowerCase() };
      });
      return index;
    });
  }

  function score(item, terms) {
    let total = 0;
    for (const term of terms) {
      const at = item.text.indexOf(term);
      if (at < 0) return -1;
      total += item.entry.alert.toLowerCase().startsWith(term) ? 10 : at < item.entry.title.length ? 5 : 1;
    }
    return total;
  }

  function show(query) {
    const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    results.textContent = "";
    active = -1;
    if (!terms.length) { results.hidden = true; return; }
    load().then(function (items) {
      const hits = items.map(function (item) { return { item: item, score: score(item, terms) }; })
        .filter(function (h) { return h.score >= 0; })
        .sort(function (a, b) { return b.score - a.score || a.item.entry.title.localeCompare(b.item.entry.title); })
        .slice(0, 20);
      results.textContent = "";
      for (const hit of hits) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = hit.item.entry.url;
        a.textContent = hit.item.entry.title;
        const small = document.createElement("small");
        small.textContent = [hit.item.entry.group, hit.item.entry.severity, hit.item.entry.summary]
          .filter(Boolean).join(" · ");
        a.appendChild(small);
        li.appendChild(a);
        results.appendChild(li);
      }
      results.hidden = hits.length === 0;
    });
  }

  function move(step) {
    const items = results.querySelectorAll("li");
    if (!items.length) return;
    if (active >= 0) items[active].classList.remove("active");
    active = (active + step + items.length) % items.length;
    items[active].classList.add("active");
    items[active].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("input", function () { show(input.value); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
    else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
    else if (event.key === "Enter") {
      const pick = results.querySelectorAll("li a")[Math.max(active, 0)];
      if (pick) { window.location.href = pick.href; event.preventDefault(); }
    } else if (event.key === "Escape") { results.hidden = true; input.blur(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== input && !event.ctrlKey && !event.metaKey) {
      input.focus();
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    if (!input.form.contains(event.target)) results.hidden = true;
  });
})();
