# First: pages import portal.fragments, which imports CacheVersion through portal.cache_versions.
from .cache_versions import CacheVersion

# isort: split
from .pages import BasePage, CountryIndexPage, CountryPage, HomePage, StandardPage
from .site_settings import NavigationSettings
from .taxonomy import (
    Audience,
    Cluster,
    ClusterKind,
    CompliancePoint,
    Country,
    Industry,
    ProgrammeStatus,
    TaxonomyTerm,
    Topic,
)

__all__ = [
    "Audience",
    "BasePage",
    "CacheVersion",
    "Cluster",
    "ClusterKind",
    "CompliancePoint",
    "Country",
    "CountryIndexPage",
    "CountryPage",
    "HomePage",
    "Industry",
    "NavigationSettings",
    "ProgrammeStatus",
    "StandardPage",
    "TaxonomyTerm",
    "Topic",
]
