// wagtail-localize's translation editor reads window.chooserUrls; its template set them in an
// inline script, which the site's Content-Security-Policy blocks.
(function () {
    var data = document.getElementById("portal-chooser-urls");
    if (data && typeof window.chooserUrls === "undefined") {
        window.chooserUrls = JSON.parse(data.textContent);
    }
})();
