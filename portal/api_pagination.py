"""One way to page through a list in the API: ``?page=`` (from 1) and ``?page_size=`` (1 to
100, 20 unless an operation says otherwise), answered as ``{count, page, page_size, num_pages,
next, previous, results}``. A page past the last one is a 404 (``not_found``), except page 1 of
an empty list, which is an empty page."""

from typing import Generic, TypeVar

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from ninja import Field, Schema

T = TypeVar("T")

MAX_PAGE_SIZE = 100
MAX_PAGE = 100_000


class PageParams(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE, description="Results per page.")


class Paged(Schema, Generic[T]):
    count: int = Field(description="Results in all pages.")
    page: int
    page_size: int
    num_pages: int
    next: str | None = Field(description="URL of the next page, or null on the last.")
    previous: str | None = Field(description="URL of the previous page, or null on the first.")
    results: list[T]


def _page_url(request, number):
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(request.path) + "?" + query.urlencode()


def page_of(request, items, params, convert=None, paginator_class=Paginator):
    """The ``Paged`` dict for ``params`` (a ``PageParams``) over a queryset or list, each item
    passed through ``convert`` (called with the whole page's items, so it can batch)."""
    paginator = paginator_class(items, params.page_size)
    try:
        page = paginator.page(params.page)
    except EmptyPage as exc:
        if params.page != 1:
            raise Http404 from exc
        page = paginator.get_page(1)
    objects = list(page.object_list)
    return {
        "count": paginator.count,
        "page": page.number,
        "page_size": params.page_size,
        "num_pages": paginator.num_pages,
        "next": _page_url(request, page.number + 1) if page.has_next() else None,
        "previous": _page_url(request, page.number - 1) if page.has_previous() else None,
        "results": convert(objects) if convert else objects,
    }
