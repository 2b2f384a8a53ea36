/*
 * The rich-text editor (django-prose-editor) asks Django's JavaScript
 * catalogue for its dialogs' words, but writes the titles of its toolbar
 * buttons and the names in its block-style menu ("Heading 2", "bold") in
 * English. This puts those through the same catalogue (the project's
 * djangojs.po, served by the admin's jsi18n view) once the editor has drawn
 * them. Only the toolbars and dialogs are touched, never the text being
 * edited.
 */
(function () {
  "use strict";
  if (typeof window.gettext !== "function") {
    return;
  }
  var HEADING = /^heading (\d)$/i;
  var CHROME = ".prose-menubar, .prose-editor-dialog";

  function translated(text) {
    var trimmed = text.trim();
    var heading = HEADING.exec(trimmed);
    if (heading) {
      // One entry a level ("Heading 2" → 二级标题), whatever the case.
      return window.gettext("Heading " + heading[1]);
    }
    return window.gettext(trimmed);
  }

  function translateElement(element) {
    var title = element.getAttribute("title");
    if (title) {
      var newTitle = translated(title);
      if (newTitle !== title) {
        element.setAttribute("title", newTitle);
        element.setAttribute("aria-label", newTitle);
      }
    }
    // An icon's text is its name in the icon font ("redo"): left alone.
    if (element.classList.contains("material-icons")) {
      return;
    }
    if (element.childNodes.length === 1 && element.firstChild.nodeType === 3) {
      var text = element.firstChild.nodeValue;
      var newText = translated(text);
      if (text.trim() && newText !== text.trim()) {
        element.firstChild.nodeValue = newText;
      }
    }
  }

  function translateWithin(root) {
    var chrome = [];
    if (root.matches && root.matches(CHROME)) {
      chrome.push(root);
    }
    if (root.querySelectorAll) {
      chrome.push.apply(chrome, root.querySelectorAll(CHROME));
    }
    chrome.forEach(function (part) {
      translateElement(part);
      part.querySelectorAll("*").forEach(function (element) {
        // The text being edited is contenteditable; the menus' previews of
        // block styles borrow its class but not that.
        if (!element.closest("[contenteditable]")) {
          translateElement(element);
        }
      });
    });
  }

  function start() {
    translateWithin(document.body);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          // A label set after its element was placed arrives as a text node.
          var element = node.nodeType === 3 ? node.parentElement : node;
          if (element && element.nodeType === 1) {
            translateWithin(element.closest(CHROME) || element);
          }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
