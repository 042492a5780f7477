// wagtail-localize's "Translate" form: the "select all" box ticks every locale (was an inline
// script in its template, which the site's Content-Security-Policy blocks).
document.addEventListener("DOMContentLoaded", function () {
    var selectAll = document.querySelector('[name="select_all"]');
    var locales = document.querySelectorAll('[name="locales"]');
    if (!selectAll) {
        return;
    }
    selectAll.addEventListener("change", function () {
        for (var i = 0; i < locales.length; i++) {
            locales[i].checked = selectAll.checked;
        }
    });
});
