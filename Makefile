# QR Art: `make run` starts the stack, `make test` runs every test suite.
# Both install what is missing first and are safe to run again.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
VENV_STAMP := $(VENV)/.installed
HANDLER := torchserve-handler
MODEL_STORE := model-store
ARCHIVE := $(MODEL_STORE)/qrart.mar
GATEWAY_JAR := gateway/target/quarkus-app/quarkus-run.jar
# GCS emulator for the storage adapter tests, built from the Go module proxy.
FAKE_GCS_VERSION := v1.56.1
FAKE_GCS := .run/bin/fake-gcs-server
MVN := mvn -B -q
# Weights source for the archive: auto | tiny | dir | hub (see model-archiver/build_archive.py).
WEIGHTS ?= auto
# Optional model-config overlay from model-archiver/profiles/, e.g. PROFILE=gpu-h200.
PROFILE ?=

# Web app: npm packages (cache in ~/.npm), the build the gateway serves, Debian's Chromium for e2e.
FRONTEND_DEPS := frontend/node_modules/.installed
FRONTEND_DIST := frontend/dist/index.html
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help venv archive gateway frontend api-types run test lint test-handler test-deploy test-gateway test-frontend test-e2e \
        bench-cpu bench-gpu bench-flops bench-scan bench-links bench-redirects bench-generations bench-uploads bench-load bench-soak clean

help:
	@echo "make run    - install, build the model archive, start TorchServe + gateway"
	@echo "make test   - install and run every test suite (handler, web app, gateway, end to end)"
	@echo "make bench-cpu / bench-gpu - throughput benchmarks (not tests)"
	@echo "make bench-flops - FLOPs per image of each compute option (full-size architecture, CPU)"
	@echo "make bench-scan - scan verification + repair over ../shared/benchmarks/qr-art (raw, known payloads in place, embed)"
	@echo "make bench-links - QR versions of links.csv given vs short, your picture with each (readers' smallest width)"
	@echo "make bench-redirects - short link redirects under hey: requests/s, p50/p99, exact scan counts"
	@echo "make bench-generations N=24 OUT=DIR - N generations over the API, written to DIR and judged per reader"
	@echo "make bench-uploads STRENGTH=balanced - fix a code / your picture over the API on the shared benchmark"
	@echo "make bench-load / bench-soak - 200 clients over 2 replicas / 10 minutes against the full stack (CLIENTS=, DURATION=, REPLICAS=)"

$(VENV_STAMP): $(HANDLER)/requirements.txt $(HANDLER)/requirements.lock $(HANDLER)/pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r $(HANDLER)/requirements.txt -c $(HANDLER)/requirements.lock
	$(PY) -m pip install -q --no-deps --no-build-isolation -e $(HANDLER)
	touch $@

venv: $(VENV_STAMP)

DEPLOY_STAMP := $(VENV)/.deploy-installed
$(DEPLOY_STAMP): $(VENV_STAMP) deploy/requirements.txt
	$(PY) -m pip install -q -r deploy/requirements.txt
	touch $@

$(ARCHIVE): $(VENV_STAMP) $(wildcard $(HANDLER)/qrart_handler/*.py) $(HANDLER)/ts_handler.py \
            model-archiver/build_archive.py model-archiver/model-config.yaml $(wildcard model-archiver/profiles/*.yaml)
	$(PY) model-archiver/build_archive.py --source $(WEIGHTS) --model-store $(MODEL_STORE) \
		$(if $(PROFILE),--profile $(PROFILE))

archive: $(ARCHIVE)

$(FRONTEND_DEPS): frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

$(FRONTEND_DIST): $(FRONTEND_DEPS) $(shell find frontend/src -type f ! -name openapi.gen.ts) frontend/index.html frontend/vite.config.ts
	cd frontend && npm run build

frontend: $(FRONTEND_DIST)

$(CHROMIUM):
	$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium

# Rebuilt only when the web app, a pom or a main source is newer than the jar.
$(GATEWAY_JAR): $(FRONTEND_DIST) pom.xml qr-engine/pom.xml engine-cli/pom.xml gateway/pom.xml scan-bench/pom.xml \
		$(shell find qr-engine/src/main engine-cli/src/main gateway/src/main scan-bench/src -type f)
	$(MVN) -DskipTests package

gateway: $(GATEWAY_JAR)

# REPLICAS=2: gateways on ports 8080, 8081 sharing the Firestore and GCS emulators.
run: $(ARCHIVE) gateway $(if $(filter-out 1,$(or $(REPLICAS),1)),$(FAKE_GCS))
	QRART_REPLICAS=$(or $(REPLICAS),1) scripts/run-stack.sh

test: lint test-handler test-deploy test-frontend test-gateway test-e2e

# The three linters, first: Spotless (Java), ruff (Python), ESLint (TypeScript).
lint: $(VENV_STAMP) $(FRONTEND_DEPS)
	$(MVN) spotless:check
	$(PY) -m ruff check .
	cd frontend && npm run lint

test-handler: $(VENV_STAMP)
	cd $(HANDLER) && ../$(PY) -m pytest -p no:cacheprovider -W ignore::DeprecationWarning

$(FAKE_GCS):
	GOBIN=$(CURDIR)/.run/bin go install github.com/fsouza/fake-gcs-server@$(FAKE_GCS_VERSION)

test-gateway: $(FAKE_GCS) $(ARCHIVE) $(FRONTEND_DIST)
	mvn -B -ntp verify -Dqrart.fake-gcs-server=$(CURDIR)/$(FAKE_GCS) -Dqrart.repo-root=$(CURDIR)

# Kubernetes schemas (offline), hadolint, compose, GCP script and dashboard checks; tsctl.py and the
# shipped TorchServe config against a real TorchServe.
test-deploy: $(DEPLOY_STAMP)
	cd deploy && ../$(PY) -m pytest -p no:cacheprovider -q

test-frontend: $(FRONTEND_DEPS)
	cd frontend && npm run typecheck && npm test

# The real stack (TorchServe + offline model + gateway with the built app) in headless Chromium.
test-e2e: $(ARCHIVE) $(GATEWAY_JAR) $(CHROMIUM) $(FRONTEND_DEPS)
	cd frontend && npm run e2e

# The web app's copy of the gateway's OpenAPI document (OpenApiDocumentTest keeps them equal).
api-types: $(GATEWAY_JAR)
	cp gateway/target/openapi/openapi.json frontend/src/types/openapi.json

bench-cpu: $(VENV_STAMP)
	$(PY) $(HANDLER)/bench/cpu_batching.py

# Scan verification + repair over the shared benchmark folder, read in place.
SCAN_BENCH_DIR ?= ../shared/benchmarks/qr-art
# SCAN_BENCH_OUT=DIR also writes every delivered image (PNG + payloads.csv) into DIR/known and DIR/embed;
# BENCH_STRENGTHS=artistic,balanced,robust picks the strengths.
SCAN_BENCH_OUT ?=
bench-scan: gateway
	SCAN_BENCH_OUT=$(SCAN_BENCH_OUT) java -cp "scan-bench/target/classes:scan-bench/target/lib/*" \
		app.qrart.scanbench.ScanBenchmark $(SCAN_BENCH_DIR) both

# N generations over the HTTP API with the offline model (or archived weights), written to OUT and judged.
N ?= 24
OUT ?= .run/bench-generations
bench-generations: $(ARCHIVE) $(GATEWAY_JAR)
	$(PY) tools/bench_generations.py --n $(N) --out $(OUT)

# "Fix a code" and "your picture" over the HTTP API on ../shared/benchmarks/qr-art (STRENGTH=balanced).
STRENGTH ?= balanced
bench-uploads: $(ARCHIVE) $(GATEWAY_JAR)
	$(PY) tools/bench_uploads.py --strength $(STRENGTH)

# Load (200 clients) and soak (10 min) against the full stack with the offline model: figures, not tests.
CLIENTS ?=
DURATION ?=
# bench-load runs two gateway replicas on the Firestore and GCS emulators unless REPLICAS= says otherwise.
bench-load bench-soak: $(ARCHIVE) $(GATEWAY_JAR) $(FAKE_GCS)
	$(PY) tools/loadtest.py $(@:bench-%=%) $(if $(CLIENTS),--clients $(CLIENTS)) $(if $(DURATION),--duration $(DURATION)) \
	  --replicas $(or $(REPLICAS),$(if $(filter bench-load,$@),2,1))

# Short links: QR versions of ../shared/benchmarks/links.csv as given and as a short link, then "your
# picture" on ../shared/benchmarks/pictures with each link given and shortened (LINK_BASE: the short URL's base).
LINK_BASE ?= HTTPS://QRA.RT/
bench-links: gateway
	java -cp "scan-bench/target/classes:scan-bench/target/lib/*" \
		app.qrart.scanbench.ScanBenchmark ../shared/benchmarks links $(LINK_BASE)

# Redirects of a short link under `hey` (50 clients, 30 s; CLIENTS=, DURATION=): requests/s, p50/p99, exact counts.
HEY_VERSION := v0.1.4
HEY := .run/bin/hey
$(HEY):
	GOBIN=$(CURDIR)/.run/bin go install github.com/rakyll/hey@$(HEY_VERSION)

bench-redirects: $(HEY) $(ARCHIVE) $(GATEWAY_JAR)
	$(PY) tools/bench_redirects.py $(if $(CLIENTS),--clients $(CLIENTS)) $(if $(DURATION),--duration $(DURATION))

# CUDA graphs (reduce-overhead) at batch 8 and 16, then the compute options (CFG cut-off 0.6,
# control window 0-0.8) at the same sizes.
bench-gpu: $(VENV_STAMP)
	$(PY) $(HANDLER)/bench/gpu_throughput.py --compile 8,16 --compile-mode reduce-overhead \
		--cfg-cutoff 0.6 --control-end 0.8 --options-batch-sizes 8,16

bench-flops: $(VENV_STAMP)
	$(PY) $(HANDLER)/bench/flops.py --out $(HANDLER)/bench/results/flops.json

clean:
	rm -rf $(MODEL_STORE) .run qr-engine/target engine-cli/target gateway/target scan-bench/target target frontend/dist frontend/node_modules frontend/test-results
