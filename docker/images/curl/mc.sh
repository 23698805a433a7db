#!/bin/sh
# The two MinIO client commands docker-compose.yml's s3-init runs, with curl's AWS v4 signing:
#   mc alias set NAME URL ACCESS-KEY SECRET-KEY
#   mc mb [--ignore-existing] NAME/BUCKET
set -eu
aliases=${HOME:-/tmp}/.mc-aliases
case "${1:-} ${2:-}" in
  "alias set")
    [ $# -eq 6 ] || { echo "usage: mc alias set NAME URL ACCESS-KEY SECRET-KEY" >&2; exit 2; }
    grep -v "^$3 " "$aliases" 2>/dev/null > "$aliases.new" || true
    echo "$3 $4 $5 $6" >> "$aliases.new" && mv "$aliases.new" "$aliases"
    echo "Added \`$3\` successfully." ;;
  mb*)
    shift
    ignore=false
    [ "${1:-}" = --ignore-existing ] && { ignore=true; shift; }
    target=${1:?usage: mc mb [--ignore-existing] NAME/BUCKET}
    name=${target%%/*} bucket=${target#*/}
    set -- $(grep "^$name " "$aliases" || { echo "mc: no alias $name" >&2; exit 1; })
    # S3 wants the payload's hash signed too: here the hash of the empty body.
    status=$(curl -sS -o /tmp/mc-answer -w '%{http_code}' -X PUT --aws-sigv4 "aws:amz:${AWS_REGION:-us-east-1}:s3" \
      -H "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" \
      --user "$3:$4" "$2/$bucket")
    case "$status" in
      200) echo "Bucket created successfully \`$target\`." ;;
      409) $ignore || { cat /tmp/mc-answer >&2; exit 1; }; echo "Bucket \`$target\` already exists." ;;
      *) echo "mc: PUT $2/$bucket answered $status" >&2; cat /tmp/mc-answer >&2; exit 1 ;;
    esac ;;
  *) echo "this mc knows only 'alias set' and 'mb'" >&2; exit 2 ;;
esac
