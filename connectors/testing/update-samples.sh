# shellcheck shell=bash disable=SC2154  # root, selected, outcome, say: defined by scripts/test-connectors
# Sourced by scripts/test-connectors --update-samples after the tests ran, before the gateways stop.
# Rewrites each connector's sample.log from lines the run really produced:
# - nextjs, fastapi: the gateways' policy event lines for requests the connector's tests sent (the
#   seed's quickstart in local dev mode, then one line per decision the keyed gateway logged for
#   the connector's target: rewrite, block, rate limited);
# - langchain, litellm: the lines the connector's audit code wrote from real gateway answers.
# A connector whose tests did not run (skipped) keeps its sample.log.

# One line per distinct decision/reason code, in order, at most $2 lines, from standard input.
one_per_decision() {
  awk -v max="$1" '{
    key = ""
    for (i = 1; i <= NF; i++) if ($i ~ /^(decision|reason_code)=/) key = key " " $i
    if (!(key in seen) && shown < max) { seen[key] = 1; shown++; print }
  }'
}

update_sample() {
  local connector=$1 sample=$root/connectors/policy-gateway-$1/sample.log lines=$2
  if [[ -z $lines ]]; then
    say "sample.log of $connector: no lines from this run; left as it is"
    return 0
  fi
  printf '%s\n' "$lines" >"$sample"
  say "sample.log of $connector: $(wc -l <"$sample") lines from this run"
}

for connector in "${selected[@]}"; do
  [[ ${outcome[$connector]:-} == passed ]] || continue
  case $connector in
    nextjs | fastapi)
      update_sample "$connector" "$(
        cat -- "$POLICY_GATEWAY_TEST_OUTPUT/$connector-events.log" 2>/dev/null | head -n 1
        grep -h -- "policy_target=connector-$connector " "$POLICY_GATEWAY_TEST_EVENTS_LOG" 2>/dev/null | one_per_decision 4
      )"
      ;;
    langchain | litellm)
      update_sample "$connector" "$(one_per_decision 4 <"$POLICY_GATEWAY_TEST_OUTPUT/$connector-audit.log" 2>/dev/null)"
      ;;
  esac
done
