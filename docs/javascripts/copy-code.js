/*
 * Copy buttons copy only the code.
 *
 * The examples are interactive Python sessions (">>> " prompts, "... " continuations and the
 * output), so the examples can be run as tests. When a code block's copy button is clicked,
 * this hands the theme's clipboard the statements without prompts or output. Other blocks are
 * copied as they are. Nothing is loaded from another host.
 */
(function () {
  "use strict";

  var PROMPT = /^>>>( |$)/;
  var MORE = /^\.\.\.( |$)/;

  /* The code of a session without prompts and output, or null if `text` is not a session. */
  function codeOnly(text) {
    var lines = text.replace(/\n+$/, "").split("\n");
    if (!lines.some(function (line) { return PROMPT.test(line); })) {
      return null;
    }
    var out = [];
    var inSource = false;   /* the previous line was a statement: "... " continues it */
    var compound = false;   /* the statement has continuation lines (a loop, a def, ...) */
    lines.forEach(function (line) {
      if (PROMPT.test(line)) {
        if (compound) {
          out.push("");       /* end the block, as the interpreter needs */
        }
        out.push(line.replace(PROMPT, ""));
        inSource = true;
        compound = false;
      } else if (inSource && MORE.test(line)) {
        out.push(line.replace(MORE, ""));
        compound = true;
      } else {
        inSource = false;     /* output, or a blank line */
      }
    });
    while (out.length && out[out.length - 1] === "") {
      out.pop();
    }
    return out.join("\n") + "\n";
  }

  if (typeof document !== "undefined") {
    /* Capture phase: runs before the theme's clipboard handler reads the button. */
    document.addEventListener("click", function (event) {
      var button = event.target instanceof Element
        ? event.target.closest("[data-clipboard-target]")
        : null;
      if (!button) {
        return;
      }
      var code = document.querySelector(button.getAttribute("data-clipboard-target"));
      var text = code ? codeOnly(code.textContent) : null;
      if (text === null) {
        button.removeAttribute("data-clipboard-text");
      } else {
        button.setAttribute("data-clipboard-text", text);
      }
    }, true);
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { codeOnly: codeOnly };
  }
})();
