"""Offline checks of everything under deploy/: schemas, security invariants, cross-references."""
import json
import os
import re
import shutil
import subprocess
import sys

import kubernetes_validate
import pytest
import yaml

DEPLOY = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
ROOT = os.path.dirname(DEPLOY)
K8S_VERSION = "1.33.0"


def manifests():
    docs = []
    for folder in ("k8s", "monitoring"):
        for name in sorted(os.listdir(os.path.join(DEPLOY, folder))):
            if name.endswith(".yaml"):
                with open(os.path.join(DEPLOY, folder, name), encoding="utf-8") as f:
                    docs += [(name, doc) for doc in yaml.safe_load_all(f) if doc]
    return docs


def find(kind, name):
    matches = [doc for _, doc in manifests() if doc["kind"] == kind and doc["metadata"]["name"] == name]
    assert matches, f"no {kind} {name}"
    return matches[0]


def properties(text):
    return dict(line.split("=", 1) for line in text.splitlines() if line and not line.startswith("#"))


# Settings a deployment sets for its own network and filesystem; every other key of the shipped
# deploy/torchserve/config.properties must appear in each copy with the shipped value.
PER_ENVIRONMENT = {"inference_address", "management_address", "metrics_address", "grpc_inference_port",
                   "grpc_management_port", "model_store", "allowed_urls"}
# In Kubernetes, token auth is replaced by network isolation (30-network-policies.yaml).
CLUSTER_ONLY = {"disable_token_authorization": "true"}


def shipped_properties():
    with open(os.path.join(DEPLOY, "torchserve", "config.properties"), encoding="utf-8") as f:
        return properties(f.read())


def property_copies():
    with open(os.path.join(DEPLOY, "docker", "config.properties"), encoding="utf-8") as f:
        docker = properties(f.read())
    cluster = properties(find("ConfigMap", "torchserve")["data"]["config.properties"])
    return {"docker": (docker, {}), "k8s": (cluster, CLUSTER_ONLY)}


@pytest.mark.parametrize("copy", ["docker", "k8s"])
def test_torchserve_property_copies_equal_the_shipped_file_but_for_their_environment(copy):
    shipped = shipped_properties()
    props, own = property_copies()[copy]
    if own.get("disable_token_authorization") == "true":
        shipped.pop("token_expiration_min")
    expected = {k: v for k, v in {**shipped, **own}.items() if k not in PER_ENVIRONMENT}
    actual = {k: v for k, v in props.items() if k not in PER_ENVIRONMENT}
    assert actual == expected


@pytest.mark.parametrize("name,doc", manifests(), ids=lambda v: v if isinstance(v, str) else v["metadata"]["name"])
def test_every_manifest_matches_the_kubernetes_schema_strictly(name, doc):
    kubernetes_validate.validate(doc, K8S_VERSION, strict=True)


def containers():
    for _, doc in manifests():
        if doc["kind"] in ("Deployment", "StatefulSet"):
            for container in doc["spec"]["template"]["spec"]["containers"]:
                yield doc, container


def test_every_container_has_requests_limits_non_root_and_pinned_image():
    for doc, container in containers():
        resources = container["resources"]
        assert resources["requests"] and resources["limits"], container["name"]
        assert doc["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"] is True
        assert container["securityContext"]["allowPrivilegeEscalation"] is False
        assert not container["image"].endswith(":latest") and ":" in container["image"]


def test_torchserve_requests_a_gpu_and_is_ready_only_when_its_workers_are():
    pod = find("StatefulSet", "torchserve")["spec"]["template"]["spec"]
    container = pod["containers"][0]
    assert container["resources"]["requests"]["nvidia.com/gpu"] == "1"
    assert container["resources"]["limits"]["nvidia.com/gpu"] == "1"
    probe = container["readinessProbe"]["exec"]["command"]
    assert "tsctl.py" in " ".join(probe) and "ready" in probe
    assert pod["automountServiceAccountToken"] is False


def test_torchserve_in_cluster_config_keeps_management_off_the_network_and_models_local():
    config = properties(find("ConfigMap", "torchserve")["data"]["config.properties"])
    assert config["management_address"].startswith("http://127.0.0.1:")
    assert config["grpc_management_address"] == "127.0.0.1"
    assert config["enable_model_api"] == "false"
    assert config["allowed_urls"].startswith("file:///model-store/")
    assert config["use_env_allowed_urls"] == "false" and config["enable_envvars_config"] == "false"


def test_network_policies_replace_token_auth_for_torchserve():
    assert find("NetworkPolicy", "default-deny")["spec"] == {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}
    ingress = find("NetworkPolicy", "torchserve-ingress")["spec"]
    assert ingress["podSelector"]["matchLabels"] == {"app": "torchserve"}
    allowed = {(json.dumps(rule["from"], sort_keys=True), port["port"])
               for rule in ingress["ingress"] for port in rule["ports"]}
    assert allowed == {
        (json.dumps([{"podSelector": {"matchLabels": {"app": "qrart-gateway"}}}], sort_keys=True), 8080),
        (json.dumps([{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}}],
                    sort_keys=True), 8082),
    }
    egress_policies = [doc for _, doc in manifests() if doc["kind"] == "NetworkPolicy"
                       and "Egress" in doc["spec"]["policyTypes"]
                       and doc["spec"]["podSelector"].get("matchLabels", {}).get("app") == "torchserve"]
    assert egress_policies == [], "TorchServe pods get no egress beyond default deny"


def test_torchserve_scales_on_queue_latency_that_the_adapter_exports():
    metric = find("HorizontalPodAutoscaler", "torchserve")["spec"]["metrics"][0]["pods"]["metric"]["name"]
    rules = yaml.safe_load(find("ConfigMap", "prometheus-adapter-qrart")["data"]["config.yaml"])["rules"]
    assert metric in [rule["name"]["as"] for rule in rules]
    assert find("HorizontalPodAutoscaler", "qrart-gateway")["spec"]["minReplicas"] >= 2


def test_gateway_gets_config_from_configmap_and_secret_and_no_cors_wildcard():
    container = find("Deployment", "qrart-gateway")["spec"]["template"]["spec"]["containers"][0]
    sources = {list(source)[0] for source in container["envFrom"]}
    assert sources == {"configMapRef", "secretRef"}
    assert "*" not in json.dumps(find("ConfigMap", "qrart-gateway")["data"])


def test_dockerfiles_pass_hadolint_run_as_non_root_and_pin_their_bases():
    hadolint = shutil.which("hadolint", path=os.path.dirname(sys.executable)) or shutil.which("hadolint")
    for name in ("gateway.Dockerfile", "torchserve.Dockerfile"):
        path = os.path.join(DEPLOY, "docker", name)
        result = subprocess.run([hadolint, path], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        text = open(path, encoding="utf-8").read()
        bases = re.findall(r"^FROM (\S+)", text, re.M)
        assert all(re.search(r":\d[\w.-]*", base) for base in bases), bases
        users = re.findall(r"^USER (\S+)", text, re.M)
        assert users and users[-1] not in ("root", "0")


def test_compose_file_is_consistent():
    with open(os.path.join(DEPLOY, "docker", "compose.yaml"), encoding="utf-8") as f:
        compose = yaml.safe_load(f)
    services = compose["services"]
    assert {"gateway", "torchserve", "firestore", "gcs"} <= set(services)
    assert "ports" not in services["torchserve"], "inference is never published to the host"
    assert services["gateway"]["depends_on"]["torchserve"]["condition"] == "service_healthy"
    gpu = services["torchserve"]["deploy"]["resources"]["reservations"]["devices"][0]
    assert gpu["capabilities"] == ["gpu"]
    declared = set(compose["volumes"])
    for name, service in services.items():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if not source.startswith("."):
                assert source in declared, f"{name}: undeclared volume {source}"
            else:
                assert os.path.exists(os.path.join(DEPLOY, "docker", source)) or source.endswith("model-store")
        dockerfile = service.get("build", {}).get("dockerfile")
        if dockerfile:
            assert os.path.exists(os.path.join(ROOT, dockerfile))
    config = properties(open(os.path.join(DEPLOY, "docker", "config.properties"), encoding="utf-8").read())
    assert config["disable_token_authorization"] == "false"
    assert config["management_address"].startswith("http://127.0.0.1:")
    assert config["enable_model_api"] == "false"


def test_gcp_setup_is_least_privilege_and_covers_bucket_firestore_and_gpu_pool():
    script = os.path.join(DEPLOY, "gcp", "setup.sh")
    assert subprocess.run(["bash", "-n", script]).returncode == 0
    out = subprocess.run(["bash", script], capture_output=True, text=True, check=True,
                         env=dict(os.environ, DRY_RUN="1", PROJECT_ID="demo-project")).stdout
    for expected in ("--uniform-bucket-level-access", "--public-access-prevention", "--lifecycle-file=",
                     "--type=firestore-native", "--workload-pool=demo-project.svc.id.goog", "--enable-dataplane-v2",
                     "--min-nodes=0", "roles/iam.workloadIdentityUser",
                     "roles/storage.objectUser", "roles/datastore.user"):
        assert expected in out, expected
    assert re.search(r"--accelerator=type=nvidia-l4\\?,count=1", out)
    assert not re.search(r"roles/(owner|editor)\b", out)
    json.load(open(os.path.join(DEPLOY, "gcp", "bucket-lifecycle.json"), encoding="utf-8"))


def test_dashboard_queries_only_metrics_the_gateway_exports():
    dashboard = json.load(open(os.path.join(DEPLOY, "monitoring", "grafana-dashboard.json"), encoding="utf-8"))
    sources = ""
    for folder, _, files in os.walk(os.path.join(ROOT, "gateway", "src", "main", "java")):
        sources += "".join(open(os.path.join(folder, f), encoding="utf-8").read() for f in files)
    exprs = [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]
    assert len(exprs) >= 15
    for name in set(re.findall(r"\bqrart_\w+", " ".join(exprs))):
        meter = re.sub(r"(_seconds)?(_bucket|_count|_sum|_total)?$", "", name).replace("_", ".")
        assert f'"{meter}"' in sources, f"{name}: no meter {meter} in the gateway"
