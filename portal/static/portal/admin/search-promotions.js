// Wagtail's search promotions form (editors' picks): the picks formset and the search-term
// chooser, set up from JSON data instead of Wagtail's inline script, which the site's
// Content-Security-Policy blocks.
/* global $, InlinePanel, ModalWorkflow, QUERY_CHOOSER_MODAL_ONLOAD_HANDLERS */
$(function () {
    var data = JSON.parse(document.getElementById("portal-search-promotions").textContent);
    new InlinePanel({
        formsetPrefix: data.formsetPrefix,
        emptyChildFormPrefix: data.emptyChildFormPrefix,
        canOrder: true,
    });
    var input = $("#" + data.queryFieldId);
    $("#" + data.queryFieldId + "-chooser").on("click", function () {
        ModalWorkflow({
            url: data.chooserUrl,
            onload: QUERY_CHOOSER_MODAL_ONLOAD_HANDLERS,
            responses: {
                queryChosen: function (queryData) {
                    input.val(queryData.querystring);
                },
            },
        });
    });
});
