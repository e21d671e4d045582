#!/bin/bash
# downloads for bench/classes-heldout-4 (packages in none of the earlier sets, see README)
B=/work/data/heldout4; T=$(cd "$(dirname "$0")" && pwd)
mkdir -p $B/pypi $B/npm $B/crates $B/deb/bin
cd $B/pypi && for p in aiohttp-session humanize flask-httpauth; do pip download -q --no-deps --only-binary :all: -d . $p || echo "FAIL pypi $p"; done
cd $B/npm && for p in dotenv slugify express-jwt csrf-csrf; do npm pack --silent $p >/dev/null || echo "FAIL npm $p"; done
cd $B/crates && python3 -c "import sys; sys.path.insert(0, '$T/../../heldout_tools'); import heldout; heldout.crates_download(sys.argv[1:], '.', 'git-charter bench/classes-heldout-4')" bcrypt-pbkdf hex jwt-simple
cd $B/deb/bin && for p in golang-github-golang-jwt-jwt-dev golang-github-gorilla-securecookie-dev ruby-rainbow; do apt-get download -q $p >/dev/null 2>&1 || echo "FAIL deb $p"; done
echo DONE
