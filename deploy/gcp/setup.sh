#!/usr/bin/env bash
# QR Art on GCP: APIs, Artifact Registry, the image bucket, Firestore, least-privilege service
# accounts with Workload Identity, and a GKE cluster with an autoscaled GPU node pool.
#   PROJECT_ID=my-project REGION=europe-west4 deploy/gcp/setup.sh
#   DRY_RUN=1 ... prints the commands instead of running them.
# Safe to re-run: a resource that already exists is reported and left as it is.
set -euo pipefail

PROJECT_ID="${PROJECT_ID:?set PROJECT_ID}"
REGION="${REGION:-europe-west4}"
CLUSTER="${CLUSTER:-qrart}"
GPU_TYPE="${GPU_TYPE:-nvidia-l4}"
GPU_MACHINE="${GPU_MACHINE:-g2-standard-8}"
GPU_MAX_NODES="${GPU_MAX_NODES:-8}"
BUCKET="qrart-images-${PROJECT_ID}"
GATEWAY_SA="qrart-gateway@${PROJECT_ID}.iam.gserviceaccount.com"
NODE_SA="qrart-nodes@${PROJECT_ID}.iam.gserviceaccount.com"
HERE="$(cd "$(dirname "$0")" && pwd)"

run() {
  if [[ "${DRY_RUN:-0}" == 1 ]]; then
    printf '%q ' "$@"; echo
  else
    "$@"
  fi
}

# Creation commands tolerate "already exists" so the script can be re-run.
create() {
  if [[ "${DRY_RUN:-0}" == 1 ]]; then
    run "$@"
  elif ! out=$("$@" 2>&1); then
    grep -qi "already exist" <<<"$out" && echo "exists: $*" || { echo "$out" >&2; return 1; }
  fi
}

run gcloud config set project "$PROJECT_ID"
run gcloud services enable container.googleapis.com artifactregistry.googleapis.com \
  firestore.googleapis.com storage.googleapis.com iamcredentials.googleapis.com

# Container images.
create gcloud artifacts repositories create qrart --repository-format=docker --location="$REGION"

# Images: uniform bucket-level access, never public (the gateway hands out signed URLs),
# thumbnails and images kept a year then deleted (bucket-lifecycle.json).
create gcloud storage buckets create "gs://${BUCKET}" --location="$REGION" \
  --uniform-bucket-level-access --public-access-prevention
run gcloud storage buckets update "gs://${BUCKET}" --lifecycle-file="$HERE/bucket-lifecycle.json"

# Records: Firestore in native mode. The gallery query uses a single-field index (galleryKey range
# + order), which Firestore builds automatically; the replicas' search for waiting jobs a composite
# one (status in, leaseExpiresAt range + order). The large text fields are exempted from indexing to
# keep writes cheap. Keys' rate buckets carry the time they are full again: a TTL policy removes them.
create gcloud firestore databases create --location="$REGION" --type=firestore-native
for field in content parameters scanReport error leases; do
  run gcloud firestore indexes fields update "$field" --collection-group=generations --disable-indexes --quiet
done
create gcloud firestore indexes composite create --collection-group=generations --query-scope=collection \
  --field-config=field-path=status,order=ascending --field-config=field-path=leaseExpiresAt,order=ascending
run gcloud firestore fields ttls update expireAt --collection-group=keyRates --enable-ttl --quiet

# The gateway: read/write its own bucket's objects, Firestore documents, and sign URLs as itself.
create gcloud iam service-accounts create qrart-gateway --display-name="QR Art gateway"
run gcloud storage buckets add-iam-policy-binding "gs://${BUCKET}" \
  --member="serviceAccount:${GATEWAY_SA}" --role=roles/storage.objectUser
run gcloud projects add-iam-policy-binding "$PROJECT_ID" \
  --member="serviceAccount:${GATEWAY_SA}" --role=roles/datastore.user --condition=None
run gcloud iam service-accounts add-iam-policy-binding "$GATEWAY_SA" \
  --member="serviceAccount:${GATEWAY_SA}" --role=roles/iam.serviceAccountTokenCreator
run gcloud iam service-accounts add-iam-policy-binding "$GATEWAY_SA" \
  --member="serviceAccount:${PROJECT_ID}.svc.id.goog[qrart/qrart-gateway]" --role=roles/iam.workloadIdentityUser

# Nodes: logs, metrics and image pulls only. TorchServe pods get no GCP identity at all.
create gcloud iam service-accounts create qrart-nodes --display-name="QR Art GKE nodes"
for role in roles/logging.logWriter roles/monitoring.metricWriter roles/artifactregistry.reader; do
  run gcloud projects add-iam-policy-binding "$PROJECT_ID" --member="serviceAccount:${NODE_SA}" --role="$role" \
    --condition=None
done

# GKE with Workload Identity and network policy enforcement (Dataplane V2).
create gcloud container clusters create "$CLUSTER" --region="$REGION" --num-nodes=1 \
  --machine-type=e2-standard-4 --workload-pool="${PROJECT_ID}.svc.id.goog" \
  --enable-dataplane-v2 --service-account="$NODE_SA" --enable-shielded-nodes
# GPU pool: scales from zero, tainted so only GPU workloads land there, drivers installed by GKE.
create gcloud container node-pools create gpu --cluster="$CLUSTER" --region="$REGION" \
  --machine-type="$GPU_MACHINE" --accelerator="type=${GPU_TYPE},count=1,gpu-driver-version=latest" \
  --enable-autoscaling --min-nodes=0 --max-nodes="$GPU_MAX_NODES" \
  --node-taints=nvidia.com/gpu=present:NoSchedule --service-account="$NODE_SA" \
  --workload-metadata=GKE_METADATA

echo "Done. Next: docs/operations.md, 'Deploy'."
