"""Page numbers through long lists (a community's 100,000 threads, a thread's 5,000 replies)
at the cost of a short one.

``LongListPaginator`` is Django's ``Paginator`` (same numbers, same pages, same errors) over a
queryset whose order ends in the primary key and matches an index (``Thread.LIST_ORDER`` and
``thread_community_list``, ``Post.Meta.ordering`` and ``post_thread_list``). A page is one
query whose subquery picks the page's primary keys from the index alone, never touching the
rows it skips, walking from the far end of the list for the pages past its middle (so the last
page costs what the first does); only those rows are then read, with their ``select_related``
(``prefetch_related`` follows as usual). The count stays an exact ``COUNT(*)``, an index-only
scan too."""

from django.core.paginator import Paginator


class LongListPaginator(Paginator):
    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self._rows(bottom, top), number, self)

    def _rows(self, bottom, top):
        items = self.object_list
        keys = items.prefetch_related(None).values("pk")
        if bottom > self.count - top:  # nearer the end: count the keys from there
            keys = keys.reverse()[self.count - top : self.count - bottom]
        else:
            keys = keys[bottom:top]
        return list(items.filter(pk__in=keys))
