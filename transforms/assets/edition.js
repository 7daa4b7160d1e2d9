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
