"""Response headers Django has no setting for. Content-Security-Policy comes from django-csp
(``CONTENT_SECURITY_POLICY``) and Cross-Origin-Opener-Policy from Django itself."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Switch off browser features the portal never uses, for every page and any embed in it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
