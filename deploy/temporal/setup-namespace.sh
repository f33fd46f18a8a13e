#!/bin/sh
# The namespace and the search attributes Nudgeflow filters runs on ("who is at which node").
set -eu
until temporal operator cluster health --address "$TEMPORAL_ADDRESS"; do sleep 2; done
temporal operator namespace describe -n default --address "$TEMPORAL_ADDRESS" \
  || temporal operator namespace create -n default --retention 30d --address "$TEMPORAL_ADDRESS"
for attr in NudgeflowFlowId NudgeflowNodeId NudgeflowContactId; do
  temporal operator search-attribute create --namespace default --name "$attr" --type Keyword --address "$TEMPORAL_ADDRESS" \
    || echo "search attribute $attr exists"
done
