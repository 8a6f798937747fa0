// Page behaviour: theme toggle, copy buttons, and search as you type over the prebuilt lunr
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
  const empty = document.getElementById("search-empty");
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
        return { docs: loaded[1].docs, index: window.alertbookIndex(loaded[1].index), common: new Set(loaded[1].common) };
      });
    }
    return loading;
  }

  // The index holds lower-case words split at anything that is not a letter or digit.
  function terms(query) {
    return query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  const MAX = 20;

  function run(engine, build) {
    return engine.index.query(build).map(function (hit) { return Number(hit.ref); });
  }

  // Words a page can be required to have: ones the index has (whole, or as the start of a longer
  // term) and does not leave out of bodies for being on too many pages ("is", "restart").
  function known(engine, word) {
    return !engine.common.has(word)
      && engine.index.tokenSet.intersect(window.lunr.TokenSet.fromString(word + "*")).toArray().length > 0;
  }

  // Runbooks with every known word first, ranked; then those with any word; and when nothing has
  // even one, names a letter or two away, so "wiregard" still finds WireGuard.
  function search(engine, query) {
    const words = terms(query);
    if (!words.length) return { words: words, docs: null };
    const wildcard = window.lunr.Query.wildcard.TRAILING;
    const required = words.filter(function (word) { return known(engine, word); });
    let refs = required.length ? run(engine, function (q) {
      for (const word of required) {
        q.term(word, { usePipeline: false, boost: 10, presence: window.lunr.Query.presence.OPTIONAL });
        q.term(word, { usePipeline: false, wildcard: wildcard, presence: window.lunr.Query.presence.REQUIRED });
      }
    }) : [];
    if (refs.length < MAX) {
      const seen = new Set(refs);
      refs = refs.concat(run(engine, function (q) {
        for (const word of words) {
          q.term(word, { usePipeline: false, boost: 10 });
          q.term(word, { usePipeline: false, wildcard: wildcard });
        }
      }).filter(function (ref) { return !seen.has(ref); }));
    }
    if (!refs.length) {
      refs = run(engine, function (q) {
        for (const word of words) {
          if (word.length >= 4) {
            q.term(word, { usePipeline: false, fields: ["alert", "title", "metrics"], editDistance: word.length >= 7 ? 2 : 1 });
          }
        }
      });
    }
    return { words: words, docs: refs.slice(0, MAX).map(function (ref) { return engine.docs[ref]; }) };
  }

  // Text with the words of the query marked, built as nodes so nothing in it is read as HTML.
  function marked(text, words) {
    const fragment = document.createDocumentFragment();
    const pattern = new RegExp("(" + words.map(function (word) {
      return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")", "giu");
    let at = 0;
    for (const match of text.matchAll(pattern)) {
      fragment.append(text.slice(at, match.index));
      const mark = document.createElement("mark");
      mark.textContent = match[0];
      fragment.append(mark);
      at = match.index + match[0].length;
    }
    fragment.append(text.slice(at));
    return fragment;
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
      const found = search(engine, query);
      select(-1);
      results.textContent = "";
      if (!found.docs) {
        empty.hidden = true;
        open(false);
        return;
      }
      // Options hold text only (a link inside an option would be a control inside a control);
      // choosing one, by click or Enter, opens its page.
      found.docs.forEach(function (doc, i) {
        const li = document.createElement("li");
        li.id = "search-result-" + i;
        li.setAttribute("role", "option");
        li.dataset.href = doc.url;
        const title = document.createElement("span");
        title.className = "result-title";
        title.append(marked(doc.title, found.words));
        li.append(title);
        const small = document.createElement("small");
        small.append(marked([doc.group, doc.severity, doc.summary].filter(Boolean).join(" · "), found.words));
        li.appendChild(small);
        results.appendChild(li);
      });
      empty.hidden = found.docs.length > 0;
      if (!found.docs.length) {
        empty.textContent = "No runbook matches \u201c" + query + "\u201d. ";
        const all = document.createElement("a");
        all.href = input.dataset.alerts + "?q=" + encodeURIComponent(query);
        all.textContent = "Look in the list of alerts";
        empty.append(all);
      }
      open(found.docs.length > 0);
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
      window.location.href = results.children[Math.max(active, 0)].dataset.href;
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
  results.addEventListener("click", function (event) {
    const option = event.target.closest("[data-href]");
    if (option) window.location.href = option.dataset.href;
  });
  document.addEventListener("click", function (event) {
    if (!input.form.contains(event.target)) {
      open(false);
      empty.hidden = true;
    }
  });
})();
