// Page behaviour: theme toggle, copy buttons, heading anchors, and search as you type over the prebuilt lunr
// index in /search-index.json. Pages work without any of it.
// lunr and the index load on first use, so pages that are only read stay small and fast.
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
  // Copy buttons on code blocks: commands and queries are pasted into terminals during incidents.
  if (navigator.clipboard) {
    for (const code of document.querySelectorAll("pre > code")) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "copy";
      button.textContent = "Copy";
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(code.textContent).then(function () {
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = "Copy"; }, 1500);
        });
      });
      code.parentElement.appendChild(button);
    }
  }
  // Anchors on headings, so a reader can share a link to the step they are on.
  for (const heading of document.querySelectorAll("article h2[id], article h3[id]")) {
    const anchor = document.createElement("a");
    anchor.className = "anchor";
    anchor.href = "#" + heading.id;
    anchor.setAttribute("aria-label", "Link to this section");
    anchor.textContent = "#";
    heading.appendChild(anchor);
  }
  if (!input || !results) return;
  let loading = null;
  let active = -1;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function load() {
    if (!loading) {
      loading = Promise.all([
        window.lunr ? Promise.resolve() : loadScript(input.dataset.engine),
        fetch(input.dataset.index).then(function (r) { return r.json(); })
      ]).then(function (loaded) {
        return { docs: loaded[1].docs, index: window.lunr.Index.load(loaded[1].index) };
      });
    }
    return loading;
  }

  // The index holds lower-case words split at anything that is not a letter or digit.
  function terms(query) {
    return query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function search(engine, query) {
    const words = terms(query);
    if (!words.length) return [];
    return engine.index.query(function (q) {
      for (const word of words) {
        q.term(word, { usePipeline: false, boost: 10 });
        q.term(word, { usePipeline: false, wildcard: window.lunr.Query.wildcard.TRAILING,
          presence: window.lunr.Query.presence.REQUIRED });
      }
    }).slice(0, 20).map(function (hit) { return engine.docs[Number(hit.ref)]; });
  }

  function show(query) {
    load().then(function (engine) {
      if (input.value !== query) return;
      const hits = search(engine, query);
      results.textContent = "";
      active = -1;
      for (const doc of hits) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = doc.url;
        a.textContent = doc.title;
        const small = document.createElement("small");
        small.textContent = [doc.group, doc.severity, doc.summary].filter(Boolean).join(" · ");
        a.appendChild(small);
        li.appendChild(a);
        results.appendChild(li);
      }
      results.hidden = hits.length === 0;
    }).catch(function () { results.hidden = true; });
  }

  function move(step) {
    const items = results.querySelectorAll("li");
    if (!items.length) return;
    if (active >= 0) items[active].classList.remove("active");
    active = (active + step + items.length) % items.length;
    items[active].classList.add("active");
    items[active].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", function () { show(input.value); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
    else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
    else if (event.key === "Enter") {
      const pick = results.querySelectorAll("li a")[Math.max(active, 0)];
      if (pick && !results.hidden) { window.location.href = pick.href; event.preventDefault(); }
    } else if (event.key === "Escape") { results.hidden = true; input.blur(); }
  });
  document.addEventListener("keydown", function (event) {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey) {
      input.focus();
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    if (!input.form.contains(event.target)) results.hidden = true;
  });
})();
