// Progressive enhancement of the post editor's "Preview" button: fetch the preview the server
// renders (the same POST a click sends without JavaScript; nothing is stored) and show it in
// place, keeping the text and any chosen file. Without JavaScript, or on any surprise (an error
// page, a refusal, a validation error), the form is submitted as usual.
(function () {
  "use strict";
  function submitNormally(form, button) {
    button.dataset.previewFetch = "off";
    if (form.requestSubmit) { form.requestSubmit(button); } else { button.click(); }
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".post-editor button[name='preview']");
    if (!button || button.dataset.previewFetch === "off" || !window.fetch || !window.DOMParser) {
      return;
    }
    var form = button.form;
    event.preventDefault();
    var data = new FormData(form);
    data.append("preview", button.value || "1");
    button.setAttribute("aria-busy", "true");
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        if (response.status !== 200) { throw new Error("status " + response.status); }
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector(".post-preview");
        if (!fresh) { throw new Error("no preview"); }
        fresh = document.importNode(fresh, true);
        var current = form.querySelector(".post-preview");
        if (current) { current.replaceWith(fresh); } else { form.insertBefore(fresh, form.querySelector(".field")); }
        fresh.focus();
      })
      .catch(function () { submitNormally(form, button); })
      .finally(function () { button.removeAttribute("aria-busy"); });
  });
})();
