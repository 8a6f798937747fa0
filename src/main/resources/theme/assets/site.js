// Page behaviour: theme toggle, copy buttons, heading anchors, and search as you type over the prebuilt lunr
// index in /search-index.json. Pages work without any of it.
// lunr and the index load on first use, so pages that are only read stay small and fast.

// search-index.json lists for each term only the fields that hold it, as arrays of document refs
// (see LunrIndex.java); lunr.Index.load wants every field, as an object keyed by ref.
window.alertbookIndex = function (index) {
  index.invertedIndex = index.invertedIndex.map(function (entry) {
    const posting = { _index: entry[1] };
    for (const field of index.fields) {
      posting[field] = {};
      for (const ref of entry[2][field] || []) posting[field][ref] = {};
    }
    return [entry[0], posting];
  });
  return window.lunr.Index.load(index);
};
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
        return { docs: loaded[1].docs, index: window.alertbookIndex(loaded[1].index) };
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

  // The box and its results are a combobox and listbox: arrow keys move the selection while the
  // focus stays in the box, and aria-activedescendant tells screen readers which option it is.
  function open(shown) {
    results.hidden = !shown;
    input.setAttribute("aria-expanded", shown);
  }

  function select(index) {
    const items = results.children;
    if (active >= 0) items[active].removeAttribute("aria-selected");
    active = index;
    if (active < 0) return input.removeAttribute("aria-activedescendant");
    items[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  function show(query) {
    load().then(function (engine) {
      if (input.value !== query) return;
      const hits = search(engine, query);
      select(-1);
      results.textContent = "";
      hits.forEach(function (doc, i) {
        const li = document.createElement("li");
        li.id = "search-result-" + i;
        li.setAttribute("role", "option");
        const a = document.createElement("a");
        a.href = doc.url;
        a.tabIndex = -1;
        a.textContent = doc.title;
        const small = document.createElement("small");
        small.textContent = [doc.group, doc.severity, doc.summary].filter(Boolean).join(" · ");
        a.appendChild(small);
        li.appendChild(a);
        results.appendChild(li);
      });
      open(hits.length > 0);
    }).catch(function () { open(false); });
  }

  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", function () { show(input.value); });
  input.addEventListener("keydown", function (event) {
    const count = results.hidden ? 0 : results.children.length;
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step && count) {
      select((Math.max(active, step > 0 ? -1 : 0) + step + count) % count);
      event.preventDefault();
    } else if (event.key === "Enter" && count) {
      window.location.href = results.children[Math.max(active, 0)].firstChild.href;
      event.preventDefault();
    } else if (event.key === "Escape") {
      open(false);
      input.blur();
    }
  });
  document.addEventListener("keydown", function (event) {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey) {
      input.focus();
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    if (!input.form.contains(event.target)) open(false);
  });
})();
