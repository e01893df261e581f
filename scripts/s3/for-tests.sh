# Sourced by scripts/test.sh and scripts/e2e.sh: makes sure a seeded radosgw answers on
# CLUSTERSCOPE_TEST_S3_PORT (default 7490) and, when this shell started it, stops it on
# exit, whether the tests pass or fail. A caller that already did this exports the port,
# and nested scripts reuse it.
if [ -z "${CLUSTERSCOPE_TEST_S3_READY:-}" ]; then
  export CLUSTERSCOPE_TEST_S3_PORT="${CLUSTERSCOPE_TEST_S3_PORT:-7490}"
  if ! timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$CLUSTERSCOPE_TEST_S3_PORT" 2>/dev/null; then
    trap 'S3_PORT=$CLUSTERSCOPE_TEST_S3_PORT bash scripts/s3/radosgw.sh stop' EXIT
  fi
  S3_PORT=$CLUSTERSCOPE_TEST_S3_PORT bash scripts/s3/radosgw.sh start
  export CLUSTERSCOPE_TEST_S3_READY=1
fi
