#!/usr/bin/env bash
# Prints one setting from Cosmos.config (an MSBuild property file), or the default given.
#   config-value.sh NAME DEFAULT
set -euo pipefail
config="$(dirname "$0")/../../Cosmos.config"
value=$(sed -n "s:.*<$1[^>]*>\(.*\)</$1>.*:\1:p" "$config" | head -n 1)
echo "${value:-$2}"
