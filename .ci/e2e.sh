#!/bin/sh
# End-to-end test through the real pre-commit framework (tests/it/e2e_pre_commit.rs).
# It builds the COMMITTED HEAD of this checkout with pre-commit's own `cargo install`, so commit first.
# Usage: .ci/e2e.sh [extra libtest args, e.g. --skip commit_msg_stage]
set -eu
cd "$(dirname -- "$0")/.."
if ! command -v pre-commit >/dev/null 2>&1; then
	python3 -m pip install --quiet 'pre-commit>=3.2.0'
fi
pre-commit --version
exec cargo test --test it -- e2e_pre_commit:: "$@"
