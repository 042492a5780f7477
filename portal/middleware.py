from django.middleware.locale import LocaleMiddleware

# Paths outside i18n_patterns: a 404 there is final, not a hint to retry under /<lang>/.
UNPREFIXED_PATHS = ("/api/", "/admin/", "/django-admin/", "/documents/", "/static/", "/media/")


class PortalLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)
