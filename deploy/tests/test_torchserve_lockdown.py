"""The shipped TorchServe configuration, and a running instance of it, keep the admin surface closed."""
import requests
from tsctl import SHIPPED_CONFIG, read_properties

LOOPBACK_HEX = "0100007F"


def test_shipped_config_is_locked_down():
    props = read_properties(SHIPPED_CONFIG)
    for key in ("inference_address", "management_address", "metrics_address"):
        assert props[key].startswith("http://127.0.0.1:"), key
    assert props["grpc_inference_address"] == props["grpc_management_address"] == "127.0.0.1"
    assert props["enable_model_api"] == "false"
    assert props["disable_token_authorization"] == "false"
    assert props["enable_envvars_config"] == "false"
    assert props["use_env_allowed_urls"] == "false"
    assert props["allowed_urls"].startswith("file:///") and "http" not in props["allowed_urls"]
    assert props["install_py_dep_per_model"] == "false"


def listening_addresses(port: int) -> set[str]:
    """Local addresses of the sockets listening on a port, read from the kernel (hex, as /proc shows)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table, encoding="ascii") as f:
            for line in f.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                address, hex_port = local.split(":")
                if state == "0A" and int(hex_port, 16) == port:
                    found.add(address)
    return found


def test_running_instance_listens_on_loopback_only(torchserve):
    for port in (torchserve.ports.inference, torchserve.ports.management, torchserve.ports.metrics):
        addresses = listening_addresses(port)
        assert addresses, f"nothing listens on {port}"
        assert addresses <= {LOOPBACK_HEX, "0000000000000000FFFF00000100007F"}, (port, addresses)


def test_management_needs_its_own_token(torchserve):
    url = f"{torchserve.management_url}/models"
    assert requests.get(url, timeout=10).status_code in (400, 401)
    inference_key = {"Authorization": f"Bearer {torchserve.key('inference')}"}
    assert requests.get(url, headers=inference_key, timeout=10).status_code in (400, 401)
    management_key = {"Authorization": f"Bearer {torchserve.key('management')}"}
    assert requests.get(url, headers=management_key, timeout=10).status_code == 200


def test_remote_model_urls_are_refused_even_with_the_management_key(torchserve):
    headers = {"Authorization": f"Bearer {torchserve.key('management')}"}
    for url in ("http://127.0.0.1:9/x.mar", "file:///etc/passwd", "https://example.com/evil.mar"):
        reply = requests.post(f"{torchserve.management_url}/models", params={"url": url}, headers=headers,
                              timeout=10)
        assert reply.status_code >= 400, url
