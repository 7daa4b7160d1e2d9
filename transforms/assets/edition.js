// Notes read in place: a note marker opens its note in a popover beside the text.
// Without scripts (or without the Popover API) the marker is a plain link to the
// note in the list at the end of the page, and the note links back.
(function () {
  "use strict";
  if (!HTMLElement.prototype.showPopover) return;

  let popover = null;
  let opener = null;

  function make() {
    const el = document.createElement("div");
    el.id = "note-popover";
    el.setAttribute("popover", "auto");
    el.setAttribute("role", "dialog");
    el.setAttribute("aria-labelledby", "note-popover-head");
    el.tabIndex = -1;
    el.addEventListener("toggle", function (event) {
      if (event.newState === "closed" && opener) {
        opener.focus({ preventScroll: true });
        opener = null;
      }
    });
    document.body.appendChild(el);
    return el;
  }

  function place(el, marker) {
    const box = marker.getBoundingClientRect();
    const width = el.offsetWidth;
    const left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
    const below = box.bottom + 6;
    const top = below + el.offsetHeight > window.innerHeight - 8
      ? Math.max(8, box.top - el.offsetHeight - 6) : below;
    el.style.position = "fixed";
    el.style.left = left + "px";
    el.style.top = top + "px";
  }

  function open(marker) {
    const item = document.getElementById(decodeURIComponent(marker.hash.slice(1)));
    const body = item && item.querySelector(".note-body");
    if (!body) return false;
    popover = popover || make();
    const head = document.createElement("p");
    head.className = "popover-head";
    head.id = "note-popover-head";
    const label = document.createTextNode("Note " + marker.textContent.trim() + " · ");
    const link = document.createElement("a");
    link.href = marker.hash;
    link.textContent = "in the list of notes";
    head.append(label, link);
    const copy = body.cloneNode(true);
    copy.removeAttribute("id");
    copy.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
    popover.replaceChildren(head, copy);
    if (popover.matches(":popover-open")) popover.hidePopover();
    opener = marker;
    popover.showPopover();
    place(popover, marker);
    popover.focus({ preventScroll: true });
    return true;
  }

  document.addEventListener("click", function (event) {
    const marker = event.target.closest("a.noteref");
    if (!marker || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (open(marker)) event.preventDefault();
  });
})();

// Search: the box (present when the edition was rendered with a search index) finds
// passages with Pagefind's index in pagefind/, fetched piece by piece as the reader types.
// Results are built from text only: an excerpt's highlighting is the one element kept.
(function () {
  "use strict";
  const box = document.querySelector("div.search[hidden]");
  if (!box) return;
  const script = document.currentScript;
  const site = new URL("../", script ? script.src : location.href);
  const input = box.querySelector("input");
  const results = box.querySelector("#search-results");
  let engine = null;
  let latest = 0;
  box.hidden = false;

  function say(text) {
    const p = document.createElement("p");
    p.className = "search-status";
    p.textContent = text;
    results.replaceChildren(p);
  }

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", site).href).then(function (pagefind) {
        pagefind.options({ baseUrl: site.pathname });
        return pagefind;
      });
    }
    return engine;
  }

  // Pagefind marks the matched words with <mark>; everything else of an excerpt is text.
  function excerpt(html) {
    const p = document.createElement("p");
    p.className = "search-excerpt";
    const parsed = new DOMParser().parseFromString(html, "text/html");
    parsed.body.childNodes.forEach(function (node) {
      if (node.nodeType === Node.ELEMENT_NODE && node.localName === "mark") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.append(mark);
      } else {
        p.append(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  function link(url, text) {
    const a = document.createElement("a");
    const target = new URL(url, site);
    // Only pages of this edition: anything else in an index is not followed.
    a.href = target.origin === site.origin && target.pathname.startsWith(site.pathname) ? target.href : "#";
    a.textContent = text;
    return a;
  }

  async function search(query) {
    const asked = ++latest;
    if (!query.trim()) { results.replaceChildren(); return; }
    let pagefind;
    try {
      pagefind = await load();
    } catch (error) {
      engine = null;
      say(location.protocol === "file:"
        ? "Search needs the edition to be served (for example: python -m http.server in its folder); this browser does not let a page opened from disk load the index."
        : "The search index could not be loaded.");
      return;
    }
    const found = await pagefind.debouncedSearch(query, {}, 200);
    if (found === null || asked !== latest) return;
    if (!found.results.length) { say("Nothing found."); return; }
    const data = await Promise.all(found.results.slice(0, 10).map(function (r) { return r.data(); }));
    if (asked !== latest) return;
    const list = document.createElement("ol");
    data.forEach(function (page) {
      const item = document.createElement("li");
      item.append(link(page.url, (page.meta && page.meta.title) || page.url));
      const sections = (page.sub_results || []).filter(function (s) { return s.url !== page.url; }).slice(0, 3);
      if (sections.length) {
        const inner = document.createElement("ul");
        sections.forEach(function (s) {
          const li = document.createElement("li");
          li.append(link(s.url, s.title), excerpt(s.excerpt));
          inner.append(li);
        });
        item.append(inner);
      } else {
        item.append(excerpt(page.excerpt));
      }
      list.append(item);
    });
    const count = document.createElement("p");
    count.className = "search-status";
    count.textContent = found.results.length + (found.results.length === 1 ? " page" : " pages") +
      (found.results.length > 10 ? " (the first 10 shown)" : "");
    results.replaceChildren(count, list);
  }

  input.addEventListener("input", function () { search(input.value); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.value = ""; results.replaceChildren(); }
  });
})();
