#!/usr/bin/env bash
# Re-downloads the packages of packages.tsv (exact versions) and unpacks them under $1
# (default /work/data/insecure/src), one folder per package. Needs pip, npm, curl, tar and, for
# the Debian rows, `deb-src` in apt's sources and `apt-get update` (apt-get source).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-/work/data/insecure/src}
dl=${out%/}/../dl
mkdir -p "$out" "$dl"
grep -v '^#' "$here/packages.tsv" | while IFS=$'\t' read -r eco name ver _; do
  dest="$out/$eco-${name//\//_}-$ver"
  [ -d "$dest" ] && continue
  mkdir -p "$dest"
  case $eco in
    pypi)
      url=$(python3 -c 'import json,sys,urllib.parse as p,urllib.request as u
j="https://pypi.org/pypi/%s/json" % sys.argv[1]
d=json.load(u.urlopen(j))
print(next(p.urljoin(j, x["url"]) for x in d["releases"][sys.argv[2]] if x["packagetype"] == "sdist"))' "$name" "$ver" 2>/dev/null) ||
        { echo "failed: $eco $name $ver" >&2; rmdir "$dest"; continue; }
      f="$dl/${url##*/}"
      curl -fsSL -o "$f" "$url"
      case $f in *.zip) unzip -q "$f" -d "$dest" ;; *) tar -xf "$f" -C "$dest" ;; esac ;;
    npm)
      d=$(mktemp -d "$dl/npm.XXXX")
      (cd "$d" && npm pack -q "$name@$ver" >/dev/null 2>&1) ||
        { echo "failed: $eco $name $ver" >&2; rmdir "$dest"; continue; }
      tar -xzf "$d"/*.tgz -C "$dest" ;;
    crates)
      curl -fsSL "https://static.crates.io/crates/$name/$name-$ver.crate" | tar -xz -C "$dest" ;;
    debian)
      (cd "$dest" && apt-get source -q --download-only "$name=$ver" >/dev/null &&
        dpkg-source -x --skip-patches ./*.dsc src >/dev/null && rm -f ./*.tar.* ./*.dsc ./*.diff.gz) ||
        { echo "failed: $eco $name $ver" >&2; rm -rf "$dest"; continue; }
      ;;
  esac
done
du -sh "$out"
