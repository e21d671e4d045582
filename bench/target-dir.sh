# Sourced by the bench scripts: prints cargo's target directory for the manifest in $1 (honours
# CARGO_TARGET_DIR, relative or absolute, and build.target-dir in cargo config).
target_dir() {
  cargo metadata --format-version 1 --no-deps --manifest-path "$1/Cargo.toml" \
    | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p'
}
