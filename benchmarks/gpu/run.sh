#!/usr/bin/env bash
# GPU benchmark job, end to end: install with the cuda profile, SpeedBenchmark, one dissertation table.
# Usage: benchmarks/gpu/run.sh [TABLE] [SCALE] [DATA_DIR]   (arguments win over the environment variables)
#   TABLE    table id for tables.Reproduce (default 4.1)
#   SCALE    cpu or full, Reproduce's --scale (default full)
#   DATA_DIR DL4J resources base directory: data sets are read from DATA_DIR/data/<name>, e.g.
#            DATA_DIR/data/mnist-idx, DATA_DIR/data/cifar-10-binary (default: ~/.deeplearning4j)
#   OUT      where the logs and tables go (default benchmarks/gpu/results)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TABLE="${1:-${TABLE:-4.1}}"
SCALE="${2:-${SCALE:-full}}"
DATA_DIR="${3:-${DATA_DIR:-}}"
OUT="${OUT:-$ROOT/benchmarks/gpu/results}"

# Fail fast without a GPU: the cuda build downloads several GB, and ND4J's CUDA backend cannot load without a driver.
gpus="$(command -v nvidia-smi >/dev/null 2>&1 && timeout 30 nvidia-smi -L 2>/dev/null || true)"
if ! grep -q '^GPU ' <<<"$gpus"; then
  echo "run.sh: no NVIDIA GPU found (nvidia-smi missing or lists no GPU); needs an NVIDIA GPU with driver >= 510 for the CUDA 11.6 builds of ND4J 1.0.0-M2.1" >&2
  exit 3
fi
# nd4j-cuda-11.6 M2.1 ships machine code for sm_37..sm_86 and no PTX: Hopper (9.x) and newer cannot run its kernels.
driver="$(nvidia-smi --query-gpu=driver_version --format=csv,noheader | head -n1)"
cc="$(nvidia-smi --query-gpu=compute_cap --format=csv,noheader 2>/dev/null | head -n1 || true)"
echo "GPU: $(head -n1 <<<"$gpus"); driver $driver; compute capability ${cc:-unknown}"
if [ "${driver%%.*}" -lt 510 ] 2>/dev/null; then
  echo "run.sh: NVIDIA driver $driver is too old; CUDA 11.6 needs >= 510" >&2; exit 3
fi
if [ -n "$cc" ] && [ "${cc%%.*}" -ge 9 ]; then
  echo "run.sh: compute capability $cc is not supported by nd4j-cuda-11.6 1.0.0-M2.1 (no kernels beyond sm_86, no PTX)" >&2; exit 3
fi

# -Djavacpp.platform must be on the command line (not in a pom): it collapses the JavaCPP platform poms to linux-x86_64.
MVN=(mvn -B -q -Pcuda -Dcuda -Djavacpp.platform=linux-x86_64)
if [ -n "$DATA_DIR" ]; then
  [ -d "$DATA_DIR" ] || { echo "run.sh: DATA_DIR $DATA_DIR is not a directory" >&2; exit 2; }
  # Reproduce has no data option; the rows find data under DL4J's resources directory, which this property moves.
  MVN+=("-Dorg.deeplearning4j.resources.directory=$(cd "$DATA_DIR" && pwd)")
fi
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
echo "Results: $OUT (speed.log, reproduce.log, table-$TABLE-${SCALE,,}.md; finished rows are reused on a re-run)"

cd "$ROOT"
"${MVN[@]}" -DskipTests install
"${MVN[@]}" -pl benchmarks exec:java 2>&1 | tee "$OUT/speed.log"
"${MVN[@]}" -pl benchmarks exec:java -Dexec.mainClass=io.github.dl4jrvsm.benchmarks.tables.Reproduce \
  "-Dexec.args=--scale $SCALE --out $OUT $TABLE" 2>&1 | tee "$OUT/reproduce.log"
echo "Done. Results in $OUT"
