import pytest
from django_scopes import scopes_disabled


@pytest.fixture(autouse=True)
def _unscoped(db):
    """Services are called from tests outside any request; views still run in their scope."""
    with scopes_disabled():
        yield
