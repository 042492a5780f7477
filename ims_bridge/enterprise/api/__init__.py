"""Enterprise API, mounted at /api/v2/enterprise/ (session authentication): the same operations
as the pages, through the same access path (``..access``)."""

from ninja import Query, Router, Schema

from portal.api_auth import signed_in
from portal.api_pagination import Paged, PageParams, page_of

from .. import access
from . import capacity, evidence, plans, self_assessment, staff
from .common import factory_for

router = Router(tags=["enterprise"], auth=signed_in)


class MyFactoryOut(Schema):
    star_id: str
    name: str
    country: str
    industry: str | None
    role: str


@router.get(
    "/factories",
    response=Paged[MyFactoryOut],
    summary="Factories I work on",
    description="By name, paged (`page`, `page_size` 1 to 100), each with my role.",
)
def factories(request, params: Query[PageParams]):
    def convert(items):
        return [
            MyFactoryOut(
                star_id=factory.star_id,
                name=factory.name,
                country=factory.country.slug,
                industry=factory.industry.slug if factory.industry else None,
                role=access.role_for(request.user, factory),
            )
            for factory in items
        ]

    return page_of(
        request,
        access.enterprise_factories(request.user).order_by("name", "pk"),
        params,
        convert=convert,
    )


@router.get("/factories/{star_id}", response=MyFactoryOut, summary="One factory and my role")
def factory(request, star_id: str):
    factory, role = factory_for(request, star_id, "factory")
    return MyFactoryOut(
        star_id=factory.star_id,
        name=factory.name,
        country=factory.country.slug,
        industry=factory.industry.slug if factory.industry else None,
        role=role,
    )


router.add_router("/", self_assessment.router)
router.add_router("/", plans.router)
router.add_router("/", evidence.router)
router.add_router("/", capacity.router)
router.add_router("/", staff.router)

__all__ = ["router"]
