// The citation's copy button: without JavaScript the reader selects the read-only text.
(function () {
  document.querySelectorAll(".citation").forEach(function (box) {
    var button = box.querySelector(".citation-copy");
    var text = box.querySelector(".citation-text");
    if (!button || !text || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(text.value).then(function () {
        button.textContent = button.dataset.copied;
      });
    });
  });
})();
