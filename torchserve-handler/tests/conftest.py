
import pytest
from qrart_handler.samples import shipped_section, shipped_settings
from qrart_handler.settings import merged
from ts_testing import tiny_torchserve


class FakeContext:
    """The parts of ts.context.Context the handler touches."""

    def __init__(self, model_dir, handler_config, batch_size=8):
        self.system_properties = {"model_dir": model_dir, "gpu_id": None, "batch_size": batch_size}
        self.model_yaml_config = {"handler": handler_config}
        self.metrics = None
        self.statuses = {}
        self.content_types = {}

    def set_response_status(self, code=200, phrase="", idx=0):
        self.statuses[idx] = (code, phrase)

    def set_response_content_type(self, idx, value):
        self.content_types[idx] = value


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory):
    from qrart_handler.tiny import build_tiny_pipeline

    folder = tmp_path_factory.mktemp("model")
    build_tiny_pipeline(str(folder / "pipeline"))
    return str(folder)


@pytest.fixture(scope="session")
def handler_config():
    return merged(shipped_section(), {"device": "cpu", "dtype": "float32", "max_pass_batch": 8})


@pytest.fixture(scope="session")
def handler(tiny_model_dir, handler_config):
    from ts_handler import QrArtHandler

    instance = QrArtHandler()
    instance.initialize(FakeContext(tiny_model_dir, handler_config))
    return instance


@pytest.fixture
def context(tiny_model_dir, handler_config):
    return FakeContext(tiny_model_dir, handler_config)


@pytest.fixture
def settings():
    return shipped_settings()




@pytest.fixture(scope="session")
def torchserve(tmp_path_factory):
    """One real TorchServe (tiny archive, CPU, shipped config on random ports) for the session."""
    with tiny_torchserve(str(tmp_path_factory.mktemp("model-store")), str(tmp_path_factory.mktemp("ts-work"))) as ts:
        yield ts
