// Khabar: the little the pages need beyond HTML. Citation markers already open
// their source sentence on click or Enter (the popover attribute, shown as a panel
// at the bottom of the window); this adds hover and places the reveal by its marker.
(function () {
  "use strict";
  var HIDE_DELAY = 250;
  var GAP = 6;
  // Under the marker, inside the window; above it when there is no room below.
  function place(button, pop) {
    var b = button.getBoundingClientRect();
    pop.classList.add("placed");
    var p = pop.getBoundingClientRect();
    var left = Math.min(Math.max(GAP, b.right - p.width), window.innerWidth - p.width - GAP);
    var top = b.bottom + GAP;
    if (top + p.height > window.innerHeight - GAP) { top = Math.max(GAP, b.top - p.height - GAP); }
    pop.style.left = left + "px";
    pop.style.top = top + "px";
  }
  function wire(button) {
    var pop = document.getElementById(button.getAttribute("popovertarget"));
    if (!pop || !pop.showPopover) { return; }
    var timer = null;
    var byHover = false;
    function show() {
      clearTimeout(timer);
      if (!pop.matches(":popover-open")) { pop.showPopover(); byHover = true; }
    }
    function hideSoon() {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (pop.matches(":popover-open") && !pop.matches(":hover") && document.activeElement !== button) {
          pop.hidePopover();
        }
      }, HIDE_DELAY);
    }
    // A click on a marker that hovering already opened pins it instead of closing it.
    button.addEventListener("click", function (event) {
      if (byHover && pop.matches(":popover-open")) { event.preventDefault(); }
      byHover = false;
    });
    pop.addEventListener("toggle", function (event) {
      if (event.newState === "closed") { byHover = false; } else { place(button, pop); }
    });
    button.addEventListener("mouseenter", show);
    button.addEventListener("mouseleave", hideSoon);
    pop.addEventListener("mouseleave", hideSoon);
    pop.addEventListener("mouseenter", function () { clearTimeout(timer); });
  }
  document.querySelectorAll("button.cite[popovertarget]").forEach(wire);
})();
