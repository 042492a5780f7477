"""The API's contract is the committed docs/openapi.json: a change to an operation, a parameter
or a schema fails here until the document is regenerated (`make openapi`) and committed with
the change, so every change to the API is a deliberate one that a reviewer sees."""

import json
from pathlib import Path

SNAPSHOT = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


def _operations(document):
    return {
        f"{method.upper()} {path}": operation
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    }


def test_the_served_document_is_the_committed_one(client):
    served = client.get("/api/v2/openapi.json").json()
    committed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    if served == committed:
        return
    served_ops, committed_ops = _operations(served), _operations(committed)
    differences = [
        *(f"new operation: {op}" for op in sorted(served_ops.keys() - committed_ops.keys())),
        *(f"gone: {op}" for op in sorted(committed_ops.keys() - served_ops.keys())),
        *(
            f"changed: {op}"
            for op in sorted(served_ops.keys() & committed_ops.keys())
            if served_ops[op] != committed_ops[op]
        ),
    ]
    schemas = served.get("components", {}).get("schemas", {})
    old_schemas = committed.get("components", {}).get("schemas", {})
    differences += [
        f"schema changed: {name}"
        for name in sorted(schemas.keys() | old_schemas.keys())
        if schemas.get(name) != old_schemas.get(name)
    ]
    raise AssertionError(
        "The served OpenAPI document differs from docs/openapi.json. If the change is meant, "
        "run `make openapi` and commit the document with it.\n  "
        + "\n  ".join(differences or ["(info or other top-level fields)"])
    )


def test_every_operation_declares_its_errors_with_the_error_shape():
    document = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    for name, operation in _operations(document).items():
        errors = {s: r for s, r in operation["responses"].items() if s.startswith("4")}
        assert {"400", "401"} <= errors.keys(), name
        for status, response in errors.items():
            schema = response["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorOut"}, (name, status)


def test_no_two_schemas_share_a_name():
    """The OpenAPI document names a schema by its class name, so two schemas of one name (the
    events API's ``EventOut`` and a plan action's history entry were both ``EventOut``) make one
    component, and one of the operations is documented with the other's shape."""
    from ninja import Schema

    import portal.api  # noqa: F401 - imports every router and its schemas

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    ours = ("portal.", "knowledge.", "communities.", "ims_bridge.", "search.")
    by_name = {}
    for schema in subclasses(Schema):
        if schema.__module__.startswith(ours) and "[" not in schema.__name__:
            by_name.setdefault(schema.__name__, set()).add(schema)
    shared = {
        name: sorted(f"{schema.__module__}.{schema.__qualname__}" for schema in schemas)
        for name, schemas in by_name.items()
        if len(schemas) > 1
    }
    assert shared == {}
