import pytest
from ts_testing import tiny_torchserve


@pytest.fixture(scope="session")
def torchserve(tmp_path_factory):
    """One real TorchServe (tiny archive, CPU, shipped config on random ports) for the ops tests."""
    with tiny_torchserve(str(tmp_path_factory.mktemp("model-store")), str(tmp_path_factory.mktemp("ts-work"))) as ts:
        yield ts
